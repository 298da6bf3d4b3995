using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Core.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Policy;

/// <summary>
/// Approvals on record: an approved port's justification, approver and date beside it, a waiver's owner, approver,
/// justification and compensating control; what <c>policy validate</c> warns about, at the entry's line and column.
/// </summary>
public sealed class ApprovalPolicyTests
{
    private static readonly DateOnly Day = DateOnly.FromDateTime(Audits.Day.UtcDateTime);

    private const string Approved =
        "policy: p\n" +
        "rules:\n" +
        "  approved-ports:\n" +
        "    tcp:\n" +
        "      - 22\n" +
        "      - { port: 8443, justification: \"Partner API: the payment provider's callbacks\", approved_by: Dana Whitfield, approved_on: 2026-03-01 }\n" +
        "      - { port: \"8000-8010\", justification: Build agents' callback ports }\n" +
        "    udp: [68]\n" +
        "groups:\n" +
        "  - name: web\n" +
        "    match: { hosts: [\"web*\"], tags: [web] }\n" +
        "    rules:\n" +
        "      approved-ports:\n" +
        "        tcp: [80, { port: 443, justification: The public web site, approved_by: Marc Oyelaran }]\n";

    private static (Core.Policy.Policy? Policy, IReadOnlyList<Diagnostic> Diagnostics, string Path) Load(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pc-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        try
        {
            var result = PolicyLoader.Load(path);
            return (result.Policy, result.Diagnostics, path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Waiver(string approval) =>
        "policy: p\nrules:\n  approved-ports: { tcp: [{ port: 22, justification: SSH }] }\nwaivers:\n" +
        "  - { rule: approved-ports, hosts: ['*-db'], proto: tcp, port: 6380, reason: Cache for the batch jobs, ticket: SEC-142,\n" +
        $"      expires: 2026-12-31{approval} }}\n";

    [Fact]
    public void Should_Read_An_Approved_Port_Mapping_Beside_Plain_Ports_And_Ranges()
    {
        var (policy, diagnostics, _) = Load(Approved);

        Assert.Empty(diagnostics);
        Assert.Equal(
            [
                (new PortRange(Protocol.Tcp, 22, 22), Approval.None),
                (new PortRange(Protocol.Tcp, 8443, 8443), new Approval("Partner API: the payment provider's callbacks", "Dana Whitfield", new DateOnly(2026, 3, 1))),
                (new PortRange(Protocol.Tcp, 8000, 8010), new Approval("Build agents' callback ports", null, null)),
                (new PortRange(Protocol.Udp, 68, 68), Approval.None),
            ],
            policy!.Rules.ApprovedPorts.Select(p => (p.Ports, p.Approval)));
        Assert.Equal((5, 9), (policy.Rules.ApprovedPorts[0].Line, policy.Rules.ApprovedPorts[0].Column));
    }

    [Fact]
    public void Should_Judge_A_Mapped_Port_As_Approved_Like_A_Plain_One()
    {
        var db = Audits.Of("samples/ss/ss-lntup-debian12-db.txt",
            "policy: p\nrules:\n  approved-ports:\n    tcp: [22, { port: 6380, justification: Batch cache, approved_by: CISO }, { port: \"5430-5439\" }]\n");

        Assert.DoesNotContain(db.Findings, f => f.Rule == RuleIds.ApprovedPorts && f.Port is 6380 or 5432);
        Assert.Contains(db.Findings, f => f.Rule == RuleIds.ApprovedPorts && f.Port == 8080);
    }

    [Fact]
    public void Should_List_Every_Approved_Port_In_The_Register_With_Where_It_Applies()
    {
        var register = Load(Approved).Policy!.Register();

        Assert.Equal(
            [
                (Protocol.Tcp, 22, 22, (string?)null, (string?)null), (Protocol.Tcp, 8443, 8443, null, "Dana Whitfield"),
                (Protocol.Tcp, 8000, 8010, null, null), (Protocol.Udp, 68, 68, null, null),
                (Protocol.Tcp, 80, 80, "web", null), (Protocol.Tcp, 443, 443, "web", "Marc Oyelaran"),
            ],
            register.Select(e => (e.Proto, e.From, e.To, e.Group?.Name, e.Approval.ApprovedBy)));
        var web = register[^1].Group!;
        Assert.Equal(["web*"], web.Hosts);
        Assert.Equal(["web"], web.Tags);
        Assert.Empty(web.Os);
    }

    [Fact]
    public void Should_Report_A_Bad_Approval_Date_At_Its_Line_And_Column()
    {
        var (policy, diagnostics, path) = Load("policy: p\nrules:\n  approved-ports:\n    tcp:\n      - { port: 8443, justification: Partner API, approved_on: 2026-02-30 }\n");

        Assert.Null(policy);
        Assert.Equal($"{path}:5:64: error: approved_on must be a date written YYYY-MM-DD, not '2026-02-30'", Assert.Single(diagnostics).ToString());
    }

    [Theory]
    [InlineData("{ port: 8443, aproved_by: CISO }", "5:23: error: unknown key 'aproved_by' in an entry of approved-ports: tcp; did you mean 'approved_by'?")]
    [InlineData("{ ports: \"8000-8010\" }", "5:11: error: unknown key 'ports' in an entry of approved-ports: tcp; did you mean 'port'?")]
    [InlineData("{ justification: Partner API }", "5:9: error: an entry of approved-ports: tcp needs 'port'")]
    [InlineData("{ port: 70000, justification: x }", "5:17: error: each port in approved-ports: tcp: port 70000 is outside 1-65535")]
    public void Should_Point_At_A_Mistake_In_An_Approved_Port_Mapping(string item, string expected)
    {
        var (policy, diagnostics, path) = Load($"policy: p\nrules:\n  approved-ports:\n    tcp:\n      - {item}\n");

        Assert.Null(policy);
        Assert.Contains(diagnostics, d => d.ToString().StartsWith($"{path}:{expected}", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Read_A_Waivers_Approval_And_Keep_Approver_As_Its_Older_Name()
    {
        var waiver = Assert.Single(Load(Waiver(", owner: Priya Raman, approved_by: Dana Whitfield, justification: Nightly batch, " +
                                               "compensating_control: FW-12 limits it to the batch subnet")).Policy!.Waivers);
        var older = Assert.Single(Load(Waiver(", approver: CISO")).Policy!.Waivers);

        Assert.Equal(("Priya Raman", "Dana Whitfield", "Nightly batch", "FW-12 limits it to the batch subnet", false),
            (waiver.Owner, waiver.ApprovedBy, waiver.Justification, waiver.CompensatingControl, waiver.IsSelfApproved));
        Assert.Equal(("CISO", null, null), (older.ApprovedBy, older.Owner, older.CompensatingControl));
    }

    [Fact]
    public void Should_Refuse_Both_Names_Of_The_Approver()
    {
        var (policy, diagnostics, path) = Load(Waiver(", approved_by: CISO, approver: CISO"));

        Assert.Null(policy);
        Assert.Equal($"{path}:6:47: error: a waiver has one approver: give approved_by (approver is its older name), not both", Assert.Single(diagnostics).ToString());
    }

    [Theory]
    [InlineData(", owner: Dana Whitfield, approved_by: dana whitfield ", true)]
    [InlineData(", owner: ' Dana Whitfield', approver: DANA WHITFIELD", true)]
    [InlineData(", owner: Dana Whitfield, approved_by: Marc Oyelaran", false)]
    [InlineData(", approved_by: Dana Whitfield", false)]
    [InlineData(", owner: Dana Whitfield", false)]
    public void Should_Tell_A_Waiver_Approved_By_Its_Own_Owner(string approval, bool self)
    {
        Assert.Equal(self, Assert.Single(Load(Waiver(approval)).Policy!.Waivers).IsSelfApproved);
    }

    [Fact]
    public void Should_Warn_About_Each_Approved_Port_Without_Justification_At_Its_Place()
    {
        var (policy, _, path) = Load(Approved);

        var warnings = PolicyReview.Warnings(policy!, Day).Select(w => w.ToString()).ToList();

        Assert.Equal(
            [
                $"{path}:5:9: warning: approved-ports: tcp/22 has no justification; record why it is allowed and who approved it (PCI DSS 1.2.5): " +
                "{ port: 22, justification: \"…\", approved_by: \"…\", approved_on: YYYY-MM-DD }",
                $"{path}:8:11: warning: approved-ports: udp/68 has no justification; record why it is allowed and who approved it (PCI DSS 1.2.5): " +
                "{ port: 68, justification: \"…\", approved_by: \"…\", approved_on: YYYY-MM-DD }",
                $"{path}:14:15: warning: approved-ports of group 'web': tcp/80 has no justification; record why it is allowed and who approved it " +
                "(PCI DSS 1.2.5): { port: 80, justification: \"…\", approved_by: \"…\", approved_on: YYYY-MM-DD }",
            ],
            warnings);
    }

    [Fact]
    public void Should_Warn_About_A_Self_Approved_Waiver_And_An_Expired_One_But_Not_A_Waiver_With_Only_Its_Reason()
    {
        var (policy, _, path) = Load(Waiver(", owner: Dana Whitfield, approved_by: Dana Whitfield").Replace("2026-12-31", "2026-10-31"));

        Assert.Equal(
            [
                $"{path}:5:5: warning: waiver SEC-142 is approved by its own owner (Dana Whitfield); separation of duties asks for another approver",
                $"{path}:5:5: warning: waiver SEC-142 expired on 2026-10-31",
            ],
            PolicyReview.Warnings(policy!, Day).Select(w => w.ToString()));
        Assert.Empty(PolicyReview.Warnings(Load(Waiver("")).Policy!, Day));
    }

    [Fact]
    public void Should_Validate_The_Built_In_Baseline_Without_A_Warning()
    {
        var baseline = PolicyLoader.Load(PolicyLoader.BuiltInBaseline).Policy!;

        Assert.Empty(PolicyReview.Warnings(baseline, Day));
        Assert.All(baseline.Register(), e => Assert.NotNull(e.Approval.Justification));
    }

    [Theory]
    [MemberData(nameof(PolicyLoaderTests.Shipped), MemberType = typeof(PolicyLoaderTests))]
    public void Should_Justify_Every_Port_A_Shipped_Policy_Approves(string path)
    {
        var policy = PolicyLoader.Load(RepoPaths.Combine(path)).Policy!;

        Assert.DoesNotContain(PolicyReview.Warnings(policy, Day), w => w.Message.Contains("has no justification", StringComparison.Ordinal));
    }
}

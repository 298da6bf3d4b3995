using System.Text.Json;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Core.Tests.Support;

namespace PortCompliance.Core.Tests.Evaluation;

/// <summary>Waivers judged on a fixed day: a waived finding stays visible; an expired waiver stops waiving and says so.</summary>
public sealed class WaiverTests
{
    private const string Db = "samples/ss/ss-lntup-debian12-db.txt";

    private static string Policy(string expires, string hosts = "['*-db']", string port = "port: 6380,") =>
        "policy: t\nrules:\n  approved-ports: { tcp: [22] }\nwaivers:\n" +
        $"  - {{ rule: approved-ports, hosts: {hosts}, proto: tcp, {port} reason: Cache for the batch jobs, ticket: SEC-142, expires: {expires}, approver: CISO }}\n";

    private static DateTimeOffset On(int year, int month, int day) => new(year, month, day, 23, 59, 0, TimeSpan.Zero);

    [Fact]
    public void Should_Mark_A_Covered_Finding_Waived_And_Keep_It()
    {
        var result = Audits.Of(Db, Policy("2026-12-31"));
        var finding = Assert.Single(result.Findings, f => f.Rule == RuleIds.ApprovedPorts && f.Port == 6380);

        Assert.True(finding.Waived);
        Assert.Equal(new WaiverReference("SEC-142", "Cache for the batch jobs", new DateOnly(2026, 12, 31), "CISO", Expired: false), finding.Waiver);
        Assert.DoesNotContain(result.Findings, f => f.Rule == RuleIds.WaiverExpired);
        Assert.Equal(result.Findings.Count(f => !f.Waived && f.Severity == Severity.High), result.Counts.High);
    }

    [Fact]
    public void Should_Still_Waive_On_The_Expiry_Day()
    {
        var finding = Assert.Single(Audits.Of(Db, Policy("2026-11-21"), On(2026, 11, 21)).Findings, f => f.Port == 6380);

        Assert.True(finding.Waived);
    }

    [Fact]
    public void Should_Stop_Waiving_The_Day_After_And_Raise_Waiver_Expired()
    {
        var result = Audits.Of(Db, Policy("2026-11-21"), On(2026, 11, 22));
        var finding = Assert.Single(result.Findings, f => f.Rule == RuleIds.ApprovedPorts && f.Port == 6380);
        var expired = Assert.Single(result.Findings, f => f.Rule == RuleIds.WaiverExpired);

        Assert.False(finding.Waived);
        Assert.True(finding.Waiver!.Expired);
        Assert.Equal(Severity.Medium, expired.Severity);
        Assert.Contains("SEC-142", expired.Message);
        Assert.Contains("expired on 2026-11-21", expired.Message);
        Assert.Equal(6380, expired.Port);
    }

    [Fact]
    public void Should_Raise_One_Waiver_Expired_Per_Waiver_However_Many_Findings_It_Covered()
    {
        var result = Audits.Of(Db, Policy("2026-01-31", port: ""));

        Assert.True(result.Findings.Count(f => f.Rule == RuleIds.ApprovedPorts && f.Waiver?.Expired == true) > 1);
        Assert.Single(result.Findings, f => f.Rule == RuleIds.WaiverExpired);
    }

    [Fact]
    public void Should_Not_Waive_Other_Hosts()
    {
        var finding = Assert.Single(Audits.Of(Db, Policy("2026-12-31", hosts: "[web01]")).Findings, f => f.Port == 6380);

        Assert.False(finding.Waived);
        Assert.Null(finding.Waiver);
    }

    [Fact]
    public void Should_Carry_The_Waivers_Approval_With_The_Findings_It_Covers_And_No_Longer_Covers()
    {
        var policy = Policy("2026-11-01").Replace("approver: CISO", "approved_by: ' Dana Whitfield', owner: dana whitfield, " +
            "justification: The batch jobs need it until the cache cluster ships, compensating_control: FW-12 limits it to the batch subnet");
        var result = Audits.Of(Db, policy);
        var covered = Assert.Single(result.Findings, f => f.Rule == RuleIds.ApprovedPorts && f.Port == 6380).Waiver!;
        var expired = Assert.Single(result.Findings, f => f.Rule == RuleIds.WaiverExpired).Waiver!;

        Assert.Equal(covered, expired);
        Assert.Equal((" Dana Whitfield", " Dana Whitfield", "dana whitfield", true), (covered.Approver, covered.ApprovedBy, covered.Owner, covered.SelfApproved));
        Assert.Equal(("The batch jobs need it until the cache cluster ships", "FW-12 limits it to the batch subnet"),
            (covered.Justification, covered.CompensatingControl));
    }

    [Fact]
    public void Should_Write_The_Approval_In_Results_Json_Beside_The_Approver_It_Always_Had()
    {
        var result = Audits.Of(Db, Policy("2026-12-31").Replace("approver: CISO", "approver: CISO, owner: Priya Raman"));
        var json = ResultsJson.Serialize(new AuditResult
        {
            Tool = new ToolInfo("portcompliance", "test"), GeneratedAt = Audits.Day, AuditDate = new DateOnly(2026, 11, 21),
            Policy = new PolicyInfo("t", "t", "", [], []), Summary = Core.Evaluation.Auditor.Summarize([result], 0, Severity.High), Hosts = [result],
        });

        var waiver = JsonDocument.Parse(json).RootElement.GetProperty("hosts")[0].GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("port").GetInt32() == 6380).GetProperty("waiver");

        // The fields it always had, in their place; the approval's after them.
        Assert.Equal(["ticket", "reason", "expires", "approver", "expired", "approved_by", "owner", "justification", "compensating_control", "self_approved"],
            waiver.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("CISO", "CISO", "Priya Raman", JsonValueKind.Null, false),
            (waiver.GetProperty("approver").GetString(), waiver.GetProperty("approved_by").GetString(), waiver.GetProperty("owner").GetString(),
             waiver.GetProperty("justification").ValueKind, waiver.GetProperty("self_approved").GetBoolean()));
    }
}

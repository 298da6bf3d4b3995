using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Core.Tests.Support;

namespace PortCompliance.Core.Tests.Evaluation;

/// <summary>
/// Each rule over the real db capture (samples/ss/ss-lntup-debian12-db.txt), whose 40 sockets hold every hard case:
/// dual-stack *, v6-only [::], 0.0.0.0%lo, [::ffff:127.0.0.1], %eth0 binds, UDP, and a socket with no process.
/// </summary>
public sealed class RuleTests
{
    private const string Db = "samples/ss/ss-lntup-debian12-db.txt";

    private static HostResult Audit(string rules) => Audits.Of(Db, $"policy: t\nrules:\n{rules}");

    [Theory]
    [InlineData("tcp *:9000", true)]              // dual-stack star
    [InlineData("udp *:9003", true)]
    [InlineData("tcp :::9001", true)]             // v6-only [::]
    [InlineData("tcp ::%eth0:9101", true)]        // wildcard, but only on eth0: still every address there
    [InlineData("udp 0.0.0.0%eth0:9102", true)]
    [InlineData("udp 0.0.0.0:9002", true)]
    [InlineData("tcp 0.0.0.0:2024", true)]        // no process information
    [InlineData("tcp 0.0.0.0:22", false)]         // allowed
    [InlineData("tcp :::22", false)]
    [InlineData("tcp 0.0.0.0%lo:9100", false)]    // bound to lo: loopback
    [InlineData("tcp ::ffff:127.0.0.1:9400", false)]
    [InlineData("tcp 192.0.2.2:9300", false)]     // specific
    [InlineData("tcp fe80::fc:ff:fe00:1%eth0:7100", false)]
    public void WildcardBind_Flags_Every_Wildcard_Except_Allowed_Ports(string socket, bool flagged)
    {
        var result = Audit("  wildcard-bind:\n    allow: [ { proto: tcp, port: 22 } ]\n");

        Assert.Equal(flagged, Audits.Flagged(result, RuleIds.WildcardBind).Contains(socket));
    }

    [Fact]
    public void WildcardBind_Says_Which_Interface_And_Both_Stacks()
    {
        var result = Audit("  wildcard-bind: {}\n");

        Assert.Contains(result.Findings, f => f.Port == 9101 && f.Message.Contains("every address of eth0", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.Port == 9000 && f.Message.Contains("over IPv4 and IPv6", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tcp 192.0.2.2:9300", true)]      // specific address: reachable
    [InlineData("tcp fe80::fc:ff:fe00:1%eth0:7100", true)]
    [InlineData("udp *:9003", true)]
    [InlineData("tcp 0.0.0.0:5432", true)]
    [InlineData("tcp 0.0.0.0:80", false)]         // approved
    [InlineData("tcp :::80", false)]
    [InlineData("tcp 127.0.0.1:6379", false)]     // loopback never needs approval
    [InlineData("tcp ::1:6379", false)]
    [InlineData("tcp 0.0.0.0%lo:9100", false)]
    [InlineData("tcp ::ffff:127.0.0.1:9400", false)]
    [InlineData("udp 127.0.0.53:53", false)]
    public void ApprovedPorts_Flags_Reachable_Sockets_Not_On_The_List(string socket, bool flagged)
    {
        var result = Audit("  approved-ports:\n    tcp: [22, 80, 443]\n");

        Assert.Equal(flagged, Audits.Flagged(result, RuleIds.ApprovedPorts).Contains(socket));
    }

    [Theory]
    [InlineData("tcp 0.0.0.0:5432", true)]
    [InlineData("tcp :::5432", true)]
    [InlineData("tcp 0.0.0.0:6380", true)]        // redis-server on another port: known by its process
    [InlineData("tcp 127.0.0.1:5433", false)]     // postgres on loopback
    [InlineData("tcp 127.0.0.1:6379", false)]
    [InlineData("tcp 127.0.0.1:11211", false)]
    [InlineData("tcp 192.0.2.2:9300", true)]      // custom service, known by process
    [InlineData("tcp 0.0.0.0%lo:9100", false)]
    [InlineData("tcp ::ffff:127.0.0.1:9400", false)]
    public void LoopbackOnly_Finds_Services_By_Port_Or_Process(string socket, bool flagged)
    {
        var result = Audit("  loopback-only:\n    services: [postgresql, redis, memcached, { name: Socat relay, processes: [socat] }]\n");

        Assert.Equal(flagged, Audits.Flagged(result, RuleIds.LoopbackOnly).Contains(socket));
    }

    [Fact]
    public void LoopbackOnly_Prints_The_Exact_Config_Line_For_The_Service()
    {
        var result = Audit("  loopback-only:\n    services: [postgresql, redis]\n");
        var postgres = Assert.Single(result.Findings, f => f.Port == 5432 && f.Address == "0.0.0.0");
        var redis = Assert.Single(result.Findings, f => f.Port == 6380);

        Assert.Equal("PostgreSQL", postgres.Service);
        Assert.Contains(postgres.Remediation, step => step.Code?.Contains("listen_addresses", StringComparison.Ordinal) == true);
        Assert.Contains(redis.Remediation, step => step.Code?.Contains("bind 127.0.0.1", StringComparison.Ordinal) == true);
        Assert.Contains(postgres.Remediation, step => step.Code?.Contains("ss -l", StringComparison.Ordinal) == true);
        Assert.Equal(Severity.Critical, postgres.Severity);
    }

    [Theory]
    [InlineData("tcp 127.0.0.1:6379", true)]      // forbidden means loopback too
    [InlineData("tcp ::1:6379", true)]
    [InlineData("udp 127.0.0.53:53", true)]
    [InlineData("tcp 127.0.0.53:53", false)]      // proto differs
    [InlineData("tcp *:9000", true)]              // inside a range
    [InlineData("tcp :::9001", true)]
    [InlineData("udp 0.0.0.0:9002", false)]       // range given for tcp only
    public void ForbiddenPorts_Flags_Any_Address_Including_Loopback(string socket, bool flagged)
    {
        var result = Audit(
            "  forbidden-ports:\n    ports:\n      - { proto: tcp, port: 6379, reason: no redis here }\n" +
            "      - { proto: udp, port: 53, reason: no resolver }\n      - { proto: tcp, port: \"9000-9001\", reason: relay ports }\n");

        Assert.Equal(flagged, Audits.Flagged(result, RuleIds.ForbiddenPorts).Contains(socket));
    }

    [Theory]
    [InlineData("tcp 192.0.2.2:8080", true)]      // nginx where apache2 is expected
    [InlineData("tcp fd00::2:8080", true)]
    [InlineData("tcp 0.0.0.0:22", false)]         // sshd as expected
    [InlineData("tcp 192.0.2.2:2222", false)]
    [InlineData("tcp 0.0.0.0:2024", false)]       // no process shown: unknown-process says so instead
    public void ExpectedProcess_Flags_A_Port_Held_By_Another_Program(string socket, bool flagged)
    {
        var result = Audit(
            "  expected-process:\n    ports:\n      - { proto: tcp, port: 8080, processes: [apache2] }\n" +
            "      - { proto: tcp, port: 22, processes: [sshd] }\n      - { port: \"2000-2999\", processes: [sshd] }\n");

        Assert.Equal(flagged, Audits.Flagged(result, RuleIds.ExpectedProcess).Contains(socket));
    }

    [Fact]
    public void UnknownProcess_Quotes_The_Listings_Own_Note_That_It_Was_Collected_Without_Root()
    {
        var noted = Audits.Of("samples/netstat/netstat-tulpn-nonroot-debian12-db.txt", "policy: t\n");
        var silent = Audits.Of("samples/ss/ss-lntup-nonroot-debian12-db.txt", "policy: t\n");

        Assert.All(noted.Findings.Where(f => f.Rule == RuleIds.UnknownProcess), f => Assert.Contains(
            "the listing itself says it was collected without root (line 1: (Not all processes could be identified, non-owned process info)",
            f.Message, StringComparison.Ordinal));
        Assert.Contains(noted.Findings, f => f.Rule == RuleIds.UnknownProcess);
        Assert.All(silent.Findings.Where(f => f.Rule == RuleIds.UnknownProcess), f => Assert.Contains(
            "the listing was collected without root (or the owner is in another namespace)", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownProcess_Flags_Each_Socket_Without_An_Owner()
    {
        var asRoot = Audits.Of(Db, "policy: t\n");
        var asUser = Audits.Of("samples/ss/ss-lntup-nonroot-debian12-db.txt", "policy: t\n");

        Assert.Equal(["tcp 0.0.0.0:2024"], Audits.Flagged(asRoot, RuleIds.UnknownProcess));
        Assert.Equal(39, Audits.Flagged(asUser, RuleIds.UnknownProcess).Count);
        Assert.All(asUser.Findings, f => Assert.Equal(Severity.Low, f.Severity));
    }

    [Fact]
    public void UnparsedInput_Makes_Every_Unread_Line_A_Finding_With_Its_Evidence()
    {
        var result = Audits.Of("samples/ss/ss-lntup-pasted-with-prompt.txt", "policy: t\n");
        var unparsed = result.Findings.Where(f => f.Rule == RuleIds.UnparsedInput).ToList();

        Assert.Equal([1, 43], unparsed.Select(f => f.Evidence!.Line));
        Assert.Equal("root@db01:~# ss -lntup", unparsed[0].Evidence!.Text);
        Assert.All(unparsed, f => Assert.Equal(Severity.Medium, f.Severity));
    }

    [Fact]
    public void One_Socket_May_Break_Several_Rules()
    {
        var result = Audits.Of(Db, "policy: t\nextends: [builtin:baseline]\n");
        var postgres = result.Findings.Where(f => f.Port == 5432 && f.Address == "0.0.0.0").Select(f => f.Rule).Order(StringComparer.Ordinal);

        Assert.Equal([RuleIds.ApprovedPorts, RuleIds.LoopbackOnly, RuleIds.WildcardBind], postgres);
    }

    [Fact]
    public void Every_Finding_Carries_Its_Rules_Controls()
    {
        var result = Audits.Of(Db, "policy: t\nextends: [builtin:baseline]\n");

        Assert.All(result.Findings.Where(f => f.Rule == RuleIds.LoopbackOnly), f => Assert.Contains("NIST SP 800-53 Rev. 5 SC-7", f.Controls));
    }

    [Fact]
    public void Groups_Add_Their_Ports_For_Matching_Hosts_Only()
    {
        const string policy = "policy: t\nrules:\n  approved-ports: { tcp: [22] }\ngroups:\n  - { name: db, match: { hosts: ['*-db'] }, rules: { approved-ports: { tcp: [5432] } } }\n";
        var db = Audits.Of(Db, policy);
        var web = Audits.Of("samples/ss/ss-lntup-debian12-web.txt", policy);

        Assert.DoesNotContain("tcp 0.0.0.0:5432", Audits.Flagged(db, RuleIds.ApprovedPorts));
        Assert.Contains("tcp 0.0.0.0:80", Audits.Flagged(web, RuleIds.ApprovedPorts));
    }

    [Fact]
    public void Should_Not_Hold_A_Port_Reserved_For_One_Service_Against_Another_The_Catalogue_Knows_By_Its_Process()
    {
        // ControlCenter's AirPlay Receiver listens on 7000 on every Mac; 7000 is also Cassandra's port.
        const string mac = "samples/lsof/lsof-P-i-TCP-s-TCP-LISTEN-macos-nx-academy-docker-course-github-2453714553.txt";
        var result = Core.Audit.AuditRun.Whole(
            [Samples.Read(mac)], PolicyLoader.Load(PolicyLoader.BuiltInBaseline).Policy!,
            new Core.Evaluation.AuditSettings(Audits.Day, Severity.High, "test")).Hosts.Single();

        Assert.Equal(HostOs.MacOs, result.Os);
        Assert.DoesNotContain(result.Findings, f => f.Rule == RuleIds.LoopbackOnly && f.Port == 7000);
        Assert.Contains(result.Findings, f => f.Rule == RuleIds.ApprovedPorts && f.Port == 7000 && f.Service == "AirPlay Receiver (ControlCenter)");
    }
}

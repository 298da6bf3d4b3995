using PortCompliance.Reporting.Model;
using PortCompliance.Reporting.Tests.Support;

namespace PortCompliance.Reporting.Tests.Model;

/// <summary>The model both the PDF and the HTML page render: numbered, cross-referenced, safe to link to.</summary>
public sealed class ReportModelBuilderTests
{
    private const string Db = "samples/ss/ss-lntup-debian12-db.txt";
    private const string Web = "samples/ss/ss-lntup-debian12-web.txt";

    [Fact]
    public void Should_Number_Findings_Across_The_Report_In_Order()
    {
        var model = Reports.Of(Db, Web);
        var ids = model.Hosts.SelectMany(h => h.Findings).Select(f => f.Id).ToList();

        Assert.Equal(Enumerable.Range(1, ids.Count).Select(n => $"F-{n:000}"), ids);
    }

    [Fact]
    public void Should_Give_Each_Socket_The_Worst_Open_Severity_Of_Its_Findings()
    {
        var host = Reports.Of(Db).Hosts[0];
        var postgres = Assert.Single(host.Sockets, s => s.Endpoint == "0.0.0.0:5432");
        var ssh = Assert.Single(host.Sockets, s => s.Endpoint == "0.0.0.0:22");

        Assert.Equal("critical", postgres.Status);
        Assert.Equal(3, postgres.FindingIds.Count);
        Assert.All(postgres.FindingIds, id => Assert.Contains(host.Findings, f => f.Id == id && f.Where == "TCP 0.0.0.0:5432"));
        Assert.Equal(("ok", 0), (ssh.Status, ssh.FindingIds.Count));
    }

    [Fact]
    public void Should_Write_Endpoints_As_People_Do()
    {
        var endpoints = Reports.Of(Db).Hosts[0].Sockets.Select(s => s.Endpoint).ToList();

        Assert.Contains("[::]:22", endpoints);
        Assert.Contains("0.0.0.0%lo:9100", endpoints);
        Assert.Contains("[fe80::fc:ff:fe00:1]%eth0:7100", endpoints);
        Assert.Contains("*:9000", endpoints);
    }

    [Fact]
    public void Should_Make_Safe_Unique_Anchors_From_Hostile_Host_Names()
    {
        var model = Reports.Of([.. Reports.Payloads.Select(Reports.Hostile), Reports.Read(Db), Reports.Read(Db)], null);

        Assert.All(model.Hosts, h => Assert.Matches("^h-[a-z0-9._-]+$", h.Anchor));
        Assert.Equal(model.Hosts.Count, model.Hosts.Select(h => h.Anchor).Distinct().Count());
    }

    [Fact]
    public void Should_Keep_The_Report_Id_For_The_Same_Inputs_Policy_And_Day()
    {
        Assert.Equal(Reports.Of(Db, Web).Cover.ReportId, Reports.Of(Db, Web).Cover.ReportId);
        Assert.NotEqual(Reports.Of(Db).Cover.ReportId, Reports.Of(Web).Cover.ReportId);
        Assert.Matches("^PC-[0-9A-F]{12}$", Reports.Of(Db).Cover.ReportId);
    }

    [Fact]
    public void Should_List_Active_And_Expired_Waivers_With_Their_Findings()
    {
        const string policy = "policy: w\nrules:\n  approved-ports: { tcp: [22] }\nwaivers:\n" +
                              "  - { rule: approved-ports, hosts: ['*'], proto: tcp, port: 6380, reason: Batch cache, ticket: SEC-1, expires: 2026-12-31, approver: CISO }\n" +
                              "  - { rule: approved-ports, hosts: ['*'], proto: tcp, port: 5432, reason: Old DB, ticket: SEC-2, expires: 2026-10-31 }\n";
        var model = Reports.Of([Reports.Read(Db)], policy);

        var active = Assert.Single(model.Waivers, w => w.Ticket == "SEC-1");
        Assert.Equal(("active", "CISO", "2026-12-31", "TCP 0.0.0.0:6380"), (active.Status, active.Approver, active.Expires, active.Where));
        Assert.All(model.Waivers.Where(w => w.Ticket == "SEC-2"), w => Assert.Equal("expired", w.Status));
        Assert.Contains(model.Hosts[0].Findings, f => f.WaiverText == "Waived by SEC-1 until 2026-12-31, approved by CISO: Batch cache");
    }

    [Fact]
    public void Should_Map_Every_Control_To_Its_Rules_And_Hosts()
    {
        var model = Reports.Of(Db, Web);
        var pci = Assert.Single(model.Controls, c => c.Control == "PCI DSS v4.0.1 1.4.4");

        Assert.Equal(["loopback-only"], pci.Rules);
        Assert.Equal(["ss-lntup-debian12-db", "ss-lntup-debian12-web"], pci.Hosts); // socat holds ClickHouse and Elasticsearch ports on both
        Assert.Equal(model.Hosts.Sum(h => h.Findings.Count(f => f.Rule == "loopback-only")), pci.Findings);
    }

    [Fact]
    public void Should_Refer_Repeated_Steps_To_The_First_Finding_That_Has_Them()
    {
        var findings = Reports.Of(Db, Db).Hosts.SelectMany(h => h.Findings).ToList();
        var first = findings.First(f => f.Rule == "loopback-only" && f.Where == "TCP 0.0.0.0:5432");
        var again = findings.Last(f => f.Rule == "loopback-only" && f.Where == "TCP 0.0.0.0:5432");

        Assert.Null(first.SameStepsAs);
        Assert.Equal(first.Id, again.SameStepsAs);
        Assert.Equal(first.Steps, again.Steps); // the model keeps them; a printed report may refer instead
        Assert.All(findings.Where(f => f.SameStepsAs is { } id), f => Assert.Equal(findings.Single(o => o.Id == f.SameStepsAs).Steps, f.Steps));
    }

    [Fact]
    public void Should_Summarise_Every_Severity_For_The_Chart_Worst_First()
    {
        var summary = Reports.Of(Db, Web).Summary;

        Assert.Equal(["critical", "high", "medium", "low", "info"], summary.BySeverity.Select(s => s.Severity));
        Assert.Equal("ss-lntup-debian12-db", summary.WorstHosts[0].Host);
    }

    [Fact]
    public void Should_List_Every_Allowed_Port_In_The_Register_And_Show_What_Is_Not_Recorded()
    {
        const string policy = "policy: r\nrules:\n  approved-ports:\n    tcp:\n" +
                              "      - { port: 22, justification: SSH from the management network, approved_by: Dana Whitfield, approved_on: 2026-03-02 }\n" +
                              "      - \"8000-8010\"\n    udp: [68]\n" +
                              "groups:\n  - name: web\n    match: { hosts: [\"web*\"], tags: [web], os: [linux, freebsd] }\n" +
                              "    rules: { approved-ports: { tcp: [{ port: 443, justification: The shop }] } }\n";
        var register = Reports.Of([Reports.Read(Db)], policy).Register;

        Assert.Equal(
            [
                ("tcp", "22", "whole policy", "SSH from the management network", "Dana Whitfield", "2026-03-02"),
                ("tcp", "8000-8010", "whole policy", "not recorded", "not recorded", "not recorded"),
                ("udp", "68", "whole policy", "not recorded", "not recorded", "not recorded"),
                ("tcp", "443", "group web (hosts web*; tags web; os Linux, FreeBSD)", "The shop", "not recorded", "not recorded"),
            ],
            register.Rows.Select(r => (r.Proto, r.Ports, r.AppliesTo, r.Justification.Text, r.ApprovedBy.Text, r.ApprovedOn.Text)));
        Assert.Equal([false, true, true, true], register.Rows.Select(r => r.Incomplete));
        Assert.True(register.Rows[3].ApprovedBy.Missing);
        Assert.False(register.Rows[3].Justification.Missing);
        Assert.Equal("4 entries; 3 without a complete approval record (justification, approved by, approved on).", register.Summary);
    }

    [Fact]
    public void Should_Show_A_Waivers_Approval_With_Its_Findings_And_Flag_One_Its_Owner_Approved()
    {
        const string policy = "policy: w\nrules:\n  approved-ports: { tcp: [22] }\nwaivers:\n" +
                              "  - { rule: approved-ports, hosts: ['*'], proto: tcp, reason: Batch jobs, ticket: SEC-1, expires: 2026-12-31,\n" +
                              "      owner: Dana Whitfield, approved_by: ' dana whitfield', justification: Until the cache cluster ships }\n" +
                              "  - { rule: approved-ports, hosts: ['*'], proto: udp, reason: Old DB, ticket: SEC-2, expires: 2026-12-31, approver: CISO }\n";
        var model = Reports.Of([Reports.Read(Db)], policy);
        var self = model.Hosts[0].Findings.Where(f => f.Waiver?.Ticket == "SEC-1").ToList();

        Assert.True(self.Count > 1);
        Assert.All(self, f => Assert.Equal(
            new WaiverApproval(new Recorded("Dana Whitfield", false), new Recorded(" dana whitfield", false), "Until the cache cluster ships",
                new Recorded("not recorded", true), "approved by its own owner (separation of duties)"),
            f.Approval));
        Assert.All(model.Waivers.Where(w => w.Ticket == "SEC-1"), w => Assert.Equal(self[0].Approval, w.Approval));
        var other = Assert.Single(model.WaiverRecords, w => w.Ticket == "SEC-2").Approval;
        Assert.Equal((true, "CISO", null), (other.Owner.Missing, other.ApprovedBy.Text, other.Flag));
        Assert.Equal(["SEC-1", "SEC-2"], model.WaiverRecords.Select(w => w.Ticket)); // each waiver once, however many findings it covers
    }
}

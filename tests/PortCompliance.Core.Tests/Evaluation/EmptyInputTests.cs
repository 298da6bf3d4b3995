using System.Text;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Core.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Evaluation;

/// <summary>
/// Issue 13, item 2: a listing with no header and no row is a failed collection (<c>empty-input</c>, high), never a
/// compliant host with nothing listening; a header with no rows is a real empty listing.
/// </summary>
public sealed class EmptyInputTests
{
    private static readonly Core.Policy.Policy Baseline = PolicyLoader.Load(PolicyLoader.BuiltInBaseline).Policy!;

    [Theory]
    [InlineData("")]
    [InlineData("\n\n   \n\t\n")]
    [InlineData("\r\n\r\n")]
    [InlineData("# host: db01\n\n")]
    [InlineData("# captured: 2026-11-30T02:00:00Z\n")] // a collection script's header lines, and nothing collected
    [InlineData("# host: db01\n# captured: 2026-11-30T02:00:00Z\n# os: linux\n")]
    public void Should_Flag_A_Listing_With_No_Header_And_No_Row_As_Empty_Input_At_High(string text)
    {
        var host = Evaluate(text, "db01.ss.txt");

        var finding = Assert.Single(host.Findings);
        Assert.Equal(RuleIds.EmptyInput, finding.Rule);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal("db01.ss.txt", finding.Evidence!.Source);
        Assert.Contains("holds no listing", finding.Message, StringComparison.Ordinal);
        Assert.NotEmpty(finding.Remediation);
        Assert.False(host.Compliant);
    }

    [Theory]
    [InlineData("samples/lsof/lsof-head-warning-tid-linux-notes-ru-github-4909978351.txt", "db01.lsof.txt", 2)]
    [InlineData("samples/netstat/netstat-tulpn-nonroot-debian12-db.txt", "db01.netstat.txt", 2)]
    [InlineData("samples/netstat/netstat-tulpn-nonroot-debian12-db.txt", "db01.netstat.txt", 3)]
    [InlineData("samples/windows-netstat/netstat-anob-go-test-fixture-jecoz-github-909902878.txt", "db01.netstat.txt", 3)]
    public void Should_Flag_A_Listing_Of_Nothing_But_The_Tools_Notes_As_Empty_Input(string sample, string source, int notes)
    {
        // The genuine first lines of a capture — lsof's warnings, netstat's not-root note — without anything after them.
        var text = string.Join("\n", LineAccounting.PhysicalLines(Samples.Text(sample)).Take(notes)) + "\n";

        var host = Evaluate(text, source);

        Assert.Equal(RuleIds.EmptyInput, Assert.Single(host.Findings).Rule);
        Assert.False(host.Compliant);
    }

    [Theory]
    [InlineData("samples/ss/ss-lntup-debian12-db.txt", 1)]
    [InlineData("samples/ss/ss-tulnp-debian12-db.txt", 1)]
    [InlineData("samples/netstat/netstat-plunt-debian12-db.txt", 2)]
    public void Should_Judge_A_Genuine_Header_Without_Rows_As_A_Real_Empty_Listing(string sample, int headerLines)
    {
        var header = string.Join("\n", File.ReadLines(RepoPaths.Combine(sample)).Take(headerLines)) + "\n";

        var host = Evaluate(header, sample);

        Assert.Empty(host.Sockets);
        Assert.Empty(host.Findings);
        Assert.True(host.Compliant);
    }

    [Fact]
    public void Should_Not_Flag_A_Listing_Of_Rows_Without_A_Header()
    {
        var rows = string.Join("\n", File.ReadLines(RepoPaths.Combine("samples/ss/ss-Hlntup-debian12-db.txt")).Take(3));

        var host = Evaluate(rows, "rows.txt");

        Assert.DoesNotContain(host.Findings, f => f.Rule == RuleIds.EmptyInput);
    }

    [Fact]
    public void Should_Flag_An_Empty_Second_Listing_Of_A_Host_Merged_With_A_Real_One()
    {
        var real = Samples.Read("samples/ss/ss-lntup-debian12-db.txt") with { Host = "db01" };
        var empty = Read("", "db01.netstat.txt") with { Host = "db01" };

        var merged = Assert.Single(HostMerge.ByHost([real, empty]));
        var host = Auditor.Evaluate(merged, Baseline, ServiceCatalogue.BuiltIn, new AuditSettings(Audits.Day, Severity.High, "test"));

        var finding = Assert.Single(host.Findings, f => f.Rule == RuleIds.EmptyInput);
        Assert.Equal("db01.netstat.txt", finding.Evidence!.Source);
    }

    [Fact]
    public void Should_Let_A_Policy_Set_The_Severity_Of_Empty_Input()
    {
        var policy = Audits.Policy("policy: p\nrules:\n  empty-input: { severity: critical }\n");

        var host = Auditor.Evaluate(Read("", "x.txt"), policy, ServiceCatalogue.BuiltIn, new AuditSettings(Audits.Day, Severity.High, "test"));

        Assert.Equal(Severity.Critical, Assert.Single(host.Findings).Severity);
    }

    private static HostResult Evaluate(string text, string source) =>
        Auditor.Evaluate(Read(text, source), Baseline, ServiceCatalogue.BuiltIn, new AuditSettings(Audits.Day, Severity.High, "test"));

    private static HostSnapshot Read(string text, string source) =>
        ListingReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ListingOptions(source)).Snapshot!;
}

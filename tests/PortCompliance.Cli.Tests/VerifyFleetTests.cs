using System.Text;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Cli.Tests;

/// <summary>
/// <c>verify</c> over a fleet: November of samples/fleet (19 hosts, its inventory and policy) audited and signed, one
/// report per host under <c>hosts/</c>. What holds there is one line per check; what differs is named host by host.
/// </summary>
public sealed class VerifyFleetTests(VerifyFleetTests.FleetAudit audit) : IClassFixture<VerifyFleetTests.FleetAudit>
{
    /// <summary>The signed fleet audit the tests share; each tampers with its own copy of the reports.</summary>
    public sealed class FleetAudit : IDisposable
    {
        internal AuditedFolder Folder { get; } = AuditedFolder.Create(
            [.. Directory.EnumerateFiles(RepoPaths.Combine("samples/fleet/2026-11")).Select(RepoPaths.Relative)],
            sign: true, "--inventory", "samples/fleet/hosts.csv", "--policy", "policies/examples/fleet.yaml");

        public void Dispose() => Folder.Dispose();
    }

    private AuditedFolder Folder => audit.Folder;

    [Fact]
    public void Should_Fold_What_Holds_Over_Hosts_Into_One_Line_Per_Check()
    {
        var run = CliRun.Of("verify", Folder.Reports, Folder.Inputs);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ok    SHA256SUMS  hosts/: 38 files, each: SHA-256 as listed", run.Out);
        Assert.Single(Lines(run, "ok    signature   hosts/: 19 files, each: valid, covers the whole file; signed by "));
        Assert.Single(Lines(run, "ok    attachment  hosts/: 19 files, each"));
        Assert.DoesNotContain(run.Out.Split('\n'), l => l.Contains(" hosts/db01", StringComparison.Ordinal));
        Assert.Equal("ok    input       listings: 19 files, each holds", Assert.Single(Lines(run, "ok    input       listings")));
        Assert.DoesNotContain(Folder.Inputs, run.Out);
        Assert.Contains("ok    input       samples/fleet/hosts.csv: the bytes judged (inventory)", run.Out);
        Assert.Contains("ok    input       policies/examples/fleet.yaml: the bytes judged (policy file)", run.Out);
    }

    [Fact]
    public void Should_Name_The_One_Host_Report_That_Changed()
    {
        var copy = Folder.CopyOfReports();
        AuditedFolder.FlipByte(Path.Combine(copy, "hosts", "db01.pdf"));

        var run = CliRun.Of("verify", copy, Folder.Inputs);

        Assert.Equal(1, run.ExitCode);
        Assert.All(Lines(run, "FAIL"), l => Assert.Contains(" hosts/db01.pdf: ", l));
        Assert.Contains("FAIL  SHA256SUMS  hosts/db01.pdf: changed", run.Out);
        Assert.Contains("FAIL  signature   hosts/db01.pdf: the signed bytes changed", run.Out);
        Assert.Contains("ok    SHA256SUMS  hosts/: 37 files, each: SHA-256 as listed", run.Out);
        Assert.Single(Lines(run, "ok    signature   hosts/: 18 files, each: valid"));
    }

    [Fact]
    public void Should_Name_A_Host_Report_Whose_Results_Differ_From_The_Folders()
    {
        var copy = Folder.CopyOfReports();
        var results = Encoding.UTF8.GetString(Attached(copy, "hosts/web01.pdf", "results.json"));
        var edited = results.Replace("\"severity\": \"low\"", "\"severity\": \"info\"", StringComparison.Ordinal);
        Assert.NotEqual(results, edited);
        AuditedFolder.SwapAttachment(copy, "hosts/web01.pdf", "results.json", Encoding.UTF8.GetBytes(edited));

        var run = CliRun.Of("verify", copy, Folder.Inputs);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL  attachment  hosts/web01.pdf: results.json: host web01 differs from its entry in results.json", run.Out);
        Assert.Contains("ok    SHA256SUMS  hosts/: 38 files", run.Out);
    }

    [Fact]
    public void Should_Name_A_Host_Report_Carrying_Another_Hosts_Listing()
    {
        var copy = Folder.CopyOfReports();
        AuditedFolder.SwapAttachment(copy, "hosts/web01.pdf", "listing-web01.ss.txt", File.ReadAllBytes(Path.Combine(Folder.Inputs, "db01.ss.txt")));

        var run = CliRun.Of("verify", copy, Folder.Inputs);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"FAIL  attachment  hosts/web01.pdf: listing-web01.ss.txt (listing: {Path.Combine(Folder.Inputs, "web01.ss.txt")}): its SHA-256 is ", run.Out);
        Assert.Single(Lines(run, "ok    attachment  hosts/: 18 files, each"));
    }

    private static List<string> Lines(CliRun run, string start) =>
        [.. run.Out.Split('\n').Where(l => l.StartsWith(start, StringComparison.Ordinal))];

    /// <summary>An attachment as an auditor's tool gives it back: pdfdetach's copy.</summary>
    private static byte[] Attached(string folder, string pdf, string name)
    {
        var target = Path.Combine(folder, "..", $"{Guid.NewGuid():N}-{name}");
        using var process = System.Diagnostics.Process.Start("pdfdetach", ["-savefile", name, "-o", target, Path.Combine(folder, pdf)])!;
        process.WaitForExit();
        var bytes = File.ReadAllBytes(target);
        File.Delete(target);
        return bytes;
    }
}

using System.Diagnostics;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Cli.Tests;

/// <summary>
/// A run killed mid-way leaves temporary files named by its pid; the next run in the folder removes those of dead
/// runs and keeps those of live ones, and a fleet's host reports are published as one folder with the run.
/// </summary>
public sealed class LeftoverTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pc-leftovers-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Out => Path.Combine(_dir.FullName, "reports");

    [Fact]
    public void Should_Remove_The_Temporary_Files_Of_Dead_Runs_And_Keep_Those_Of_Live_Ones()
    {
        var dead = ExitedPid();
        using var other = Process.Start(new ProcessStartInfo("sleep", ["30"]) { UseShellExecute = false })!; // a pid reused by another program
        var live = Environment.ProcessId; // this test host: a run in progress in the same folder
        string[] leftovers(int pid) =>
        [
            $".results.json.{pid}.9.tmp", $".spool.{pid}.{Guid.NewGuid():N}.tmp", $"hosts/.web01.pdf.{pid}.0.tmp",
            $".run.{pid}.tmp/hosts/.web02.html.{pid}.1.tmp", $".hosts.{pid}.old.tmp/web03.pdf",
        ];
        var kept = new[] { "notes.tmp", ".notes.tmp", "hosts/web01.pdf" }.Concat(leftovers(live)).ToList();
        foreach (var name in leftovers(dead).Concat(leftovers(other.Id)).Concat(kept))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Out, name))!);
            File.WriteAllText(Path.Combine(Out, name), "partial");
        }

        var run = CliRun.Of("audit", "samples/ss/ss-lntup-debian12-db.txt", "--formats", "json", "--out", Out);
        other.Kill();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"portcompliance: removed 10 temporary file(s) left in {Out} by interrupted runs\n", run.Error);
        var remaining = Directory.EnumerateFiles(Out, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Out, f)).Order(StringComparer.Ordinal);
        Assert.Equal(kept.Append("results.json").Append("SHA256SUMS").Order(StringComparer.Ordinal), remaining);
    }

    [Fact]
    public void Should_Leave_No_Host_Report_Of_The_Previous_Run_In_Hosts()
    {
        var november = RepoPaths.Combine("samples", "fleet", "2026-11");
        var smaller = Directory.CreateDirectory(Path.Combine(_dir.FullName, "smaller"));
        var listings = Directory.GetFiles(november, "*.ss.txt").Order(StringComparer.Ordinal).ToList();
        listings.Take(12).ToList().ForEach(l => File.Copy(l, Path.Combine(smaller.FullName, Path.GetFileName(l))));

        var first = CliRun.Of("audit", november, "--formats", "html,json", "--report-date", "2026-11-21", "--out", Out);
        var second = CliRun.Of("audit", smaller.FullName, "--formats", "html,json", "--report-date", "2026-11-21", "--out", Out);

        Assert.True((1, 1) == (first.ExitCode, second.ExitCode), first.Error + second.Out + second.Error);
        var expected = listings.Take(12).Select(l => Path.GetFileName(l).Replace(".ss.txt", ".html", StringComparison.Ordinal));
        Assert.Equal(expected, Directory.GetFiles(Path.Combine(Out, "hosts")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "report.html", "results.json", "hosts", "SHA256SUMS" }.Order(StringComparer.Ordinal),
            Directory.EnumerateFileSystemEntries(Out).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // The second run's sums list exactly what it wrote: its own 12 host reports, none of the first run's.
        var written = Directory.EnumerateFiles(Out, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Out, f)).Where(f => f != "SHA256SUMS");
        Assert.Equal(written.Order(StringComparer.Ordinal), File.ReadAllLines(Path.Combine(Out, "SHA256SUMS")).Select(l => l[66..]));
    }

    [Fact]
    public void Should_Remove_A_Previous_Fleets_Host_Reports_When_A_Small_Run_Writes_Its_Report()
    {
        var november = RepoPaths.Combine("samples", "fleet", "2026-11");
        var first = CliRun.Of("audit", november, "--formats", "html", "--report-date", "2026-11-21", "--out", Out);
        var second = CliRun.Of("audit", Path.Combine(november, "web01.ss.txt"), "--formats", "html", "--report-date", "2026-11-21", "--out", Out);

        Assert.Equal((1, 1), (first.ExitCode, second.ExitCode));
        Assert.Equal(["SHA256SUMS", "report.html"], Directory.EnumerateFileSystemEntries(Out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_Remove_A_Previous_Fleets_Host_Reports_When_A_Fleet_Run_Writes_None()
    {
        var november = RepoPaths.Combine("samples", "fleet", "2026-11");
        var first = CliRun.Of("audit", november, "--formats", "html,json", "--report-date", "2026-11-21", "--out", Out);
        var second = CliRun.Of("audit", november, "--formats", "json", "--report-date", "2026-11-21", "--out", Out);

        Assert.Equal((1, 1), (first.ExitCode, second.ExitCode));
        Assert.DoesNotContain("hosts", Directory.EnumerateFileSystemEntries(Out).Select(Path.GetFileName));
    }

    private static int ExitedPid()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}

using System.Text.Json;

namespace PortCompliance.Cli.Tests;

/// <summary>
/// The audit a new user runs on a mixed fleet: a Windows <c>netstat -anob</c>, a PowerShell <c>Get-NetTCPConnection</c>,
/// a macOS <c>lsof -iTCP -sTCP:LISTEN -P -n</c>, a FreeBSD <c>sockstat -4l</c> and a Linux <c>ss -lntup</c>, genuine
/// listings all, in one run: every host's OS shown, and every fix in that OS's own commands.
/// </summary>
public sealed class MixedOsAuditTests : IDisposable
{
    private static readonly (string Path, string Os)[] Inputs =
    [
        ("samples/windows-netstat/netstat-anob-more-win10-cctc-notes-github-30484346129.txt", "windows"),
        ("samples/powershell/Get-NetTCPConnection-default-table-thm-p1r4t3-github-54943218571.txt", "windows"),
        ("samples/lsof/lsof-P-i-TCP-s-TCP-LISTEN-macos-nx-academy-docker-course-github-2453714553.txt", "macos"),
        ("samples/sockstat/sockstat-4l-freebsd-gitlab-unicorn-github-45219517812.txt", "freebsd"),
        ("samples/ss/ss-lntup-debian12-db.txt", "linux"),
    ];

    /// <summary>A command every fix on that OS prints, and one no fix there may print.</summary>
    private static readonly Dictionary<string, (string Own, string Foreign)> Commands = new()
    {
        ["windows"] = ("Get-NetTCPConnection -LocalPort ", "sudo "),
        ["macos"] = ("sudo lsof -iTCP:", "systemctl"),
        ["linux"] = ("sudo ss -", "New-NetFirewallRule"),
    };

    private readonly DirectoryInfo _out = Directory.CreateTempSubdirectory("pc-mixed");

    public void Dispose() => _out.Delete(recursive: true);

    [Fact]
    public void Should_Read_Every_Host_In_Its_Own_Format_And_Fix_Each_In_Its_Own_Commands()
    {
        var run = CliRun.Of(["audit", .. Inputs.Select(i => i.Path), "--out", _out.FullName, "--formats", "json,csv,pdf"]);

        Assert.Equal(1, run.ExitCode);
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out.FullName, "results.json")));
        var hosts = results.RootElement.GetProperty("hosts").EnumerateArray().ToList();
        Assert.Equal(Inputs.Length, hosts.Count);
        foreach (var (path, os) in Inputs)
        {
            var host = Assert.Single(hosts, h => h.GetProperty("source").GetString() == path);
            Assert.Equal(os, host.GetProperty("os").GetString());
            Assert.NotEmpty(host.GetProperty("sockets").EnumerateArray());
            if (!Commands.TryGetValue(os, out var commands))
            {
                continue;
            }

            var codes = host.GetProperty("findings").EnumerateArray()
                .SelectMany(f => f.GetProperty("remediation").EnumerateArray())
                .Where(s => s.TryGetProperty("code", out _))
                .Select(s => s.GetProperty("code").GetString()!)
                .ToList();
            Assert.Contains(codes, c => c.Contains(commands.Own, StringComparison.Ordinal));
            Assert.DoesNotContain(codes, c => c.Contains(commands.Foreign, StringComparison.Ordinal));
        }

        var sockets = File.ReadAllLines(Path.Combine(_out.FullName, "sockets.csv"));
        Assert.EndsWith(",os", sockets[0], StringComparison.Ordinal);
        Assert.Equal(["freebsd", "linux", "macos", "windows"], sockets.Skip(1).Select(l => l[(l.LastIndexOf(',') + 1)..]).Distinct().Order());
    }
}

using PortCompliance.Tests.Shared;

namespace PortCompliance.Cli.Tests;

/// <summary>
/// A compromised host names its processes with terminal escapes: OSC 0 sets the auditor's window title, OSC 52 writes
/// their clipboard, CSI colours the screen. Every console line quoting host text (the parse table, unparsed lines,
/// the audit summary, worst hosts, the drift summary) must show them as <c>\x1b</c>, never send them raw.
/// </summary>
public sealed class TerminalEscapeTests : IDisposable
{
    private const string Title = "\u001b]0;pwned\u0007";
    private const string Clipboard = "\u001b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u0007";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pc-terminal");

    [Fact]
    public void Should_Show_Escapes_In_Process_Names_Visibly_In_The_Parse_Table()
    {
        var listing = HostileDb();

        var run = CliRun.Of("parse", listing);

        AssertNoRawControls(run);
        Assert.Contains(@"sshd\x1b]0;pwned\x07/4119", run.Out);
        Assert.Contains(@"redis-server\x1b]52;c;", run.Out);
    }

    [Fact]
    public void Should_Show_Escapes_In_Unparsed_Lines_And_Host_Names_Visibly_On_Stderr()
    {
        var listing = HostileDb();

        var run = CliRun.Of("audit", listing, "--host", $"db{Title}", "--formats", "json", "--out", Path.Combine(_dir.FullName, "out"));

        AssertNoRawControls(run);
        Assert.Contains(@"unparsed:", run.Error);
        Assert.Contains(@"\x1b[31mgarbage\x1b[0m\x07", run.Error);
        Assert.Contains(@"db\x1b]0;pwned\x07", run.Out);
    }

    [Fact]
    public void Should_Show_Escapes_Visibly_In_Worst_Hosts_And_The_Drift_Summary_Of_A_Fleet()
    {
        var october = Fleet("2026-10", hostile: false);
        var november = Fleet("2026-11", hostile: true);
        string[] common = ["--policy", "policies/examples/fleet.yaml", "--formats", "json"];
        var baseline = Path.Combine(_dir.FullName, "oct");
        CliRun.Of(["audit", october, .. common, "--out", baseline, "--report-date", "2026-10-21"]);

        var run = CliRun.Of(["audit", november, .. common, "--baseline", Path.Combine(baseline, "results.json"),
            "--out", Path.Combine(_dir.FullName, "nov"), "--report-date", "2026-11-21"]);

        AssertNoRawControls(run);
        Assert.Contains("Worst hosts:", run.Out);
        Assert.Contains(@"legacy02\x1b]0;pwned\x07", run.Out);
        Assert.Contains(@"haproxy\x1b]52;c;", run.Out);
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private static void AssertNoRawControls(CliRun run)
    {
        foreach (var (name, text) in new[] { ("stdout", run.Out), ("stderr", run.Error) })
        {
            Assert.False(text.Contains('\u001b', StringComparison.Ordinal), $"{name} holds a raw ESC:\n{text}");
            Assert.False(text.Contains('\u0007', StringComparison.Ordinal), $"{name} holds a raw BEL:\n{text}");
        }
    }

    /// <summary>The genuine database listing, its sshd and redis named with escapes, and a coloured line of garbage.</summary>
    private string HostileDb()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Samples, "ss/ss-lntup-debian12-db.txt"))
            .Replace("\"sshd\"", $"\"sshd{Title}\"", StringComparison.Ordinal)
            .Replace("\"redis-server\"", $"\"redis-server{Clipboard}\"", StringComparison.Ordinal);
        var path = Path.Combine(_dir.FullName, "db.ss.txt");
        File.WriteAllText(path, text + "\u001b[31mgarbage\u001b[0m\u0007\n");
        return path;
    }

    /// <summary>A month of the genuine fleet; the hostile one has legacy02's file and web05's haproxy named with escapes.</summary>
    private string Fleet(string month, bool hostile)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir.FullName, month)).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Samples, "fleet", month), "*.ss.txt"))
        {
            var name = Path.GetFileName(file);
            var text = File.ReadAllText(file);
            if (hostile)
            {
                name = name.Replace("legacy02", $"legacy02{Title}", StringComparison.Ordinal);
                text = text.Replace("\"haproxy\"", $"\"haproxy{Clipboard}\"", StringComparison.Ordinal);
            }

            File.WriteAllText(Path.Combine(folder, name), text);
        }

        return folder;
    }
}

using PortCompliance.Core.Audit;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Core.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Evaluation;

/// <summary>
/// Fixes are written in the host's OS's own commands, and every PowerShell command printed parses with PowerShell's own
/// parser. The sockets are every genuine sample's: as read (a Windows listing is a Windows host) and, to reach every
/// path of every OS, judged as if on a host of that OS.
/// </summary>
public sealed partial class OsRemediationTests
{
    private static readonly Core.Policy.Policy Baseline = PolicyLoader.Load(PolicyLoader.BuiltInBaseline).Policy!;

    /// <summary>Every remediation step the baseline audit prints for every sample, on a host of <paramref name="os"/>.</summary>
    private static List<RemediationStep> Steps(HostOs os) =>
    [
        .. Samples.All().Where(s => Samples.FormatOf(s) != Core.Ingest.ListingFormats.Unknown)
            .Select(s => Samples.Read(s) with { Os = os })
            .Select(h => AuditRun.Whole([h], Baseline, new AuditSettings(Audits.Day, Severity.High, "test")))
            .SelectMany(r => r.Hosts.Single().Findings)
            .SelectMany(f => f.Remediation),
    ];

    [Fact]
    public void Every_PowerShell_Command_Printed_Parses_With_PowerShells_Own_Parser()
    {
        var catalogue = ServiceCatalogue.BuiltIn.Services
            .Select(s => s.Remediation.ForOs.GetValueOrDefault(HostOs.Windows))
            .OfType<OsRemediation>()
            .SelectMany(b => new[] { b.Config is null ? b.Directive : null, b.Restart, b.Disable, b.Verify }).OfType<string>();
        var printed = Steps(HostOs.Windows).Where(s => s.Shell == "powershell").Select(s => s.Code!);
        var commands = catalogue.Concat(printed).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.True(commands.Count > 40, $"only {commands.Count} PowerShell commands found");
        var errors = PowerShell.ParseErrors(commands);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Error}:\n    {e.Command}")));
    }

    [Fact]
    public void Every_Catalogue_Command_For_Linux_Bsd_And_Macos_Parses_With_Sh_And_Keeps_Its_Remarks_In_Comments()
    {
        var commands = ServiceCatalogue.BuiltIn.Services.SelectMany(s =>
            new[] { ("restart", s.Remediation.Restart), ("firewall_ufw", s.Remediation.FirewallUfw), ("firewall_nft", s.Remediation.FirewallNft),
                    ("disable", s.Remediation.Disable), ("verify", s.Remediation.Verify) }
                .Select(c => (Where: $"{s.Id} {c.Item1}", Command: c.Item2))
                .Concat(s.Remediation.ForOs.Where(o => o.Key != HostOs.Windows).SelectMany(o =>
                    new[] { ("restart", o.Value.Restart), ("disable", o.Value.Disable), ("verify", o.Value.Verify) }
                        .Select(c => (Where: $"{s.Id} {o.Key} {c.Item1}", Command: (string?)c.Item2)))))
            .Where(c => c.Command is not null)
            .ToList();

        Assert.True(commands.Count > 300, $"only {commands.Count} catalogue commands found");
        var errors = commands.Select(c => (c.Where, c.Command, Error: ShellSyntaxError(c.Command!))).Where(c => c.Error is not null).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Where}: {e.Error}\n    {e.Command}")));
        // A remark in parentheses after a command is a shell error or, worse, a subshell: it is a # comment, and prose
        // in a command's place is a comment too.
        Assert.DoesNotContain(commands, c => c.Command!.Split('\n').Select(CodeOf).Any(code => code.EndsWith(')') && !code.Contains("$(", StringComparison.Ordinal)));
        // Prose parses as a command named "Do" or "Keep": a line that opens with a capitalised word is a sentence.
        Assert.DoesNotContain(commands, c => c.Command!.Split('\n').Select(CodeOf).Any(code => Sentence().IsMatch(code)));
        // A <placeholder> parses too, as redirections ("<admin-CIDR> to" reads admin-CIDR and writes a file "to"): the
        // reader's value is a shell variable the command checks is set.
        Assert.DoesNotContain(commands, c => c.Command!.Split('\n').Select(CodeOf).Any(code => Placeholder().IsMatch(code)));
    }

    [Fact]
    public void Every_Command_An_Os_Writes_For_An_Unknown_Service_Parses_With_Sh_And_Asks_For_Its_Value_In_A_Variable()
    {
        var socket = Samples.Read(Samples.All().First(s => Samples.FormatOf(s) == "ss")).Sockets[0];
        var commands = OsCommands.Each.Where(c => c.Shell is null)
            .SelectMany(c => new int?[] { 4242, null }.SelectMany(pid => new[] { (c.Os, c.Stop(socket, pid)), (c.Os, c.Restart(pid)), (c.Os, c.Block(socket)), (c.Os, c.Verify(socket)) }))
            .ToList();

        Assert.Equal(4, commands.Select(c => c.Os).Distinct().Count()); // Linux, macOS, FreeBSD, OpenBSD
        Assert.All(commands, c =>
        {
            Assert.Null(ShellSyntaxError(c.Item2));
            Assert.DoesNotContain(c.Item2.Split('\n').Select(CodeOf), code => Placeholder().IsMatch(code));
        });
        Assert.Contains(commands, c => c.Item2.Contains("systemctl status 4242", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Tell_A_Command_Sh_Parses_From_One_It_Cannot()
    {
        Assert.Null(ShellSyntaxError("sudo systemctl disable --now rpcbind.socket  # or: sudo apt purge rpcbind"));
        Assert.NotNull(ShellSyntaxError("sudo systemctl disable --now rpcbind.socket (or sudo apt purge rpcbind)"));
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Z][a-z]+ ")]
    private static partial System.Text.RegularExpressions.Regex Sentence();

    [System.Text.RegularExpressions.GeneratedRegex("<[A-Za-z][^<>]*>")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();

    /// <summary>A line of a command without its <c># comment</c>, trimmed.</summary>
    private static string CodeOf(string line)
    {
        var comment = line.TrimStart().StartsWith('#') ? 0 : line.IndexOf(" #", StringComparison.Ordinal);
        return (comment >= 0 ? line[..comment] : line).Trim();
    }

    /// <summary><c>sh -n</c>'s complaint about a command, or null when it parses.</summary>
    private static string? ShellSyntaxError(string command)
    {
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-n", "-c", command })
        {
            start.ArgumentList.Add(argument);
        }

        using var sh = System.Diagnostics.Process.Start(start)!;
        var error = sh.StandardError.ReadToEnd();
        sh.WaitForExit();
        return sh.ExitCode == 0 ? null : error.Trim();
    }

    [Fact]
    public void Should_Report_A_Command_PowerShell_Cannot_Parse()
    {
        var errors = PowerShell.ParseErrors(["Get-NetTCPConnection -LocalPort 22 -State Listen", "Stop-Service -Name <unit>"]);

        Assert.Equal("Stop-Service -Name <unit>", Assert.Single(errors).Command);
    }

    [Fact]
    public void Should_Fix_A_Windows_Host_With_The_Firewall_And_Get_NetTCPConnection_And_No_Linux_Command()
    {
        var codes = Steps(HostOs.Windows).Where(s => s.Code is not null).Select(s => s.Code!).ToList();

        Assert.Contains(codes, c => c.Contains("New-NetFirewallRule -DisplayName 'PortCompliance: block TCP ", StringComparison.Ordinal)
                                    && c.Contains("-Direction Inbound -Protocol TCP -LocalPort ", StringComparison.Ordinal));
        Assert.Contains(codes, c => c.StartsWith("Get-NetTCPConnection -LocalPort ", StringComparison.Ordinal) && c.EndsWith("-State Listen", StringComparison.Ordinal));
        Assert.Contains(codes, c => c.StartsWith("Get-NetUDPEndpoint -LocalPort ", StringComparison.Ordinal));
        Assert.Contains(codes, c => c.Contains("Set-Service -Name $_.Name -StartupType Disabled", StringComparison.Ordinal));
        Assert.DoesNotContain(codes, c => c.Contains("sudo ", StringComparison.Ordinal) || c.Contains("systemctl", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(HostOs.MacOs, "sudo lsof -iTCP:", "launchctl", "pfctl -a com.apple/portcompliance")]
    [InlineData(HostOs.FreeBsd, "sockstat -46l -P tcp -p ", "sysrc", "pfctl -a portcompliance")]
    [InlineData(HostOs.OpenBsd, "netstat -an -p tcp", "rcctl", "doas pfctl -a portcompliance")]
    public void Should_Fix_A_Bsd_Or_Mac_Host_In_Its_Own_Commands(HostOs os, string verify, string services, string firewall)
    {
        var codes = Steps(os).Where(s => s.Code is not null).Select(s => s.Code!).ToList();

        Assert.Contains(codes, c => c.Contains(verify, StringComparison.Ordinal));
        Assert.Contains(codes, c => c.Contains(services, StringComparison.Ordinal));
        Assert.Contains(codes, c => c.Contains(firewall, StringComparison.Ordinal));
        Assert.DoesNotContain(codes, c => c.Contains("systemctl", StringComparison.Ordinal) || c.Contains("ufw ", StringComparison.Ordinal));
        Assert.All(Steps(os), s => Assert.Null(s.Shell));
    }

    [Fact]
    public void Should_Name_Port_445_The_Windows_Smb_Server_On_Windows_And_Samba_On_Linux()
    {
        var snapshot = Samples.Read("samples/ss/ss-lntup-debian12-db.txt");
        var socket = snapshot.Sockets.First(s => s.Proto == Protocol.Tcp) with { Port = 445, Processes = [] };

        Assert.Equal("windows-smb", ServiceCatalogue.BuiltIn.Identify(socket, HostOs.Windows)?.Id);
        Assert.Equal("samba", ServiceCatalogue.BuiltIn.Identify(socket, HostOs.Linux)?.Id);
        Assert.Null(ServiceCatalogue.BuiltIn.Identify(socket with { Port = 3283 }, HostOs.Linux));
        Assert.Equal("apple-remote-desktop", ServiceCatalogue.BuiltIn.Identify(socket with { Port = 3283 }, HostOs.MacOs)?.Id);
    }

    [Fact]
    public void Should_Write_Linux_Fixes_Unchanged_For_A_Host_Of_Unknown_Os()
    {
        Assert.Equal(
            Steps(HostOs.Linux).Select(s => (s.Text, s.Code)),
            Steps(HostOs.Unknown).Select(s => (s.Text, s.Code)));
    }
}

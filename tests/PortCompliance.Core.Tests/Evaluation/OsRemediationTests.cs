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
public sealed class OsRemediationTests
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

using PortCompliance.Core.Model;

namespace PortCompliance.Core.Evaluation;

/// <summary>
/// Windows: PowerShell in an elevated session — Windows Defender Firewall rules, <c>Get-NetTCPConnection</c>, services.
/// Every command here is checked with PowerShell's own parser.
/// </summary>
internal sealed class WindowsCommands : IOsCommands
{
    public HostOs Os => HostOs.Windows;

    public string Firewall => "Windows Defender Firewall, in an elevated PowerShell";

    public string? Shell => "powershell";

    public string Admin => "Administrator";

    public string Starter => "Windows service";

    public string BlockAfterStop(ListeningSocket socket) => Block(socket);

    public string Block(ListeningSocket socket) =>
        $"New-NetFirewallRule -DisplayName 'PortCompliance: block {socket.Proto.Label()} {socket.Port}' -Direction Inbound " +
        $"-Protocol {socket.Proto.Label()} -LocalPort {socket.Port} -Action Block";

    public string Verify(ListeningSocket socket) => socket.Proto == Protocol.Tcp
        ? $"Get-NetTCPConnection -LocalPort {socket.Port} -State Listen"
        : $"Get-NetUDPEndpoint -LocalPort {socket.Port}";

    public string Investigate(ListeningSocket socket, int? pid) => pid is { } p
        ? $"Get-Process -Id {p} | Select-Object Id, ProcessName, Path\n" +
          $"Get-CimInstance Win32_Service -Filter 'ProcessId = {p}' | Select-Object Name, DisplayName, StartMode"
        : $"{Verify(socket)} | Select-Object LocalAddress, LocalPort, OwningProcess";

    public string Stop(ListeningSocket socket, int? pid) => pid is { } p
        ? $"Get-CimInstance Win32_Service -Filter 'ProcessId = {p}' | ForEach-Object {{ Stop-Service -Name $_.Name -Force; " +
          "Set-Service -Name $_.Name -StartupType Disabled }"
        : $"{Verify(socket)} | ForEach-Object {{ Get-CimInstance Win32_Service -Filter \"ProcessId = $($_.OwningProcess)\" }} | " +
          "ForEach-Object { Stop-Service -Name $_.Name -Force; Set-Service -Name $_.Name -StartupType Disabled }";

    public string Restart(int? pid) => pid is { } p
        ? $"Get-CimInstance Win32_Service -Filter 'ProcessId = {p}' | ForEach-Object {{ Restart-Service -Name $_.Name -Force }}"
        : "Restart-Service -Name 'SERVICE-NAME' -Force";

    public string Collect => "netstat -anob > \"$env:COMPUTERNAME.netstat.txt\"";

    public string CollectAndCheck => $"{Collect}\nGet-Content \"$env:COMPUTERNAME.netstat.txt\" -TotalCount 5";
}

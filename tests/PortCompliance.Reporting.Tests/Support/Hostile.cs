using PortCompliance.Core.Model;
using PortCompliance.Reporting.Model;

namespace PortCompliance.Reporting.Tests.Support;

/// <summary>
/// A report whose every piece of text from a host is an attack: process names, the host name, the file name,
/// unparsed lines, an unreadable input, and a policy whose waiver and title carry the same payloads. The listing
/// is read by the real ss parser, exactly as a file planted on a compromised server would be.
/// </summary>
internal static class Hostile
{
    public const string Script = "<script>alert(1)</script>";
    public const string Attribute = "\"><img src=x onerror=alert(1)>";
    public const string Formula = "=HYPERLINK(\"http://x\")";

    /// <summary>Sets a flag instead of opening a dialog, so a browser test can ask whether it ran.</summary>
    public const string Flag = "<svg onload=window.__xss=1>";

    public static readonly string[] Payloads = [Script, Attribute, Formula, Flag];

    public const string Host = "db\"><img src=x onerror=alert(1)>";
    public const string Source = "incoming/<script>alert(1)</script>.txt";

    public static string Listing =>
        "Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n" +
        $"tcp   LISTEN 0      128    0.0.0.0:5432       0.0.0.0:*         users:((\"{Script}\",pid=1,fd=3))\n" +
        $"tcp   LISTEN 0      128    0.0.0.0:6379       0.0.0.0:*         users:((\"{Attribute}\",pid=2,fd=3))\n" +
        $"tcp   LISTEN 0      128    0.0.0.0:8080       0.0.0.0:*         users:((\"{Formula}\",pid=3,fd=3))\n" +
        $"tcp   LISTEN 0      128    0.0.0.0:9000       0.0.0.0:*         users:((\"{Flag}\",pid=4,fd=3))\n" +
        $"{Script} {Attribute} {Formula} {Flag}\n";

    /// <summary>The policy's own text is no safer: its title, an approved port's approval and a waiver's carry the payloads.</summary>
    public static string PolicyYaml =>
        "policy: hostile\n" +
        $"title: '{Script} {Flag}'\n" +
        "extends: [builtin:baseline]\n" +
        "rules:\n" +
        "  approved-ports:\n" +
        $"    tcp: [22, {{ port: 8443, justification: '{Script} {Flag}', approved_by: '{Quoted(Attribute)}', approved_on: 2026-03-01 }}]\n" +
        "    udp: [68]\n" +
        "waivers:\n" +
        $"  - {{ rule: approved-ports, hosts: ['*'], proto: tcp, port: 8080, reason: '{Script} {Formula}',\n" +
        $"      ticket: 'SEC-1{Flag}', expires: 2026-12-31, approver: '{Quoted(Attribute)}', owner: '{Quoted(Attribute)}',\n" +
        $"      justification: '{Flag}', compensating_control: '{Script} {Formula}' }}\n";

    private static string Quoted(string text) => text.Replace("'", "''", StringComparison.Ordinal);

    public static ReportOptions Options { get; } = new() { Organisation = $"{Attribute} {Flag}" };

    /// <summary>The hostile host after the genuine samples given (by default the database host).</summary>
    public static ReportModel Model(params HostSnapshot[] genuine)
    {
        var hostile = Reports.Parse(Listing, Source, Host);
        var hosts = genuine.Length > 0 ? genuine : [Reports.Read("samples/ss/ss-lntup-debian12-db.txt")];
        var unreadable = new InputProblem($"incoming/{Flag}.txt", 3, $"cannot be read: {Attribute} {Formula}");
        return Reports.Model([.. hosts, hostile], Reports.PolicyText(PolicyYaml), [unreadable], Options);
    }
}

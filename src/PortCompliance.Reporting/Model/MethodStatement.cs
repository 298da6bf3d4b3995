using PortCompliance.Core.Model;

namespace PortCompliance.Reporting.Model;

/// <summary>How the evidence was collected and judged, stated so an auditor can weigh it.</summary>
internal static class MethodStatement
{
    /// <param name="result">The run: its policy, date, and how many hosts were collected without root.</param>
    /// <param name="evidence">What was read: the formats.</param>
    public static IReadOnlyList<string> Paragraphs(AuditResult result, RunEvidence evidence) =>
    [
        $"Evidence. Each host's listening sockets were read from a listing saved on that host ({string.Join(", ", evidence.Formats)} format). " +
        "The recommended collection is `sudo ss -lntup`, which lists every TCP socket in LISTEN state and every bound, unconnected " +
        "UDP socket, with the address and port it is bound to, the device it is bound to (shown as %lo, %eth0), and — when run as " +
        "root — every process that holds it. Every input file is listed with its SHA-256 in the evidence appendix, so the files " +
        "this report rests on can be checked against the originals.",
        "Reading. Every non-blank line of every input was accounted for: as a header, as a listening socket (or a detail line " +
        "belonging to one), as a socket that is not listening (established connections, unix-domain sockets; counted as skipped), " +
        "or as an unparsed line. Unparsed lines are reported as findings with their text, because a line that could not be read " +
        "may hide an open port.",
        $"Judgement. The sockets were evaluated against policy '{result.Policy.Id}' ({result.Policy.Title}), identified by the " +
        $"SHA-256 {result.Policy.Sha256} over its files and the service catalogue. Waivers were judged on {result.AuditDate:yyyy-MM-dd}; " +
        "a waived finding remains in this report, marked with its ticket, and an expired waiver no longer waives.",
        "Limits. A listing shows what is bound, not what is reachable: host and network firewalls, and sockets inside other network " +
        "namespaces (containers) that were not collected, are outside what this report can see. netstat cannot show a socket's " +
        "bound device or tell dual-stack sockets from IPv6 ones; ss can." +
        (result.Summary.CollectedWithoutRoot > 0 ? $" {result.Summary.CollectedWithoutRoot} host(s) were collected without root, so some processes could not be identified (unknown-process findings)." : ""),
    ];
}

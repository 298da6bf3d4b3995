using PortCompliance.Core.Model;

namespace PortCompliance.Core.Evaluation;

/// <summary>The pf rule macOS, FreeBSD and OpenBSD block a port with, loaded into an anchor of its own.</summary>
internal static class PfRules
{
    /// <summary>What a step says of an anchor the BSDs' default pf.conf does not read.</summary>
    public const string NamedAnchor = "pf; the anchor must be named in /etc/pf.conf (anchor portcompliance)";

    /// <param name="elevate"><c>sudo</c> or <c>doas</c>.</param>
    public static string Block(ListeningSocket socket, string anchor, string elevate) =>
        $"echo 'block drop in quick proto {socket.Proto.Name()} from any to any port {socket.Port}' | {elevate} pfctl -a {anchor} -f -";
}

using System.Security.Cryptography;
using System.Text;

namespace PortCompliance.Reporting.Model;

/// <summary>
/// Turns host names — untrusted text from the inputs — into anchors safe for HTML ids, PDF link targets and file
/// names: lowercase letters, digits, dot, dash and underscore; anything else becomes a short hash. Unique per report.
/// </summary>
internal sealed class HostAnchors
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string For(string host)
    {
        var lower = host.ToLowerInvariant();
        var clean = new string([.. lower.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]).Trim('-', '.');
        if (clean.Length == 0 || clean.Length > 64 || clean != lower)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(host)))[..8];
            clean = (clean.Length == 0 ? "host" : clean[..Math.Min(clean.Length, 48)]) + "-" + hash;
        }

        var anchor = "h-" + clean;
        for (var n = 2; !_used.Add(anchor); n++)
        {
            anchor = $"h-{clean}-{n}";
        }

        return anchor;
    }
}

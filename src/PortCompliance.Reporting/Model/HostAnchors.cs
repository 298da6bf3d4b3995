using System.Security.Cryptography;
using System.Text;

namespace PortCompliance.Reporting.Model;

/// <summary>
/// Turns host names — untrusted text from the inputs — into anchors safe for HTML ids, PDF link targets and file
/// names: lowercase letters, digits, dot, dash and underscore; anything else becomes a short hash, and so does a
/// Windows device name (<c>con</c>, <c>nul.example</c>). Unique per report.
/// </summary>
internal sealed class HostAnchors
{
    private static readonly HashSet<string> DeviceNames = new(
        ["con", "prn", "aux", "nul", .. Enumerable.Range(1, 9).SelectMany(n => new[] { $"com{n}", $"lpt{n}" })], StringComparer.Ordinal);

    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string For(string host)
    {
        var lower = host.ToLowerInvariant();
        var clean = new string([.. lower.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]).Trim('-', '.');
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(host)))[..8];
        if (clean.Length == 0 || clean.Length > 64 || clean != lower)
        {
            clean = (clean.Length == 0 ? "host" : clean[..Math.Min(clean.Length, 48)]) + "-" + hash;
        }

        // The anchor names the host's files (hosts/con.pdf): Windows opens a device for con, nul, com1 … whatever follows
        // the first dot, so the hash goes before it.
        var dot = clean.IndexOf('.');
        if (DeviceNames.Contains(dot < 0 ? clean : clean[..dot]))
        {
            clean = dot < 0 ? $"{clean}-{hash}" : $"{clean[..dot]}-{hash}{clean[dot..]}";
        }

        var anchor = "h-" + clean;
        for (var n = 2; !_used.Add(anchor); n++)
        {
            anchor = $"h-{clean}-{n}";
        }

        return anchor;
    }
}

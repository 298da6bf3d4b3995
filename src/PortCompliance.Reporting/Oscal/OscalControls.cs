using System.Text.RegularExpressions;

namespace PortCompliance.Reporting.Oscal;

/// <summary>NIST SP 800-53 references of a finding's controls as OSCAL catalogue control ids: <c>CM-7(1)</c> is <c>cm-7.1</c>.</summary>
internal static partial class OscalControls
{
    [GeneratedRegex(@"^NIST SP 800-53\b.*?\b(?<family>[A-Z]{2})-(?<number>\d+)(?:\s*\((?<enhancement>\d+)\))?\s*$")]
    private static partial Regex Nist();

    public static string? ControlId(string control) =>
        Nist().Match(control) is { Success: true } m
            ? $"{m.Groups["family"].Value.ToLowerInvariant()}-{m.Groups["number"].Value}"
              + (m.Groups["enhancement"].Success ? "." + m.Groups["enhancement"].Value : "")
            : null;

    public static IEnumerable<string> ControlIds(IEnumerable<string> controls) =>
        controls.Select(ControlId).OfType<string>().Distinct(StringComparer.Ordinal);
}

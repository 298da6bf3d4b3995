using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;

namespace PortCompliance.Core.Tests.Support;

/// <summary>Audits a real sample under a policy written in the test, on a fixed day.</summary>
internal static class Audits
{
    public static readonly DateTimeOffset Day = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    public static Core.Policy.Policy Policy(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pc-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        try
        {
            var result = PolicyLoader.Load(path);
            return result.Policy ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static HostResult Of(string sample, string policyYaml, DateTimeOffset? now = null) =>
        Auditor.Evaluate(Samples.Read(sample), Policy(policyYaml), ServiceCatalogue.BuiltIn, new AuditSettings(now ?? Day, Severity.High, "test"));

    /// <summary>The findings of one rule, keyed as the sample's rows show them (<c>address:port</c>).</summary>
    public static IReadOnlyList<string> Flagged(HostResult result, string rule) =>
        [.. result.Findings.Where(f => f.Rule == rule).Select(Key).Order(StringComparer.Ordinal)];

    public static string Key(Finding f) =>
        $"{f.Proto?.ToString().ToLowerInvariant()} {f.Address}{(f.Interface is null ? "" : "%" + f.Interface)}:{f.Port}";
}

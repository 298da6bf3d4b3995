using PortCompliance.Reporting.Evidence;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Reporting.Tests.Support;

/// <summary>The evidence of a report built in a test: the sample and policy files of this checkout, as the CLI would read them.</summary>
internal sealed class RepoEvidence : IEvidenceSource
{
    public static RepoEvidence Instance { get; } = new();

    public EvidenceBytes Read(EvidenceKind kind, string source, string? sha256, long maxBytes)
    {
        var path = source.StartsWith("builtin:", StringComparison.Ordinal)
            ? RepoPaths.Combine("policies", $"{source["builtin:".Length..]}.yaml")
            : Path.Combine(RepoPaths.Root, source);
        if (!File.Exists(path))
        {
            return EvidenceBytes.Missing("not in this checkout");
        }

        var bytes = File.ReadAllBytes(path);
        return bytes.Length <= maxBytes ? EvidenceBytes.Of(bytes) : EvidenceBytes.Missing($"{bytes.Length} bytes, over {maxBytes}");
    }
}

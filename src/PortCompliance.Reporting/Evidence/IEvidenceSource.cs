namespace PortCompliance.Reporting.Evidence;

/// <summary>
/// The bytes of the files a report rests on, for its attachments: renderers never touch the file system, so whoever
/// runs them supplies this. <paramref name="sha256"/> is the hash the audit recorded (null for this run's results.json).
/// </summary>
public interface IEvidenceSource
{
    EvidenceBytes Read(EvidenceKind kind, string source, string? sha256, long maxBytes);
}

/// <summary>A file's bytes, or why they cannot be attached (too large, changed since it was judged, gone).</summary>
public sealed record EvidenceBytes(byte[]? Bytes, string? Problem)
{
    public static EvidenceBytes Of(byte[] bytes) => new(bytes, null);

    public static EvidenceBytes Missing(string problem) => new(null, problem);
}

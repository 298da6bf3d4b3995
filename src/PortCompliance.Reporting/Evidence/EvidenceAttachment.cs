namespace PortCompliance.Reporting.Evidence;

/// <summary>
/// One file of a report's evidence: attached (<see cref="Bytes"/>) or, with the reason, not. <see cref="Source"/> is the path
/// as results.json records it; <see cref="Sha256"/> the hash of the attached bytes, else the recorded one.
/// </summary>
public sealed record EvidenceAttachment(EvidenceKind Kind, string Name, string Source, string Sha256, long Size, byte[]? Bytes, string? Note)
{
    /// <summary>The attachment's description in the PDF (<c>/Desc</c>): <c>KIND: SOURCE</c>, what <c>verify</c> reads back.</summary>
    public string Description => $"{Kind.Name()}: {Source}";

    public bool Attached => Bytes is not null;

    /// <summary>Splits a description back into kind and source; null when it is none of ours.</summary>
    public static (EvidenceKind Kind, string Source)? ParseDescription(string description)
    {
        var colon = description.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && EvidenceKinds.Parse(description[..colon]) is { } kind ? (kind, description[(colon + 2)..]) : null;
    }
}

namespace PortCompliance.Core.Ingest;

/// <summary>Reads one listing, a line at a time, into a <see cref="SnapshotBuilder"/>.</summary>
internal interface IListingParser
{
    /// <summary>Classifies one non-blank line: header, socket, continuation, skipped, or unparsed.</summary>
    void Accept(int number, ReadOnlySpan<char> line);

    /// <summary>After the last line: a record still open (a JSON object, a <c>Format-List</c> block) gets its fate.</summary>
    void End()
    {
    }
}

/// <summary>How strongly a line says "this listing is in my format".</summary>
internal enum Signature
{
    None,
    Row,
    Header,
}

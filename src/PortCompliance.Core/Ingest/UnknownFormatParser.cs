namespace PortCompliance.Core.Ingest;

/// <summary>For a listing no format recognises: every line is reported, none is guessed at.</summary>
internal sealed class UnknownFormatParser(SnapshotBuilder output) : IListingParser
{
    public void Accept(int number, ReadOnlySpan<char> line) =>
        output.AddUnparsed(number, line, $"no {string.Join(" or ", ListingFormats.Keys)} header or row found in this input");
}

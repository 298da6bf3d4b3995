using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>What every input format declares about itself; <see cref="ListingFormats"/> lists each format once.</summary>
internal interface IInputFormat
{
    /// <summary>The key <c>--input-format</c> takes and the JSON <c>format</c> field shows.</summary>
    static abstract string Key { get; }

    /// <summary>What <c>--input-format</c> help says after the key: the tool and the variants it reads.</summary>
    static abstract string Description { get; }
}

/// <summary>
/// A format read line by line. Static so that sniffing costs no instance: the registry binds these members once, and a
/// parser, once chosen, is called directly through <see cref="IListingParser"/> as before.
/// </summary>
internal interface IListingFormat : IInputFormat
{
    /// <summary>How strongly this line says "this listing is in my format"; a header outranks a row.</summary>
    static abstract Signature Sniff(ReadOnlySpan<char> line);

    /// <summary>The OS a listing in this format comes from, before its tell-tales say more; <c>Unknown</c> when it runs on several.</summary>
    static abstract HostOs Os { get; }

    static abstract IListingParser Create(SnapshotBuilder output);
}

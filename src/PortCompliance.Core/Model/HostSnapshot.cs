using System.Text.Json.Serialization;

namespace PortCompliance.Core.Model;

/// <summary>An input file and the SHA-256 of its bytes.</summary>
public sealed record InputFileRef(string Source, string Sha256);

/// <summary>Everything one input said about one host's listening sockets, with its provenance.</summary>
public sealed record HostSnapshot
{
    public required string Host { get; init; }

    /// <summary>Input format key (<c>ss</c>, <c>netstat</c>, …) or <c>unknown</c> when nothing matched.</summary>
    public required string Format { get; init; }

    /// <summary>The host's OS, as the listing or a <c># os:</c> line tells it (the inventory may say otherwise).</summary>
    public HostOs Os { get; init; }

    public required string Source { get; init; }
    public required string Sha256 { get; init; }
    public required IReadOnlyList<ListeningSocket> Sockets { get; init; }
    public required IReadOnlyList<SkippedLine> Skipped { get; init; }
    public required IReadOnlyList<UnparsedLine> Unparsed { get; init; }

    /// <summary>Lines recognised as headers or known notes (column titles, netstat's root note).</summary>
    [JsonIgnore]
    public IReadOnlyList<int> HeaderLines { get; init; } = [];

    /// <summary>The further inputs this host was merged from (a second listing of it), each with its own hash.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<InputFileRef>? MergedFrom { get; init; }

    /// <summary>The outside scan of this host (nmap), when one was given.</summary>
    [JsonIgnore]
    public ExternalScan? External { get; init; }

    /// <summary>
    /// The listings of this host that held nothing — no header, no row: empty, blank, or only a <c># host:</c> line. A
    /// failed collection, never an empty host (<c>empty-input</c>); a header with no rows is a real empty listing.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<string> EmptyInputs { get; init; } = [];

    /// <summary>Rows folded into a socket read earlier (another process or worker on the same socket): part of it.</summary>
    [JsonIgnore]
    public IReadOnlyList<int> FoldedLines { get; init; } = [];

    /// <summary>
    /// Pid → image name from a process listing of the host (<c>tasklist /fo csv</c>), null when none was read: fills in the
    /// processes another listing names by pid alone when the host's inputs are joined.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<int, string>? ProcessNames { get; init; }

    /// <summary>
    /// The listing says itself that it was collected without root (netstat's <c>(Not all processes could be
    /// identified …</c>): other users' sockets show no owner. ss and lsof print no such note.
    /// </summary>
    [JsonIgnore]
    public bool CollectedWithoutRoot { get; init; }

    /// <summary>Where the listing says so: the note's line (0 when it does not) and its text.</summary>
    [JsonIgnore]
    public int WithoutRootLine { get; init; }

    /// <inheritdoc cref="WithoutRootLine"/>
    [JsonIgnore]
    public string? WithoutRootNote { get; init; }

    /// <summary>Physical lines in the source, blank ones included.</summary>
    [JsonIgnore]
    public int LineCount { get; init; }

    /// <summary>
    /// When the listing was taken, as its <c># captured: 2026-11-30T02:00:00Z</c> line says (the earliest of a merged
    /// host's inputs); null when no input says. Never a file's mtime: that would not be reproducible.
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset? CapturedAt { get; init; }
}

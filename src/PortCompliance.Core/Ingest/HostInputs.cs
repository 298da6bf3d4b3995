using PortCompliance.Core.Ingest.Nmap;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>An input named before it is read; standard input, a live scan and nmap files are read at once.</summary>
public sealed record PlannedInput(InputFile File, IngestResult? Read = null);

/// <summary>What reading one host's inputs gave: the host (its inputs merged), and every input's own result.</summary>
public sealed record HostRead(HostSnapshot? Snapshot, IReadOnlyList<IngestResult> Results);

/// <summary>One host of a run and the inputs that describe it, in input order; its outside scan, if any.</summary>
public sealed record HostInput(string Host, IReadOnlyList<PlannedInput> Inputs, ExternalScan? Scan)
{
    /// <summary>Reads the inputs not read yet (as this host, in <paramref name="format"/> if given) and merges them.</summary>
    public HostRead Read(string? format)
    {
        var results = Inputs.Select(i => i.Read ?? InputReader.ReadFile(i.File.Path, new ListingOptions(i.File.Path, Host, format))).ToList();
        var read = results.Where(r => r.Snapshot is not null).Select(r => r.Snapshot! with { Host = Host }).ToList();
        return new HostRead(read.Count == 0 ? null : HostMerge.ByHost(read)[0], results);
    }
}

/// <summary>
/// The hosts of a run, named in one cheap pass before any listing is parsed: a listing is named by its first line
/// (<c># host:</c>) or its file name, then by the inventory's patterns, so two inputs of one host are known to be one
/// before either is read. A fleet then reads each host's files only when its turn comes, and memory does not grow with
/// the fleet. Standard input and nmap files (outside views, needed before any host is judged) are read here.
/// </summary>
public sealed class HostInputs
{
    private const int Peek = 1024;

    private HostInputs(IReadOnlyList<HostInput> hosts, IReadOnlyList<IngestResult> scans)
    {
        Hosts = hosts;
        Scans = scans;
    }

    /// <summary>The hosts, in the order their first input was given; hosts only scanned from outside come last.</summary>
    public IReadOnlyList<HostInput> Hosts { get; }

    /// <summary>The nmap files read, with what went wrong in them.</summary>
    public IReadOnlyList<IngestResult> Scans { get; }

    /// <param name="files">The inputs, as <see cref="InputSet.Expand"/> gave them.</param>
    /// <param name="host">The name <c>--host</c> gave the single input, if any.</param>
    /// <param name="format">The input format <c>--input-format</c> forced, if any.</param>
    /// <param name="inventory">Names inputs by its patterns.</param>
    /// <param name="stdin">Opens standard input (read whole here: it cannot be read twice).</param>
    /// <param name="extra">Hosts read already (the live scan), after the inputs.</param>
    /// <param name="done">Called once per input named (from any thread).</param>
    public static HostInputs Plan(
        IReadOnlyList<InputFile> files, string? host, string? format, Inventory? inventory, Func<Stream> stdin,
        IReadOnlyList<HostSnapshot> extra, Action done)
    {
        var named = files.AsParallel().AsOrdered().Select(file =>
        {
            var planned = Name(file, host, format, stdin);
            done();
            return planned;
        }).ToList();

        var scanFiles = named.Where(n => n.Input.Read?.Scans.Count > 0 || n.Host is null).Select(n => n.Input.Read!).ToList();
        var scans = ExternalScan.LatestByHost(scanFiles.SelectMany(r => r.Scans));
        var listings = named.Where(n => n.Host is not null)
            .Select(n => (Host: inventory?.Assign(n.Host!, n.Input.File.Path) ?? n.Host!, n.Input))
            .Concat(extra.Select(e => (e.Host, Input: new PlannedInput(new InputFile(e.Source), new IngestResult(e, [])))))
            .GroupBy(n => n.Host, StringComparer.Ordinal)
            .Select(g => new HostInput(g.Key, [.. g.Select(n => n.Input)], scans.GetValueOrDefault(g.Key)))
            .ToList();
        var listed = listings.Select(h => h.Host).ToHashSet(StringComparer.Ordinal);
        listings.AddRange(scans.Values.Where(s => !listed.Contains(s.Host)).Select(s => new HostInput(s.Host, [], s)));
        return new HostInputs(listings, scanFiles);
    }

    /// <summary>A listing's host name (null for an nmap file or an input that failed outright), reading as little as it can.</summary>
    private static (string? Host, PlannedInput Input) Name(InputFile file, string? host, string? format, Func<Stream> stdin)
    {
        var options = new ListingOptions(file.Path, host, format);
        if (file.IsStdin)
        {
            return Whole(file, InputReader.Read(stdin(), options));
        }

        try
        {
            // Not a regular file (any more): named by its path; reading it when its turn comes says why it is skipped.
            using var stream = RegularFiles.OpenRead(file.Path, out _, Peek);
            if (stream is null)
            {
                return (host ?? HostNames.FromPath(file.Path), new PlannedInput(file));
            }

            var head = new byte[Peek];
            var length = stream.ReadAtLeast(head, Peek, throwOnEndOfStream: false);
            if (format == NmapXmlReader.Format || format is null && NmapXmlReader.Sniff(head.AsSpan(0, length)))
            {
                return Whole(file, InputReader.ReadFile(file.Path, options));
            }

            stream.Position = 0;
            return (host ?? HostNames.Declared(stream) ?? HostNames.FromPath(file.Path), new PlannedInput(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Named by its path; reading it again when its turn comes tells the user why it failed.
            return (host ?? HostNames.FromPath(file.Path), new PlannedInput(file));
        }
    }

    private static (string? Host, PlannedInput Input) Whole(InputFile file, IngestResult read) =>
        (read.Snapshot?.Host, new PlannedInput(file, read));
}

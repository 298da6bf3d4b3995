using PortCompliance.Core.Ingest.Live;
using PortCompliance.Core.Model;
using PortCompliance.Reporting.Evidence;

namespace PortCompliance.Cli.Verification;

/// <summary>
/// A file the audit rests on, as results.json records it: its kind of evidence, its path as given to the audit, its
/// SHA-256, and what it was to the audit (<c>listing of web01</c>). Standard input, a live scan and a built-in policy
/// are recorded too, but are no file to look for (<see cref="IsFile"/>).
/// </summary>
internal sealed record RecordedSource(EvidenceKind Kind, string Path, string Sha256, string What, bool IsFile);

/// <summary>Every source one results.json records — each host's listings and scan, the policy files, inventory, baseline — once each.</summary>
internal sealed class RecordedSources
{
    private readonly ILookup<(EvidenceKind, string), RecordedSource> _byPath;

    public RecordedSources(AuditResult result)
    {
        var all = new List<RecordedSource>();
        foreach (var host in result.Hosts)
        {
            var live = host.Format == LiveScanner.Format;
            all.Add(Listing(host.Source, host.Sha256, $"listing of {host.Host}", isFile: !live));
            all.AddRange((host.MergedFrom ?? []).Select(m => Listing(m.Source, m.Sha256, $"listing of {host.Host}", isFile: true)));
            if (host.Scan is { } scan)
            {
                all.Add(Listing(scan.Source, scan.Sha256, $"nmap scan of {host.Host}", isFile: true));
            }
        }

        all.AddRange(result.Policy.Sources.Select(p =>
            new RecordedSource(EvidenceKind.Policy, p.Path, p.Sha256, "policy file", !p.Path.StartsWith("builtin:", StringComparison.Ordinal))));
        if (result.Inventory is { } inventory)
        {
            all.Add(new RecordedSource(EvidenceKind.Inventory, inventory.Path, inventory.Sha256, "inventory", true));
        }

        if (result.Baseline is { } baseline)
        {
            all.Add(new RecordedSource(EvidenceKind.Baseline, baseline.Path, baseline.Sha256, "baseline", true));
        }

        All = [.. all.DistinctBy(s => (s.Kind, s.Path, s.Sha256))];
        _byPath = All.ToLookup(s => (s.Kind, s.Path));
    }

    public IReadOnlyList<RecordedSource> All { get; }

    /// <summary>The sources of this kind recorded under exactly this path (one, but for a file judged twice as two different versions).</summary>
    public IEnumerable<RecordedSource> Find(EvidenceKind kind, string path) => _byPath[(kind, path)];

    /// <summary>What a source that is no file is, said instead of looking for it.</summary>
    public static string NotAFile(RecordedSource source) =>
        source.Path == "-" ? "standard input: no file to look for; the PDF carries the bytes read"
        : source.Kind == EvidenceKind.Policy ? "built into portcompliance: no file to look for; the PDF carries its text"
        : "a live scan of this machine: no file to look for; the PDF carries its evidence lines";

    private static RecordedSource Listing(string path, string sha256, string what, bool isFile) =>
        new(EvidenceKind.Listing, path, sha256, what, isFile && path != "-");
}

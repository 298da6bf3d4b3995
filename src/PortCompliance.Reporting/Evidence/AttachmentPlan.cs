using PortCompliance.Core.Model;
using PortCompliance.Reporting.Model;

namespace PortCompliance.Reporting.Evidence;

/// <summary>
/// Which files a report carries inside it, under which names, and why one is left out: the listings it judged (a fleet
/// summary leaves them to each host's report), the policy files, the inventory and baseline (in a host report only
/// when small), and its own results.json — within a cap per document (docs/design.md, "Evidence an auditor can verify").
/// </summary>
public static class AttachmentPlan
{
    /// <summary>The most a document attaches: a 10,000-host summary must stay a file people can open.</summary>
    public const long MaxBytes = 64L << 20;

    /// <summary>The largest inventory or baseline a fleet's host report repeats; the summary carries any size.</summary>
    public const long MaxSharedInHostReport = 256L << 10;

    public static IReadOnlyList<EvidenceAttachment> For(ReportModel model, IEvidenceSource? source)
    {
        var plan = new Builder(source);
        if (model.Scope != ReportScope.FleetSummary)
        {
            foreach (var file in model.Evidence)
            {
                plan.Add(EvidenceKind.Listing, file.Source, file.Sha256, FileName(file.Source, file.Host), MaxBytes);
            }

            // The outside view (nmap -oX) a host's exposure comes from; one scan may cover several hosts.
            foreach (var scan in model.Result.Hosts.Select(h => h.Scan).OfType<ExternalScan>().DistinctBy(s => s.Source))
            {
                plan.Add(EvidenceKind.Listing, scan.Source, scan.Sha256, FileName(scan.Source, null), MaxBytes);
            }
        }

        foreach (var policy in model.Result.Policy.Sources)
        {
            plan.Add(EvidenceKind.Policy, policy.Path, policy.Sha256, FileName(policy.Path, null), MaxBytes);
        }

        var shared = model.Scope == ReportScope.FleetHost ? MaxSharedInHostReport : MaxBytes;
        foreach (var (kind, file) in (ReadOnlySpan<(EvidenceKind, EvidenceFileRef?)>)[(EvidenceKind.Inventory, model.Result.Inventory), (EvidenceKind.Baseline, model.Result.Baseline)])
        {
            if (file is not null)
            {
                plan.Add(kind, file.Path, file.Sha256, FileName(file.Path, null), shared,
                    model.Scope == ReportScope.FleetHost ? "; the fleet's summary report.pdf carries it" : "");
            }
        }

        if (model.Scope == ReportScope.FleetSummary)
        {
            plan.Add(EvidenceKind.Results, "results.json", null, "results.json", MaxBytes);
        }
        else
        {
            using var json = new MemoryStream();
            ResultsJson.Write(json, model.Result);
            plan.Add(EvidenceKind.Results, "results.json", "results.json", json.ToArray());
        }

        return plan.Items;
    }

    /// <summary>The file name an attachment takes after its kind's prefix: standard input and a live scan have none of their own.</summary>
    private static string FileName(string source, string? host) =>
        source == "-" ? "stdin.txt"
        : source.StartsWith("live", StringComparison.Ordinal) && host is not null ? $"live-{host}.txt"
        : source.StartsWith("builtin:", StringComparison.Ordinal) ? $"{source["builtin:".Length..]}.yaml"
        : Path.GetFileName(source.Replace('\\', '/'));

    private sealed class Builder(IEvidenceSource? source)
    {
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);
        private long _attached;

        public List<EvidenceAttachment> Items { get; } = [];

        public void Add(EvidenceKind kind, string path, string? sha256, string fileName, long cap, string elsewhere = "")
        {
            var name = Unique(kind == EvidenceKind.Results ? fileName : $"{kind.Name()}-{Safe(fileName)}");
            if (source is null)
            {
                Items.Add(new EvidenceAttachment(kind, name, path, sha256 ?? "", 0, null, "not attached: the report was rendered without access to its input files"));
                return;
            }

            var read = source.Read(kind, path, sha256, Math.Min(cap, MaxBytes - _attached));
            if (read.Bytes is { } bytes)
            {
                Attach(kind, name, path, bytes);
            }
            else
            {
                Items.Add(new EvidenceAttachment(kind, name, path, sha256 ?? "", 0, null, $"not attached: {read.Problem}{elsewhere}"));
            }
        }

        public void Add(EvidenceKind kind, string path, string name, byte[] bytes)
        {
            if (bytes.Length > MaxBytes - _attached)
            {
                Items.Add(new EvidenceAttachment(kind, Unique(name), path, Sha(bytes), bytes.Length, null,
                    $"not attached: {Size(bytes.Length)}, over what this report may still attach ({Size(MaxBytes - _attached)} of {Size(MaxBytes)})"));
                return;
            }

            Attach(kind, Unique(name), path, bytes);
        }

        private void Attach(EvidenceKind kind, string name, string path, byte[] bytes)
        {
            _attached += bytes.Length;
            Items.Add(new EvidenceAttachment(kind, name, path, Sha(bytes), bytes.Length, bytes, null));
        }

        /// <summary><c>listing-web01.txt</c>, then <c>listing-web01-2.txt</c>: two inputs of one name in different folders.</summary>
        private string Unique(string name)
        {
            var (stem, extension) = (Path.GetFileNameWithoutExtension(name), Path.GetExtension(name));
            var candidate = name;
            for (var n = 2; !_names.Add(candidate); n++)
            {
                candidate = $"{stem}-{n}{extension}";
            }

            return candidate;
        }

        /// <summary>A name pdfdetach can save as a file: no path separator, no control character.</summary>
        private static string Safe(string name) =>
            string.Concat(name.Select(c => c is '/' or '\\' or ':' || char.IsControl(c) ? '_' : c)) is { Length: > 0 } safe ? safe : "file";

        private static string Sha(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
    }

    /// <summary>A size as people read it: <c>812 KiB</c>, <c>80.2 MiB</c>.</summary>
    public static string Size(long bytes) =>
        bytes >= 1 << 20 ? $"{bytes / 1048576.0:0.#} MiB" : bytes >= 1 << 10 ? $"{bytes / 1024.0:0.#} KiB" : $"{bytes} bytes";
}

using System.Security.Cryptography;
using PortCompliance.Core.Model;
using PortCompliance.Reporting.Evidence;
using PortCompliance.Reporting.Pdf.Inspection;

namespace PortCompliance.Cli.Verification;

/// <summary>
/// What the report folder's results.json records: the run, the SHA-256 of the file, the sources it names, and each
/// host's entry by digest. Without a results.json in the folder (<c>--formats pdf</c>), the copy <c>report.pdf</c>
/// carries is the record, and <see cref="Origin"/> says so.
/// </summary>
internal sealed class RecordedRun
{
    public const string FileName = "results.json";

    private readonly Lazy<IReadOnlyDictionary<string, string>> _hosts;

    private RecordedRun(AuditResult? result, string? sha256, bool inFolder, string origin, string? problem)
    {
        Result = result;
        Sha256 = sha256;
        InFolder = inFolder;
        Origin = origin;
        Problem = problem;
        Sources = result is null ? null : new RecordedSources(result);
        _hosts = new Lazy<IReadOnlyDictionary<string, string>>(() =>
            (result?.Hosts ?? []).DistinctBy(h => h.Host).ToDictionary(h => h.Host, Digest, StringComparer.Ordinal));
    }

    public AuditResult? Result { get; }

    /// <summary>The SHA-256 of the folder's results.json, when it is in the folder and could be read.</summary>
    public string? Sha256 { get; }

    public bool InFolder { get; }

    /// <summary>Where the record comes from, as lines name it: <c>results.json</c>, or the copy a PDF carries.</summary>
    public string Origin { get; }

    /// <summary>Why there is no record: no results.json anywhere, or one that cannot be read.</summary>
    public string? Problem { get; }

    public RecordedSources? Sources { get; }

    /// <summary>The digest of a host's entry, as <see cref="Digest"/> makes it; null when results.json holds no such host.</summary>
    public string? HostDigest(string host) => _hosts.Value.GetValueOrDefault(host);

    /// <summary>A host's entry written out as results.json writes it, hashed: two copies agree when their digests do.</summary>
    public static string Digest(HostResult host) => Convert.ToHexStringLower(SHA256.HashData(ResultsJson.SerializeHost(host)));

    public static RecordedRun Read(ReportFolder folder)
    {
        var path = folder.PathOf(FileName);
        if (RegularFiles.Problem(path) != "no such file")
        {
            using var stream = RegularFiles.OpenRead(path, out var notAFile);
            if (stream is null)
            {
                return new RecordedRun(null, null, true, FileName, $"{FileName}: {notAFile}");
            }

            var (result, invalid) = ResultsJson.Read(stream, FileName, out var sha256);
            return new RecordedRun(result, sha256, true, FileName, invalid?.ToString());
        }

        return FromReportPdf(folder);
    }

    /// <summary>The results.json <c>report.pdf</c> attaches, when the audit wrote no results.json beside it.</summary>
    private static RecordedRun FromReportPdf(ReportFolder folder)
    {
        const string pdfName = "report.pdf";
        var origin = $"the {FileName} {pdfName} carries";
        if (folder.Files.FirstOrDefault(f => f.Relative == pdfName) is not { Problem: null } file || ReportPdf.Read(file).Inspection is not { Problem: null } inspection)
        {
            return new RecordedRun(null, null, false, origin, $"no {FileName} in the folder, and no readable {pdfName} carrying one");
        }

        var attached = inspection.Files.FirstOrDefault(f => f.Description is { } d && EvidenceAttachment.ParseDescription(d)?.Kind == EvidenceKind.Results && f.Content is not null);
        if (attached is null)
        {
            return new RecordedRun(null, null, false, origin, $"no {FileName} in the folder, and {pdfName} carries none");
        }

        var (result, invalid) = ResultsJson.Read(new MemoryStream(attached.Content!), $"{pdfName}:{attached.Name}", out _);
        return new RecordedRun(result, null, false, origin, invalid?.ToString());
    }
}

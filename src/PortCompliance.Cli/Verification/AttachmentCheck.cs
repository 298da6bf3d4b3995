using System.Security.Cryptography;
using PortCompliance.Core.Model;
using PortCompliance.Reporting.Evidence;
using PortCompliance.Reporting.Pdf.Inspection;

namespace PortCompliance.Cli.Verification;

/// <summary>
/// The evidence each PDF carries agrees with results.json: its attached results.json is the folder's, byte for byte
/// (a combined report, a fleet summary) or holds its host's entry as the folder's does (a host report); every other
/// attachment has the SHA-256 results.json records for the source its description (<c>KIND: SOURCE</c>) names.
/// </summary>
internal sealed class AttachmentCheck : IPdfCheck
{
    public string Name => "attachment";

    public string Description => "the evidence each PDF carries is what results.json records";

    public IEnumerable<CheckLine> Run(ReportPdf pdf, ReportFolder folder)
    {
        var subject = pdf.File.Relative;
        CheckLine Line(CheckStatus status, string detail) => new CheckLine(status, Name, subject, detail).For(pdf.File);
        if (pdf.Inspection.Problem is { } unreadable)
        {
            return [Line(CheckStatus.Fail, unreadable)];
        }

        if (pdf.Inspection.Files.Count == 0)
        {
            return [Line(CheckStatus.Note, "carries no attached evidence")];
        }

        var record = folder.Record;
        if (record.Sources is not { } sources)
        {
            return [Line(CheckStatus.Note, $"{pdf.Inspection.Files.Count} attachment(s), not checked: {record.Problem}")];
        }

        var lines = pdf.Inspection.Files.Select(file => Check(file, pdf, record, sources)).OfType<(CheckStatus Status, string Detail)>().Select(l => Line(l.Status, l.Detail)).ToList();
        if (lines.Count == 0)
        {
            var kinds = pdf.Inspection.Files.Select(f => EvidenceAttachment.ParseDescription(f.Description!)!.Value.Kind)
                .GroupBy(k => k).OrderBy(g => g.Key).Select(g => g.Count() == 1 ? g.Key.Name() : $"{g.Key.Name()} ×{g.Count()}");
            lines.Add(Line(CheckStatus.Ok, $"{pdf.Inspection.Files.Count} attachment(s) as {record.Origin} records them ({string.Join(", ", kinds)})"));
        }

        return lines;
    }

    /// <summary>What is wrong with one attachment, or null when it is what results.json records.</summary>
    private static (CheckStatus, string)? Check(EmbeddedFile file, ReportPdf pdf, RecordedRun record, RecordedSources sources)
    {
        if (file.Content is not { } content)
        {
            return (CheckStatus.Fail, $"{file.Name}: {file.Problem}");
        }

        if (file.Description is not { } description || EvidenceAttachment.ParseDescription(description) is not { } named)
        {
            return (CheckStatus.Fail, $"{file.Name}: its description ({file.Description ?? "none"}) names no evidence as KIND: SOURCE");
        }

        if (named.Kind == EvidenceKind.Results)
        {
            return pdf.IsHostReport ? HostResults(file, content, record) : WholeResults(file, content, record);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var recorded = sources.Find(named.Kind, named.Source).ToList();
        return recorded.Count == 0 ? (CheckStatus.Fail, $"{file.Name}: {record.Origin} records no {named.Kind.Name()} {named.Source}")
            : recorded.Any(r => r.Sha256 == sha256) ? null
            : (CheckStatus.Fail, $"{file.Name} ({description}): its SHA-256 is {FileHash.Short(sha256)}, {record.Origin} records {FileHash.Short(recorded[0].Sha256)}");
    }

    private static (CheckStatus, string)? WholeResults(EmbeddedFile file, byte[] content, RecordedRun record)
    {
        if (record.Sha256 is not { } folderSha256)
        {
            return record.InFolder ? (CheckStatus.Fail, $"{file.Name}: not compared, {record.Problem}") : null;
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        return sha256 == folderSha256 ? null
            : (CheckStatus.Fail, $"{file.Name}: not the folder's {RecordedRun.FileName} (its SHA-256 is {FileHash.Short(sha256)}, the folder's {FileHash.Short(folderSha256)})");
    }

    /// <summary>A host report carries its host's results alone: each host entry in it must be the folder's, as written.</summary>
    private static (CheckStatus, string)? HostResults(EmbeddedFile file, byte[] content, RecordedRun record)
    {
        var (attached, invalid) = ResultsJson.Read(new MemoryStream(content), file.Name, out _);
        if (attached is null)
        {
            return (CheckStatus.Fail, $"{file.Name}: {invalid?.Message}");
        }

        foreach (var host in attached.Hosts)
        {
            if (record.HostDigest(host.Host) is not { } digest)
            {
                return (CheckStatus.Fail, $"{file.Name}: host {host.Host}, which {record.Origin} does not hold");
            }

            if (digest != RecordedRun.Digest(host))
            {
                return (CheckStatus.Fail, $"{file.Name}: host {host.Host} differs from its entry in {record.Origin}");
            }
        }

        return attached.Hosts.Count == 0 ? (CheckStatus.Fail, $"{file.Name}: holds no host") : null;
    }
}

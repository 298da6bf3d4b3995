using PortCompliance.Reporting.Evidence;
using PortCompliance.Reporting.Model;
using PortCompliance.Reporting.Pdf.Fonts;
using PortCompliance.Reporting.Pdf.Layout;
using PortCompliance.Reporting.Pdf.Sections;

namespace PortCompliance.Reporting.Pdf;

/// <summary>
/// The report's composition: which sections come in which order, each starting on a new page. Sections only read
/// the model; the layout layer decides where things fall.
/// </summary>
internal static class PdfReport
{
    public static byte[] Render(ReportModel model, TextWriter log, ReportOptions options)
    {
        var attachments = AttachmentPlan.For(model, options.Evidence);
        var signer = options.Signer;
        PdfFonts.Ensure(log);
        var theme = new Theme();
        var measurer = new TextMeasurer();
        var geometry = PageGeometry.A4;
        var cover = model.Cover;
        var info = new DocumentInfo(
            $"{cover.Title} {cover.ReportId}", $"Audit of {cover.HostCount} hosts against policy {cover.PolicyId} on {cover.AuditDate}",
            cover.Organisation ?? "", $"portcompliance {cover.ToolVersion}", model.Result.GeneratedAt);
        using var assembler = new PdfAssembler(geometry, info);
        var pages = new PageRefs();
        var blocks = Compose(model, theme, pages, attachments, signer);

        // A page is drawn as soon as it is laid out, unless something refers to pages further on (the host index of a
        // combined report): then the whole document is laid out first and drawn once those page numbers are known.
        var flow = new PageFlow(geometry, measurer, pages.Requested ? null : assembler.AddPage);
        foreach (var block in blocks)
        {
            block.Place(flow);
        }

        flow.Finish();
        pages.Resolve(flow);

        var running = new RunningText(
            cover.Organisation is { Length: > 0 } org ? $"{cover.Title} — {org}" : cover.Title,
            $"Audit date {cover.AuditDate}",
            $"Report {cover.ReportId}  ·  policy {cover.PolicyId}  ·  verdict {cover.Verdict}");
        using var document = assembler.Finish(flow, new PageDecorator(geometry, running, theme.Running, measurer));
        PdfAttachments.Embed(document, attachments, model.Result.GeneratedAt.UtcDateTime);
        if (signer is not null)
        {
            var block = flow.Places[ClosingSection.SignatureKey];
            PdfSignatureField.Prepare(document, block.Page, (block.X, block.Top, block.Width, block.Height), signer);
        }

        var bytes = ReproduciblePdf.Save(document, assembler.Metadata);
        if (signer is not null)
        {
            PdfSignatureField.Sign(bytes, signer); // the very last change: the signature covers every other byte
        }

        if (measurer.Glyphs.Replaced > 0)
        {
            log.WriteLine($"pdf: {measurer.Glyphs.Replaced} character(s) the fonts cannot show (control, format or missing glyphs) are printed as a replacement mark");
        }

        return bytes;
    }

    private static IReadOnlyList<IBlock> Compose(
        ReportModel model, Theme t, PageRefs pages, IReadOnlyList<EvidenceAttachment> attachments, ReportSigner? signer) =>
    [
        .. CoverSection.Compose(model, t),
        Flow.PageBreak(),
        .. (model.Drift is { } drift ? [.. DriftSection.Compose(drift, t), Flow.PageBreak()] : Array.Empty<IBlock>()),
        .. SummarySection.Compose(model, t, pages),
        Flow.PageBreak(),
        .. (model.Fleet is { } fleet
            ? FleetSection.Compose(fleet, t)
            // One host needs no index of hosts: its section follows the summary (a fleet host's own report, for one).
            : [.. model.Hosts.Count > 1 ? HostSection.ComposeIndex(model, t, pages) : [], .. model.Hosts.SelectMany(h => HostSection.Compose(h, t))]),
        Flow.PageBreak(),
        .. ControlsSection.ComposeControls(model, t),
        .. RegisterSection.Compose(model, t),
        .. ControlsSection.ComposeWaivers(model, t),
        Flow.PageBreak(),
        .. EvidenceSection.Compose(model, t, attachments),
        .. EvidenceSection.ComposeInputErrors(model, t),
        Flow.PageBreak(),
        .. ClosingSection.ComposeMethod(model, t),
        .. ClosingSection.ComposeSignOff(model, t, signer),
    ];
}

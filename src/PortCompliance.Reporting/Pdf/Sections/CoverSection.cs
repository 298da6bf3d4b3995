using PortCompliance.Core.Model;
using PortCompliance.Reporting.Model;
using PortCompliance.Reporting.Pdf.Layout;

namespace PortCompliance.Reporting.Pdf.Sections;

/// <summary>The cover: what was audited, against which policy (and its hash), when, by which tool — and the verdict.</summary>
internal static class CoverSection
{
    public static IEnumerable<IBlock> Compose(ReportModel model, Theme t)
    {
        var cover = model.Cover;
        yield return Flow.Bookmark("Cover", 0);
        yield return Flow.Space(36);
        yield return new Paragraph(cover.Title, t.Title, 4);
        if (cover.Organisation is { Length: > 0 } organisation)
        {
            yield return new Paragraph(organisation, t.Subtitle, 2);
        }

        yield return new Paragraph($"Audit date {cover.AuditDate}  ·  generated {cover.GeneratedAt}", t.Subtitle, 28);
        yield return Verdict(cover, t);
        yield return Flow.Space(18);
        yield return new Heading("Scope", t.H2);
        yield return new KeyValueList(
        [
            ("Hosts audited", Cell.Of($"{cover.HostCount} host{(cover.HostCount == 1 ? "" : "s")}{(cover.HostCount == 0 ? "" : $" ({cover.Systems})")}", t.Body)),
            ("Input files", Cell.Of(InputFiles(model), t.Body)),
            ("Period", Cell.Of($"Listening sockets as collected for the audit of {cover.AuditDate}; waivers judged on that day.", t.Body)),
        ], t.BodyBold, spaceAfter: 12);
        yield return new Heading("Policy and tool", t.H2);
        yield return new KeyValueList(
        [
            ("Policy", Cell.Of($"{cover.PolicyId} — {cover.PolicyTitle}", t.Body)),
            ("Policy SHA-256", Cell.Of(cover.PolicySha256, t.Code)),
            ("Policy files", Cell.Stack([.. cover.PolicySources.SelectMany(s =>
                new[] { new CellRun(s.Path, t.Small), new CellRun(s.Sha256, t.CellMono) })])),
            ("Fails on", Cell.Of($"any open finding at or above {cover.FailOn} severity", t.Body)),
            ("Tool", Cell.Of($"portcompliance {cover.ToolVersion}", t.Body)),
            ("Report id", Cell.Of($"{cover.ReportId} (printed on every page)", t.Body)),
        ], t.BodyBold);
    }

    private static string InputFiles(ReportModel model)
    {
        var unreadable = model.InputErrors.Count;
        var files = $"{model.Cover.InputFileCount} file{(model.Cover.InputFileCount == 1 ? "" : "s")}, each listed with its SHA-256 in the evidence appendix";
        return unreadable == 0 ? files : $"{files}; {unreadable} could not be read (see Inputs that could not be read)";
    }

    private static Panel Verdict(CoverView cover, Theme t)
    {
        var fail = cover.Verdict == Core.Model.Verdict.Fail.Label();
        var word = t.Verdict.WithColor(fail ? Theme.Fill("FAIL") : Theme.Pass);
        return new Panel(
            [
                new Paragraph("Verdict", t.H3, 0),
                new Paragraph(cover.Verdict, word, 2),
                new Paragraph(cover.VerdictText, t.Body, 0),
            ],
            fail ? Theme.FailShade : Theme.PassShade,
            fail ? Theme.Fill("FAIL") : Theme.Pass,
            borderWidth: 2.5,
            padding: 14);
    }
}

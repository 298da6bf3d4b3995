using PdfSharp.Drawing;
using PortCompliance.Reporting.Pdf;
using PortCompliance.Reporting.Pdf.Fonts;
using PortCompliance.Reporting.Pdf.Layout;
using PortCompliance.Reporting.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Reporting.Tests.Pdf;

/// <summary>The composition layer on its own: wrapping, hard breaks, tables across pages.</summary>
public sealed class LayoutTests
{
    private const string Sha256 = "e63df9018d1b2f3e59207d78eedbc76ef8af061c0ef747b21399d557e7257c9d";
    private readonly Theme _theme;
    private readonly TextMeasurer _measurer;

    public LayoutTests()
    {
        PdfFonts.Ensure(TextWriter.Null);
        _theme = new Theme();
        _measurer = new TextMeasurer();
    }

    [Fact]
    public void Should_Measure_Every_Line_Of_The_Samples_As_PdfSharp_Measures_It_In_Every_Style()
    {
        // Widths come from a shared table of advances, not a measure call per word: lines must still break where
        // PDFsharp's own measuring would break them, to the last bit.
        var context = XGraphics.CreateMeasureContext(new XSize(1000, 1000), XGraphicsUnit.Point, XPageDirection.Downwards);
        var styles = typeof(Theme).GetProperties().Where(p => p.PropertyType == typeof(TextStyle)).Select(p => (TextStyle)p.GetValue(_theme)!).ToList();
        var lines = Directory.EnumerateFiles(RepoPaths.Combine("samples"), "*.txt", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal)
            .Concat(["Grüße aus Köln — “quoted” ≥ 5 · ½", "Ελληνικά кириллица", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 astral 𐍈"])
            .ToList();
        Assert.True(lines.Count > 500, "the samples should give hundreds of real lines");
        foreach (var style in styles.Where(s => !s.IsMonospace))
        {
            foreach (var line in lines)
            {
                var clean = _measurer.Clean(line, style);
                Assert.Equal(context.MeasureString(clean, style.Font).Width, _measurer.Width(clean, style));
            }
        }
    }

    [Fact]
    public void Should_Hard_Break_A_Sha256_That_Is_Wider_Than_Its_Column()
    {
        var lines = LineBreaker.Wrap(Sha256, _theme.Body, 120, _measurer);

        Assert.True(lines.Count > 1);
        Assert.All(lines, l => Assert.True(_measurer.Width(l, _theme.Body) <= 120, $"'{l}' is wider than 120pt"));
        Assert.Equal(Sha256, string.Concat(lines));
    }

    [Fact]
    public void Should_Break_A_Long_Endpoint_After_Punctuation()
    {
        var lines = LineBreaker.Wrap("[fe80::fc:ff:fe00:1]%eth0:7100", _theme.Cell, 90, _measurer);

        Assert.Equal("[fe80::fc:ff:fe00:1]%eth0:7100", string.Concat(lines));
        Assert.All(lines[..^1], l => Assert.Contains(l[^1], "/:,.-_]%=);|"));
    }

    [Fact]
    public void Should_Keep_Every_Space_Of_Evidence_When_Wrapping_Monospace()
    {
        const string Line = "tcp   LISTEN 0      244                      0.0.0.0:5432       0.0.0.0:*    users:((\"postgres\",pid=7600,fd=5))";

        var lines = LineBreaker.WrapMono(Line, 40);

        Assert.All(lines, l => Assert.True(l.Length <= 40));
        Assert.Equal(Line, string.Concat(lines));
    }

    [Fact]
    public void Should_Repeat_The_Header_Row_On_Every_Page_A_Table_Spans()
    {
        var rows = Enumerable.Range(1, 150).Select(i => (IReadOnlyList<Cell>)[Cell.Of($"row {i}", _theme.Cell), Cell.Of(Sha256, _theme.CellMono)]).ToList();
        using var assembler = NewAssembler();
        var flow = new PageFlow(PageGeometry.A4, _measurer);

        new Table([new Column("Number", 1), new Column("Digest", 2)], rows, _theme.CellBold).Place(flow);
        flow.Finish();
        var pages = Poppler.Pages(Save(assembler, flow));

        Assert.True(pages.Count >= 3, $"150 two-line rows fill {pages.Count} page(s)");
        Assert.All(pages, p => Assert.Matches(@"Number\s+Digest", p));
        Assert.Contains("row 150", pages[^1]);
        Assert.Equal(150, pages.Sum(p => p.Split('\n').Count(l => l.TrimStart().StartsWith("row ", StringComparison.Ordinal))));
    }

    [Fact]
    public void Should_Hand_Each_Page_Over_As_Soon_As_The_Next_One_Starts()
    {
        var rows = Enumerable.Range(1, 150).Select(i => (IReadOnlyList<Cell>)[Cell.Of($"row {i}", _theme.Cell), Cell.Of(Sha256, _theme.CellMono)]);
        using var assembler = NewAssembler();
        var handed = 0;
        var flow = new PageFlow(PageGeometry.A4, _measurer, operations =>
        {
            handed++;
            assembler.AddPage(operations);
        });

        new Table([new Column("Number", 1), new Column("Digest", 2)], rows, _theme.CellBold).Place(flow);
        Assert.True(flow.PageCount >= 3, $"150 two-line rows fill {flow.PageCount} page(s)");
        Assert.Equal(flow.PageCount - 1, handed);
        Assert.Single(flow.Pages);
        flow.Finish();
        Assert.Equal(flow.PageCount, handed);
        Assert.Empty(flow.Pages);

        var pages = Poppler.Pages(Save(assembler, flow));
        Assert.Equal(handed, pages.Count);
        Assert.All(pages.Select((text, i) => (text, i)), p =>
        {
            Assert.Matches(@"Number\s+Digest", p.text);
            Assert.Contains($"Page {p.i + 1} of {handed}", p.text);
        });
        Assert.Equal(150, pages.Sum(p => p.Split('\n').Count(l => l.TrimStart().StartsWith("row ", StringComparison.Ordinal))));
    }

    [Fact]
    public void Should_Split_A_Row_Taller_Than_A_Page_Rather_Than_Cut_It_Off()
    {
        var tall = string.Join(", ", Enumerable.Range(1, 900).Select(i => $"host{i:000}"));
        var flow = new PageFlow(PageGeometry.A4, _measurer);

        new Table([new Column("Control", 1), new Column("Hosts", 3)], [[Cell.Of("CIS 4.4", _theme.Cell), Cell.Of(tall, _theme.Cell)]], _theme.CellBold).Place(flow);

        Assert.True(flow.PageCount > 1);
        Assert.True(flow.Y <= PageGeometry.A4.BodyBottom);
    }

    [Fact]
    public void Should_Move_A_Keep_Together_Group_To_The_Next_Page_Rather_Than_Split_It()
    {
        var flow = new PageFlow(PageGeometry.A4, _measurer);
        var group = new KeepTogether(new Paragraph("F-001 header", _theme.H2), new Paragraph(string.Join(" ", Enumerable.Repeat("message", 60)), _theme.Body));
        while (flow.Space >= group.Height(flow) || flow.Space < _theme.H2.LineHeight * 2)
        {
            new Paragraph("filler", _theme.Body).Place(flow);
        }

        group.Place(flow);

        Assert.Equal(2, flow.PageCount);
        Assert.Equal(PageGeometry.A4.MarginTop + group.Height(flow), flow.Y, 1);
    }

    private static PdfAssembler NewAssembler() => new(PageGeometry.A4, new DocumentInfo("t", "s", "a", "c", Reports.Day));

    /// <summary>Draws what the flow still holds, the running header and footer, and saves.</summary>
    private byte[] Save(PdfAssembler assembler, PageFlow flow)
    {
        using var document = assembler.Finish(flow, new PageDecorator(PageGeometry.A4, new RunningText("t", "d", "f"), _theme.Running, _measurer));
        return ReproduciblePdf.Save(document, assembler.Metadata);
    }
}

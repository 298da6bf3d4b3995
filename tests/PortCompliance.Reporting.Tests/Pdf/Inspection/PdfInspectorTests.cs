using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using PortCompliance.Reporting.Pdf.Inspection;
using PortCompliance.Reporting.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Reporting.Tests.Pdf.Inspection;

/// <summary>The files a report PDF carries, read back from its bytes as pdfdetach reads them.</summary>
public sealed class PdfInspectorTests
{
    private const string Sample = "samples/ss/ss-lntup-debian12-db.txt";

    private static readonly byte[] Report = Render.Pdf(Reports.Of(Sample)).Pdf;

    [Fact]
    public void Should_Give_Back_Each_Attached_File_With_Its_Description_As_Pdfdetach_Does()
    {
        var listing = File.ReadAllBytes(RepoPaths.Combine(Sample));
        var policy = File.ReadAllBytes(RepoPaths.Combine("policies/baseline.yaml"));
        var pdf = EvidencePdfs.WithAttachments(Report,
            new("listing-ss-lntup-debian12-db.txt", $"listing: {Sample}", listing),
            new("policy-baseline.yaml", "policy: builtin:baseline", policy));

        var inspection = PdfInspector.Read(pdf);

        Assert.Null(inspection.Problem);
        Assert.Equal(["listing-ss-lntup-debian12-db.txt", "policy-baseline.yaml"], inspection.Files.Select(f => f.Name));
        Assert.Equal([$"listing: {Sample}", "policy: builtin:baseline"], inspection.Files.Select(f => f.Description));
        var detached = Poppler.Detached(pdf);
        Assert.All(inspection.Files, f => Assert.Equal(detached[f.Name], f.Content));
        Assert.Equal(listing, inspection.Files.Single(f => f.Name.StartsWith("listing-", StringComparison.Ordinal)).Content);
        Assert.Equal(policy, inspection.Files.Single(f => f.Name.StartsWith("policy-", StringComparison.Ordinal)).Content);
    }

    [Fact]
    public void Should_Read_A_Name_Tree_Whose_Names_Sit_In_Its_Kids()
    {
        var pdf = SplitIntoKids(EvidencePdfs.WithAttachments(Report,
            new("listing-a.txt", "listing: a.txt", "a\n"u8.ToArray()),
            new("listing-b.txt", "listing: b.txt", "b\n"u8.ToArray()),
            new("listing-c.txt", null, "c\n"u8.ToArray())));

        var inspection = PdfInspector.Read(pdf);

        Assert.Equal(["listing-a.txt", "listing-b.txt", "listing-c.txt"], inspection.Files.Select(f => f.Name));
        Assert.Equal(["a\n", "b\n", "c\n"], inspection.Files.Select(f => Encoding.ASCII.GetString(f.Content!)));
        Assert.Null(inspection.Files[2].Description);
        Assert.Equal(3, Poppler.Detached(pdf).Count);
    }

    [Fact]
    public void Should_Stop_Inflating_Attachments_At_The_Cap_A_Report_Keeps()
    {
        // 65 MiB of zeros deflate to some 65 KB: the file is small, what it claims is not.
        var pdf = EvidencePdfs.WithAttachments(Report, new EvidencePdfs.Attachment("listing-big.txt", "listing: big.txt", new byte[65 << 20]));

        var file = Assert.Single(PdfInspector.Read(pdf).Files);

        Assert.True(pdf.Length < 1 << 20);
        Assert.Null(file.Content);
        Assert.Contains("more than 64 MiB", file.Problem);
    }

    [Fact]
    public void Should_Read_The_Evidence_A_Rendered_Report_Carries_As_Pdfdetach_Gives_It_Back()
    {
        // The renderer's own attachments: the listing judged, the built-in policy, the report's results.json.
        var inspection = PdfInspector.Read(Report);

        Assert.Null(inspection.Problem);
        Assert.Equal(["listing-ss-lntup-debian12-db.txt", "policy-baseline.yaml", "results.json"], inspection.Files.Select(f => f.Name));
        Assert.Equal([$"listing: {Sample}", "policy: builtin:baseline", "results: results.json"], inspection.Files.Select(f => f.Description));
        var detached = Poppler.Detached(Report);
        Assert.Equal(detached.Keys.Order(StringComparer.Ordinal), inspection.Files.Select(f => f.Name));
        Assert.All(inspection.Files, f => Assert.Equal(detached[f.Name], f.Content));
        Assert.Equal(File.ReadAllBytes(RepoPaths.Combine(Sample)), inspection.Files[0].Content);
        Assert.Empty(inspection.Signatures);
    }

    [Fact]
    public void Should_Say_Why_A_File_That_Is_No_Pdf_Cannot_Be_Read()
    {
        var inspection = PdfInspector.Read(File.ReadAllBytes(RepoPaths.Combine(Sample)));

        Assert.StartsWith("not a PDF that can be read", inspection.Problem);
        Assert.Empty(inspection.Files);
    }

    [Fact]
    public void Should_Read_A_Report_Cut_Short_As_A_Problem_Not_A_Crash()
    {
        var inspection = PdfInspector.Read(Report[..(Report.Length / 2)]);

        Assert.NotNull(inspection.Problem);
    }

    /// <summary>The same attachments, their name tree rewritten as a root whose two kids hold the names (PDF 32000 7.9.6).</summary>
    private static byte[] SplitIntoKids(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
        var tree = document.Internals.Catalog.Elements.GetDictionary("/Names")!.Elements.GetDictionary("/EmbeddedFiles")!;
        var names = tree.Elements.GetArray("/Names")!;
        var kids = new PdfArray(document);
        foreach (var half in (int[][])[[0, 2], [2, names.Elements.Count]])
        {
            var kid = new PdfDictionary(document);
            var part = new PdfArray(document);
            for (var i = half[0]; i < half[1]; i++)
            {
                part.Elements.Add(names.Elements[i]);
            }

            kid.Elements["/Names"] = part;
            var limits = new PdfArray(document);
            limits.Elements.Add(part.Elements[0]);
            limits.Elements.Add(part.Elements[^2]);
            kid.Elements["/Limits"] = limits;
            document.Internals.AddObject(kid);
            kids.Elements.Add(kid.Reference!);
        }

        tree.Elements.Remove("/Names");
        tree.Elements["/Kids"] = kids;
        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);
        return buffer.ToArray();
    }
}

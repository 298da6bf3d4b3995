using PortCompliance.Core.Model;
using PortCompliance.Reporting.Model;

namespace PortCompliance.Reporting.Tests;

/// <summary>The report-format registry: what each renderer declares, and that the registry holds it to its word.</summary>
public sealed class ReportRenderersTests
{
    private static IReadOnlyList<IReportRenderer> All => ReportRenderers.Create(new ReportOptions());

    [Fact]
    public void Should_Write_Every_Format_But_Junit_By_Default()
    {
        Assert.Equal(["pdf", "html", "csv", "json"], ReportRenderers.DefaultKeys(All));
    }

    [Fact]
    public void Should_Stream_Json_Csv_Junit_And_Oscal_And_Write_Pdf_And_Html_Per_Host_In_A_Fleet()
    {
        Assert.Equal(["csv", "json", "junit", "oscal"], All.Where(r => r.FleetOutput == FleetOutput.Streamed).Select(r => r.Key));
        Assert.Equal(["pdf", "html"], All.Where(r => r.FleetOutput == FleetOutput.PerHost).Select(r => r.Key));
        Assert.All(All, r => Assert.Equal(r.FleetOutput == FleetOutput.Streamed, r is IStreamingRenderer));
    }

    [Fact]
    public void Should_Fail_Loudly_When_A_Streamed_Format_Is_No_Streaming_Renderer()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ReportRenderers.Checked([new Fake("xml", FleetOutput.Streamed)]));

        Assert.Contains("'xml' declares FleetOutput.Streamed but Fake is no IStreamingRenderer", error.Message);
    }

    [Fact]
    public void Should_Fail_Loudly_When_A_Streaming_Renderer_Declares_Per_Host()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ReportRenderers.Checked([new FakeStream(FleetOutput.PerHost)]));

        Assert.Contains("'stream' is an IStreamingRenderer but declares FleetOutput.PerHost", error.Message);
    }

    [Fact]
    public void Should_Fail_Loudly_When_Two_Formats_Share_A_Key()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ReportRenderers.Checked([new Fake("pdf", FleetOutput.PerHost), new Fake("pdf", FleetOutput.PerHost)]));

        Assert.Contains("'pdf' names 2 formats", error.Message);
    }

    private class Fake(string key, FleetOutput fleet) : IReportRenderer
    {
        public string Key => key;
        public string Description => "a test double";
        public bool InDefaultSet => true;
        public FleetOutput FleetOutput => fleet;
        public IReadOnlyList<string> Files => ["fake.txt"];

        public void Render(ReportModel model, Func<string, Stream> open) => open("fake.txt").Dispose();
    }

    private sealed class FakeStream(FleetOutput fleet) : Fake("stream", fleet), IStreamingRenderer
    {
        public IReportRun Start(AuditResult run, ReportOutput output) => throw new NotSupportedException();
    }
}

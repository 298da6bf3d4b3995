using PortCompliance.Core.Audit;
using PortCompliance.Reporting.Model;
using System.Text;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Reporting.Csv;
using PortCompliance.Reporting.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Reporting.Tests.Model;

/// <summary>The db host with its genuine nmap scan: every format shows each socket's exposure.</summary>
public sealed class ExposureReportTests
{
    private const string Scan = "samples/nmap/ss-lntup-debian12-db.nmap.xml";

    private static readonly Lazy<ReportModel> Model = new(() =>
    {
        var scans = InputReader.ReadFile(RepoPaths.Combine(Scan), new ListingOptions(Scan)).Scans;
        var result = AuditRun.Whole([Reports.Read("samples/ss/ss-lntup-debian12-db.txt")],
            PolicyLoader.Load(PolicyLoader.BuiltInBaseline).Policy!, new AuditSettings(Reports.Day, Severity.High, "test"), scans);
        return ReportModelBuilder.Build(result, Reports.Options);
    });

    [Fact]
    public void Should_Carry_Exposure_And_The_Scan_Into_The_Model()
    {
        var host = Assert.Single(Model.Value.Hosts);

        Assert.Equal($"nmap of 127.0.0.1 ({Scan})", host.Scanned);
        Assert.Equal("reachable", Assert.Single(host.Sockets, s => s.Endpoint == "0.0.0.0:5432").Exposure);
        Assert.Equal("not-scanned", Assert.Single(host.Sockets, s => s.Endpoint == "[::1]:6379").Exposure);
        Assert.Equal(2, Model.Value.Cover.InputFileCount);
    }

    [Fact]
    public void Should_Show_The_Exposure_Column_In_Pdf_Html_And_Csv()
    {
        var pdf = Poppler.Text(Render.Pdf(Model.Value).Pdf);
        var html = Reports.Html(Model.Value);
        var csv = Encoding.UTF8.GetString(Reports.Render(new CsvRenderer(), Model.Value)["sockets.csv"]);

        Assert.Contains("Exposure", pdf);
        Assert.Contains("not-scanned", pdf);
        Assert.Contains("Outside scan", html);
        Assert.Contains("<td>reachable</td>", html);
        Assert.Contains(",reachable", csv);
    }
}

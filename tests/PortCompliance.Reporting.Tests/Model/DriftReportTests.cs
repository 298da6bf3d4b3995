using PortCompliance.Core.Audit;
using PortCompliance.Reporting.Model;
using System.Text;
using PortCompliance.Core.Evaluation;
using PortCompliance.Reporting.Csv;
using PortCompliance.Reporting.Tests.Support;

namespace PortCompliance.Reporting.Tests.Model;

/// <summary>Last month the host was the web capture, this month the db capture: every format opens with what changed.</summary>
public sealed class DriftReportTests
{
    private static readonly Lazy<ReportModel> Model = new(() =>
    {
        var lastMonth = Reports.Audit([Reports.Read("samples/ss/ss-lntup-debian12-web.txt", "box"), Reports.Read("samples/ss/ss-lntup-debian12-web.txt", "old01")]);
        var now = AuditRun.Whole([Reports.Read("samples/ss/ss-lntup-debian12-db.txt", "box"), Reports.Read("samples/docs/seed000-ss-lntup.txt", "new01")],
            Reports.Baseline(), Reports.Settings, baseline: lastMonth);
        return Reports.Model(now);
    });

    [Fact]
    public void Should_Summarise_And_List_Every_Change()
    {
        var drift = Model.Value.Drift!;

        Assert.StartsWith("Since the audit of 2026-11-21: 4 opened, 9 new findings; 1 new host(s); 1 host(s) gone", drift.Summary);
        Assert.Contains(drift.Changes, c => c is { Host: "box", Change: "opened", What: "TCP port 5432", After: "0.0.0.0, ::" });
        Assert.Contains(drift.Changes, c => c is { Change: "new finding", What: "loopback-only (critical)", After: "TCP [::]:5432" });
        Assert.Equal(["new01"], drift.NewHosts);
        Assert.Equal(["old01"], drift.Disappeared);
    }

    [Fact]
    public void Should_Open_The_Pdf_And_Html_With_The_Changes_And_Write_Drift_Csv()
    {
        var pdfPages = Poppler.Pages(Render.Pdf(Model.Value).Pdf);
        var html = Reports.Html(Model.Value);
        var csv = Encoding.UTF8.GetString(Reports.Render(new CsvRenderer(), Model.Value)["drift.csv"]);

        Assert.Contains("Changes since 2026-11-21", pdfPages[1]);
        Assert.Contains("Hosts audited last time and not seen now: old01", pdfPages[1]);
        Assert.True(html.IndexOf("Changes since", StringComparison.Ordinal) < html.IndexOf("id=\"summary\"", StringComparison.Ordinal));
        Assert.Contains("box,opened,TCP port 5432,,\"0.0.0.0, ::\"", csv);
        Assert.Contains("old01,host gone", csv);
    }
}

using PortCompliance.Reporting.Model;
using PortCompliance.Reporting.Tests.Support;

namespace PortCompliance.Reporting.Tests.Pdf;

/// <summary>The report of one real database host (40 sockets, 52 findings), rendered once and shared by the tests that read it.</summary>
public sealed class DbHostReport
{
    public const string Sample = "samples/ss/ss-lntup-debian12-db.txt";

    public DbHostReport()
    {
        Model = Reports.Of(Sample);
        (Pdf, Log) = Render.Pdf(Model);
        Pages = Poppler.Pages(Pdf);
    }

    public ReportModel Model { get; }
    public byte[] Pdf { get; }
    public string Log { get; }
    public IReadOnlyList<string> Pages { get; }

    public string Page(Func<string, bool> predicate) => Pages.First(predicate);
}

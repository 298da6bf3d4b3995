namespace PortCompliance.Cli.Verification;

/// <summary>One kind of check <c>verify</c> makes; its <see cref="Name"/> starts each of its lines.</summary>
internal interface IReportCheck
{
    string Name { get; }

    /// <summary>What it checks, for <c>verify --help</c>.</summary>
    string Description { get; }
}

/// <summary>A check over the whole report folder (its SHA256SUMS, the inputs its results.json records).</summary>
internal interface IFolderCheck : IReportCheck
{
    IEnumerable<CheckLine> Run(ReportFolder folder);
}

/// <summary>A check of one PDF of the folder; every PDF is read once and handed to each such check in turn.</summary>
internal interface IPdfCheck : IReportCheck
{
    IEnumerable<CheckLine> Run(ReportPdf pdf, ReportFolder folder);
}

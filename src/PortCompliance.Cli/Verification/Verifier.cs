namespace PortCompliance.Cli.Verification;

/// <summary>
/// Runs every check of <see cref="ReportChecks"/> over a report folder: the folder checks as they are, the PDF checks
/// in one pass that reads each PDF once (on every core, in the folder's order). The lines come back by check, in the
/// registry's order, each check's lines in the order it gave them.
/// </summary>
internal static class Verifier
{
    public static IReadOnlyList<CheckLine> Run(ReportFolder folder, IReadOnlyList<IReportCheck> checks, CliConsole console)
    {
        var pdfChecks = checks.OfType<IPdfCheck>().ToList();
        var pdfs = folder.Files.Where(f => f.IsPdf && f.Problem is null).ToList();
        var fromPdfs = Progress.Run("checking PDFs", pdfs.Count, console, done =>
            pdfs.AsParallel().AsOrdered().Select(file =>
            {
                var pdf = ReportPdf.Read(file);
                var lines = pdfChecks.Select(c => c.Run(pdf, folder).ToList()).ToList();
                done();
                return lines;
            }).ToList());

        var byCheck = new List<CheckLine>();
        foreach (var check in checks)
        {
            byCheck.AddRange(check switch
            {
                IFolderCheck folderCheck => folderCheck.Run(folder),
                IPdfCheck pdfCheck => fromPdfs.SelectMany(lines => lines[pdfChecks.IndexOf(pdfCheck)]),
                _ => throw new InvalidOperationException($"{check.Name} is neither a folder check nor a PDF check"),
            });
        }

        return byCheck;
    }
}

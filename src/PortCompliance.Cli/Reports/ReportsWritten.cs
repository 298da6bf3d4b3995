using PortCompliance.Core.Model;
using PortCompliance.Reporting.Model;

namespace PortCompliance.Cli.Reports;

/// <summary>
/// What an audit run wrote: the run (with its hosts for a combined report), the report model (null when no host could
/// be read and nothing was written), the files, and whether every report was written.
/// </summary>
internal sealed record ReportsWritten(AuditResult Result, ReportModel? Model, IReadOnlyList<string> Files, bool AllWritten)
{
    /// <summary>A fleet's host reports, where they are once published (<c>hosts/web01.pdf</c> in the output folder).</summary>
    public IReadOnlyList<string> HostFiles { get; init; } = [];
}

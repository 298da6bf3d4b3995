using PortCompliance.Cli.Commands;
using PortCompliance.Core.Audit;
using PortCompliance.Core.Ingest;

namespace PortCompliance.Cli.Reports;

/// <summary>Tells the user, host by host in report order, what reading each host's inputs found wrong; ticks the progress.</summary>
internal sealed class ConsoleObserver(CliConsole console, Action done) : IAuditObserver
{
    public void Read(HostRead read)
    {
        Ingestion.Tell(read, console);
        done();
    }
}

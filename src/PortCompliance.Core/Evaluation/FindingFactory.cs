using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;

namespace PortCompliance.Core.Evaluation;

/// <summary>Makes findings for one host: the rule's severity and controls, the service, the fix and the evidence.</summary>
internal sealed class FindingFactory(RuleSet rules, ServiceCatalogue catalogue)
{
    public ServiceCatalogue Catalogue => catalogue;

    public Finding ForSocket(
        string rule, HostSnapshot host, ListeningSocket socket, Func<CatalogueService?, string> message, CatalogueService? service = null)
    {
        service ??= catalogue.Identify(socket, host.Os);
        return Start(rule, host, message(service)) with
        {
            Proto = socket.Proto,
            Address = socket.Address,
            Port = socket.Port,
            Processes = socket.Processes,
            Interface = socket.Interface,
            Namespace = socket.Namespace,
            Container = socket.Container,
            Remediation = Remediation.For(rule, socket, service, host.Os),
            Service = service?.Name,
            Evidence = new Evidence(socket.Source ?? host.Source, socket.Line, socket.Text),
        };
    }

    public Finding ForScannedPort(
        string rule, HostSnapshot host, ExternalScan scan, ScannedPort port, string message, IReadOnlyList<RemediationStep> steps) =>
        Start(rule, host, message) with
        {
            Proto = port.Proto,
            Address = scan.Address,
            Port = port.Port,
            Remediation = steps,
            Service = port.Service,
            Evidence = new Evidence(scan.Source, 0, $"<port protocol=\"{port.Proto.Name()}\" portid=\"{port.Port}\"> state {port.State}"),
        };

    public Finding ForLine(string rule, HostSnapshot host, string source, int line, string text, string message) =>
        Start(rule, host, message) with
        {
            Remediation = Remediation.ForLine(source, line, host.Os),
            Evidence = new Evidence(source, line, text),
        };

    /// <summary>A finding about a whole input rather than a line of it: the evidence is the file, at no line.</summary>
    public Finding ForInput(string rule, HostSnapshot host, string source, string message, IReadOnlyList<RemediationStep> steps) =>
        Start(rule, host, message) with { Remediation = steps, Evidence = new Evidence(source, 0, "") };

    /// <summary>What every finding of a rule on a host carries: the rule's severity and the controls it maps to.</summary>
    private Finding Start(string rule, HostSnapshot host, string message)
    {
        var settings = rules.Settings[rule];
        return new Finding { Host = host.Host, Rule = rule, Severity = settings.Severity, Controls = settings.Controls, Message = message };
    }
}

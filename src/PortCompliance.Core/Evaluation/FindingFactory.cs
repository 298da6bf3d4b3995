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
        service ??= catalogue.Identify(socket);
        var settings = rules.Settings[rule];
        return new Finding
        {
            Host = host.Host,
            Rule = rule,
            Severity = settings.Severity,
            Proto = socket.Proto,
            Address = socket.Address,
            Port = socket.Port,
            Processes = socket.Processes,
            Interface = socket.Interface,
            Namespace = socket.Namespace,
            Container = socket.Container,
            Message = message(service),
            Remediation = Remediation.For(rule, socket, service),
            Service = service?.Name,
            Controls = settings.Controls,
            Evidence = new Evidence(socket.Source ?? host.Source, socket.Line, socket.Text),
        };
    }

    public Finding ForScannedPort(
        string rule, HostSnapshot host, ExternalScan scan, ScannedPort port, string message, IReadOnlyList<RemediationStep> steps)
    {
        var settings = rules.Settings[rule];
        return new Finding
        {
            Host = host.Host,
            Rule = rule,
            Severity = settings.Severity,
            Proto = port.Proto,
            Address = scan.Address,
            Port = port.Port,
            Message = message,
            Remediation = steps,
            Service = port.Service,
            Controls = settings.Controls,
            Evidence = new Evidence(scan.Source, 0, $"<port protocol=\"{(port.Proto == Protocol.Tcp ? "tcp" : "udp")}\" portid=\"{port.Port}\"> state {port.State}"),
        };
    }

    public Finding ForLine(string rule, HostSnapshot host, string source, int line, string text, string message)
    {
        var settings = rules.Settings[rule];
        return new Finding
        {
            Host = host.Host,
            Rule = rule,
            Severity = settings.Severity,
            Message = message,
            Remediation = Remediation.ForLine(source, line),
            Controls = settings.Controls,
            Evidence = new Evidence(source, line, text),
        };
    }
}

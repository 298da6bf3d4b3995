using System.Xml;

namespace PortCompliance.Reporting.Junit;

/// <summary>
/// <c>junit.xml</c>: one test suite per host, one test case per rule that ran, failed when the rule has open findings
/// on that host — so CI dashboards show the audit. Waived findings do not fail a case.
/// </summary>
public sealed class JunitRenderer : IReportRenderer
{
    public const string FormatKey = "junit";

    public string Key => FormatKey;
    public string Description => "junit.xml: a test case per host and rule, for CI dashboards (not in the default set)";
    public IReadOnlyList<string> Files => ["junit.xml"];

    public void Render(ReportModel model, Func<string, Stream> open)
    {
        using var stream = open("junit.xml");
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings
        {
            Indent = true,
            NewLineChars = "\n",
            Encoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        });
        var rules = model.Result.Policy.Rules;
        var failures = model.Hosts.Sum(h => rules.Count(r => h.Findings.Any(f => f.Rule == r && !f.Waived)));
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", $"PortCompliance {model.Cover.PolicyId} {model.Cover.AuditDate}");
        xml.WriteAttributeString("tests", (model.Hosts.Count * rules.Count).ToString());
        xml.WriteAttributeString("failures", failures.ToString());
        foreach (var host in model.Hosts)
        {
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", host.Host);
            xml.WriteAttributeString("tests", rules.Count.ToString());
            xml.WriteAttributeString("failures", rules.Count(r => host.Findings.Any(f => f.Rule == r && !f.Waived)).ToString());
            xml.WriteAttributeString("timestamp", model.Result.GeneratedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss"));
            foreach (var rule in rules)
            {
                WriteCase(xml, host, rule);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteCase(XmlWriter xml, HostView host, string rule)
    {
        var open = host.Findings.Where(f => f.Rule == rule && !f.Waived).ToList();
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", host.Host);
        xml.WriteAttributeString("name", rule);
        if (open.Count > 0)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("type", open.Max(f => Rank(f.Severity)) is var worst ? Name(worst) : "");
            xml.WriteAttributeString("message", $"{open.Count} open finding(s): {string.Join("; ", open.Select(f => f.Where))}");
            xml.WriteString(string.Join("\n\n", open.Select(f => $"[{f.Id}] {f.Severity.ToUpperInvariant()} {f.Where}\n{f.Message}")));
            xml.WriteEndElement();
        }

        var waived = host.Findings.Where(f => f.Rule == rule && f.Waived).ToList();
        if (waived.Count > 0)
        {
            xml.WriteElementString("system-out", string.Join("\n", waived.Select(f => $"[{f.Id}] {f.Where}: {f.WaiverText}")));
        }

        xml.WriteEndElement();
    }

    private static readonly string[] Order = ["info", "low", "medium", "high", "critical"];

    private static int Rank(string severity) => Array.IndexOf(Order, severity);

    private static string Name(int rank) => Order[rank];
}

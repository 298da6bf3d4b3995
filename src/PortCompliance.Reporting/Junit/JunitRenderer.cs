using PortCompliance.Reporting.Model;
using System.Xml;
using PortCompliance.Core.Model;

namespace PortCompliance.Reporting.Junit;

/// <summary>
/// <c>junit.xml</c>: one test suite per host, one test case per rule that ran, failed when the rule has open findings
/// on that host — so CI dashboards show the audit. Waived findings do not fail a case.
/// </summary>
internal sealed class JunitRenderer : IStreamingRenderer
{
    public string Key => "junit";
    public string Description => "junit.xml: a test case per host and rule, for CI dashboards (not in the default set)";

    // CI asks for it by name; people running the monthly audit have no use for it.
    public bool InDefaultSet => false;
    public FleetOutput FleetOutput => FleetOutput.Streamed;
    public IReadOnlyList<string> Files => ["junit.xml"];

    private static readonly XmlWriterSettings Settings = new()
    {
        Indent = true,
        NewLineChars = "\n",
        Encoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
    };

    private static readonly XmlWriterSettings SpoolSettings = new()
    {
        Indent = true,
        NewLineChars = "\n",
        Encoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = true,
    };

    public void Render(ReportModel model, Func<string, Stream> open) => ReportOutput.RenderWhole(this, model, open);

    public IReportRun Start(AuditResult run, ReportOutput output) => new Run(run, output);

    /// <summary>
    /// The suites are spooled inside a bare root element, because the real root carries the totals, known only at the
    /// end; the file is that root, then the spooled suites as they were written.
    /// </summary>
    private sealed class Run : IReportRun
    {
        private static readonly byte[] BareRoot = "<testsuites>"u8.ToArray();
        private readonly AuditResult _run;
        private readonly ReportOutput _output;
        private readonly Stream _spool;
        private readonly XmlWriter _suites;
        private int _hosts;
        private int _failures;

        public Run(AuditResult run, ReportOutput output)
        {
            (_run, _output, _spool) = (run, output, output.Scratch());
            _suites = XmlWriter.Create(_spool, SpoolSettings);
            _suites.WriteStartElement("testsuites");
        }

        public void Add(HostResult host, HostView view)
        {
            var rules = _run.Policy.Rules;
            var failing = rules.Count(r => view.Findings.Any(f => f.Rule == r && !f.Waived));
            (_hosts, _failures) = (_hosts + 1, _failures + failing);
            _suites.WriteStartElement("testsuite");
            _suites.WriteAttributeString("name", Xml(view.Host));
            _suites.WriteAttributeString("tests", rules.Count.ToString());
            _suites.WriteAttributeString("failures", failing.ToString());
            _suites.WriteAttributeString("timestamp", _run.GeneratedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss"));
            foreach (var rule in rules)
            {
                WriteCase(_suites, view, rule);
            }

            _suites.WriteEndElement();
        }

        public void Finish(ReportModel model)
        {
            _suites.WriteEndElement();
            _suites.Flush();
            using var root = new MemoryStream();
            using (var xml = XmlWriter.Create(root, Settings))
            {
                xml.WriteStartElement("testsuites");
                xml.WriteAttributeString("name", Xml($"PortCompliance {model.Cover.PolicyId} {model.Cover.AuditDate}"));
                xml.WriteAttributeString("tests", (_hosts * _run.Policy.Rules.Count).ToString());
                xml.WriteAttributeString("failures", _failures.ToString());
                xml.WriteEndElement();
            }

            using var target = _output.Open("junit.xml");
            if (_hosts == 0)
            {
                target.Write(root.GetBuffer().AsSpan(0, (int)root.Length));
                return;
            }

            // "<testsuites … />" opens instead, and the spooled suites follow, closed by the spool's own end tag.
            target.Write(root.GetBuffer().AsSpan(0, (int)root.Length - " />".Length));
            target.Write(">"u8);
            _spool.Position = BareRoot.Length;
            _spool.CopyTo(target);
        }

        public void Dispose()
        {
            _suites.Dispose();
            _spool.Dispose();
        }
    }

    private static void WriteCase(XmlWriter xml, HostView host, string rule)
    {
        var open = host.Findings.Where(f => f.Rule == rule && !f.Waived).ToList();
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", Xml(host.Host));
        xml.WriteAttributeString("name", Xml(rule));
        if (open.Count > 0)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("type", open.Max(f => Rank(f.Severity)) is var worst ? Name(worst) : "");
            xml.WriteAttributeString("message", Xml($"{open.Count} open finding(s): {string.Join("; ", open.Select(f => f.Where))}"));
            xml.WriteString(Xml(string.Join("\n\n", open.Select(f => $"[{f.Id}] {f.Severity.ToUpperInvariant()} {f.Where}\n{f.Message}"))));
            xml.WriteEndElement();
        }

        var waived = host.Findings.Where(f => f.Rule == rule && f.Waived).ToList();
        if (waived.Count > 0)
        {
            xml.WriteElementString("system-out", Xml(string.Join("\n", waived.Select(f => $"[{f.Id}] {f.Where}: {f.WaiverText}"))));
        }

        xml.WriteEndElement();
    }

    /// <summary>
    /// Host text as XML 1.0 can hold it: the controls it forbids (0x01, 0x1B …), lone surrogates and U+FFFE would make the
    /// writer throw and lose the whole fleet's file, so they are written out as <c>\x1b</c> (<see cref="VisibleText"/>).
    /// </summary>
    private static string Xml(string text) => VisibleText.Escape(text, VisibleText.Layout);

    private static readonly string[] Order = ["info", "low", "medium", "high", "critical"];

    private static int Rank(string severity) => Array.IndexOf(Order, severity);

    private static string Name(int rank) => Order[rank];
}

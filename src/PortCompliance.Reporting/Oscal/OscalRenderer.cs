using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PortCompliance.Core.Model;
using PortCompliance.Reporting.Model;

namespace PortCompliance.Reporting.Oscal;

/// <summary>
/// <c>oscal-assessment-results.json</c>: the run as one NIST OSCAL 1.1.2 assessment-results document, for GRC
/// platforms (docs/oscal.md has the mapping). Hosts stream into four spools (inventory items, observations, findings,
/// risks) that the document, known only at the end, is written around.
/// </summary>
internal sealed class OscalRenderer : IStreamingRenderer
{
    internal const string FileName = "oscal-assessment-results.json";
    internal const string Ns = "https://github.com/portcompliance/portcompliance/ns/oscal";

    public string Key => "oscal";
    public string Description => "oscal-assessment-results.json: NIST OSCAL 1.1.2 assessment results, for GRC platforms";
    public bool InDefaultSet => false;
    public FleetOutput FleetOutput => FleetOutput.Streamed;
    public IReadOnlyList<string> Files => [FileName];

    public void Render(ReportModel model, Func<string, Stream> open) => ReportOutput.RenderWhole(this, model, open);

    public IReportRun Start(AuditResult run, ReportOutput output) => new Run(run, output);

    /// <summary>
    /// Indented by two, and only what JSON requires escaped (quotes, backslash, controls): the file is read as JSON,
    /// never inside HTML, so <c>+</c> in a version stays <c>+</c>. Spools are written the same way and indented again
    /// where they are spliced in (<see cref="OscalDocument"/>).
    /// </summary>
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true, IndentSize = 2, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The spools are arrays written item by item; <see cref="OscalDocument"/> splices them into the envelope.</summary>
    private sealed class Run(AuditResult run, ReportOutput output) : IReportRun
    {
        private readonly Spool _inventory = new(output.Scratch());
        private readonly Spool _observations = new(output.Scratch());
        private readonly Spool _findings = new(output.Scratch());
        private readonly Spool _risks = new(output.Scratch());
        private readonly SortedSet<string> _controls = new(OscalControls.OfPolicy(run.Policy), StringComparer.Ordinal);
        private DateTimeOffset? _earliest;

        public void Add(HostResult host, HostView view)
        {
            var items = new OscalHostItems(run, host, view);
            _earliest = _earliest is { } earliest && earliest <= items.Collected.At ? earliest : items.Collected.At;
            items.WriteInventoryItem(_inventory.Writer);
            items.WriteObservations(_observations.Writer);
            items.WriteFindings(_findings.Writer, _risks.Writer);
            _controls.UnionWith(OscalControls.ControlIds(host.Findings.SelectMany(f => f.Controls)));
        }

        public void Finish(ReportModel model)
        {
            using var target = output.Open(FileName);
            OscalDocument.Write(target, model.Result, _controls, _earliest, _inventory.Close(), _observations.Close(), _findings.Close(), _risks.Close());
        }

        public void Dispose()
        {
            _inventory.Dispose();
            _observations.Dispose();
            _findings.Dispose();
            _risks.Dispose();
        }
    }

    /// <summary>One JSON array written to scratch space, read back once when the document is assembled.</summary>
    private sealed class Spool : IDisposable
    {
        private readonly Stream _stream;

        public Spool(Stream stream)
        {
            _stream = stream;
            Writer = new Utf8JsonWriter(stream, WriterOptions);
            Writer.WriteStartArray();
        }

        public Utf8JsonWriter Writer { get; }

        public Stream Close()
        {
            Writer.WriteEndArray();
            Writer.Flush();
            _stream.Position = 0;
            return _stream;
        }

        public void Dispose()
        {
            Writer.Dispose();
            _stream.Dispose();
        }
    }
}

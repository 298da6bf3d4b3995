using System.Buffers;
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
    /// never inside HTML, so <c>+</c> in a version stays <c>+</c>. Spools are written the same way, each at the depth
    /// of the array it is spliced into (<see cref="OscalDocument"/>).
    /// </summary>
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true, IndentSize = 2, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The spools are arrays a host's items are appended to, in report order; <see cref="OscalDocument"/> splices them
    /// into the envelope. A host's items are written on the core that judged it (<see cref="Prepare"/>), already
    /// indented as the document holds them, so a fleet's OSCAL costs the thread that keeps the order only a copy.
    /// </summary>
    private sealed class Run(AuditResult run, ReportOutput output) : IReportRun
    {
        private readonly Spool _inventory = new(output.Scratch(), OscalDocument.InventoryDepth);
        private readonly Spool _findings = new(output.Scratch(), OscalDocument.ResultDepth);
        private readonly Spool _risks = new(output.Scratch(), OscalDocument.ResultDepth);
        private readonly SortedSet<string> _controls = new(OscalControls.OfPolicy(run.Policy), StringComparer.Ordinal);
        private DateTimeOffset? _earliest;

        /// <summary>The document up to its observations, written with the first of them; they follow as hosts come.</summary>
        private readonly byte[] _head = OscalDocument.Head(run);

        private Stream? _target;
        private bool _observed;

        /// <summary>This thread's item writers: Prepare runs on every core at once, and each host reuses its core's.</summary>
        [ThreadStatic]
        private static HostWriters? _writers;

        public object? Prepare(HostResult host, HostView view)
        {
            var items = new OscalHostItems(run, host, view);
            var w = _writers ??= new HostWriters();
            items.WriteInventoryItem(w.Inventory.Start());
            items.WriteObservations(w.Observations.Start());
            items.WriteFindings(w.Findings.Start(), w.Risks.Start());
            return new HostItems(new(w.Inventory.Take()), new(w.Observations.Take()), new(w.Findings.Take()), new(w.Risks.Take()),
                items.Collected.At, OscalControls.ControlIds(host.Findings));
        }

        public void Add(HostResult host, HostView view) => Add(host, view, Prepare(host, view));

        public void Add(HostResult host, HostView view, object? prepared)
        {
            var items = (HostItems)prepared!;
            _earliest = _earliest is { } earliest && earliest <= items.Collected ? earliest : items.Collected;
            _inventory.Append(items.Inventory);
            if (items.Observations.Length > 0)
            {
                var target = Target();
                if (!_observed)
                {
                    target.Write(_head);
                }

                target.WriteByte(_observed ? (byte)',' : (byte)'[');
                target.Write(items.Observations.Bytes.Span);
                _observed = true;
            }

            items.Observations.Return();
            _findings.Append(items.Findings);
            _risks.Append(items.Risks);
            _controls.UnionWith(items.Controls);
        }

        public void Finish(ReportModel model) =>
            OscalDocument.Write(Target(), model.Result, _controls, _earliest, _observed ? _head : null, _inventory.Close(), _findings.Close(), _risks.Close());

        private Stream Target() => _target ??= output.Open(FileName);

        public void Dispose()
        {
            _target?.Dispose();
            _inventory.Dispose();
            _findings.Dispose();
            _risks.Dispose();
        }
    }

    /// <summary>A host's items for each spool, as array elements already indented and separated.</summary>
    private sealed record HostItems(PooledBytes Inventory, PooledBytes Observations, PooledBytes Findings, PooledBytes Risks, DateTimeOffset Collected, string[] Controls);

    /// <summary>
    /// A host's items for one spool: copied into an array from the shared pool (a fleet's items pass through the same
    /// few arrays, not 40 MB of new ones), or, for a host whose items outgrew the kept buffer, that buffer itself.
    /// </summary>
    private readonly record struct PooledBytes(ReadOnlyMemory<byte> Bytes, byte[]? Pooled)
    {
        public PooledBytes((ReadOnlyMemory<byte> Bytes, byte[]? Pooled) taken)
            : this(taken.Bytes, taken.Pooled)
        {
        }

        public int Length => Bytes.Length;

        public void Return()
        {
            if (Pooled is not null)
            {
                ArrayPool<byte>.Shared.Return(Pooled);
            }
        }
    }

    private sealed class HostWriters
    {
        public OscalItemLines Inventory { get; } = new(OscalDocument.InventoryDepth);
        public OscalItemLines Observations { get; } = new(OscalDocument.ResultDepth);
        public OscalItemLines Findings { get; } = new(OscalDocument.ResultDepth);
        public OscalItemLines Risks { get; } = new(OscalDocument.ResultDepth);
    }

    /// <summary>
    /// One JSON array in scratch space, byte for byte what one writer at <c>depth</c> would have written for all of its
    /// items, read back once when the document is assembled.
    /// </summary>
    private sealed class Spool(Stream stream, int depth) : IDisposable
    {
        private bool _any;

        public void Append(PooledBytes items)
        {
            if (items.Length > 0)
            {
                stream.Write(_any ? ","u8 : "["u8);
                stream.Write(items.Bytes.Span);
                _any = true;
            }

            items.Return();
        }

        public Stream Close()
        {
            if (_any)
            {
                OscalDocument.CloseArray(stream, depth);
            }
            else
            {
                stream.Write("[]"u8);
            }

            stream.Flush();
            stream.Position = 0;
            return stream;
        }

        public void Dispose() => stream.Dispose();
    }
}

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

    /// <summary>
    /// <see cref="WriterOptions"/> for a host's items, without the writer's structure checks: the items are a few
    /// shapes written by this code (and held to the official schema by the tests), and a fleet writes them a million
    /// times. The envelope keeps the checks.
    /// </summary>
    private static readonly JsonWriterOptions ItemWriterOptions = WriterOptions with { SkipValidation = true };

    internal static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The spools are arrays a host's items are appended to, in report order; <see cref="OscalDocument"/> splices them
    /// into the envelope. A host's items are written on the core that judged it (<see cref="Prepare"/>), already
    /// indented as the document holds them, so a fleet's OSCAL costs the thread that keeps the order only a copy.
    /// </summary>
    private sealed class Run(AuditResult run, ReportOutput output) : IReportRun
    {
        private readonly Spool _inventory = new(output.Scratch(), OscalDocument.InventoryDepth);
        private readonly Spool _observations = new(output.Scratch(), OscalDocument.ResultDepth);
        private readonly Spool _findings = new(output.Scratch(), OscalDocument.ResultDepth);
        private readonly Spool _risks = new(output.Scratch(), OscalDocument.ResultDepth);
        private readonly SortedSet<string> _controls = new(OscalControls.OfPolicy(run.Policy), StringComparer.Ordinal);
        private DateTimeOffset? _earliest;

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
            return new HostItems(w.Inventory.Items(), w.Observations.Items(), w.Findings.Items(), w.Risks.Items(),
                items.Collected.At, OscalControls.ControlIds(host.Findings));
        }

        public void Add(HostResult host, HostView view) => Add(host, view, Prepare(host, view));

        public void Add(HostResult host, HostView view, object? prepared)
        {
            var items = (HostItems)prepared!;
            _earliest = _earliest is { } earliest && earliest <= items.Collected ? earliest : items.Collected;
            _inventory.Append(items.Inventory);
            _observations.Append(items.Observations);
            _findings.Append(items.Findings);
            _risks.Append(items.Risks);
            _controls.UnionWith(items.Controls);
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

    /// <summary>A host's items for each spool, as array elements already indented and separated.</summary>
    private sealed record HostItems(PooledBytes Inventory, PooledBytes Observations, PooledBytes Findings, PooledBytes Risks, DateTimeOffset Collected, string[] Controls);

    /// <summary>
    /// A host's items for one spool: copied into an array from the shared pool (a fleet's items pass through the same
    /// few arrays, not 40 MB of new ones), or, for a host whose items outgrew the kept buffer, that buffer itself.
    /// </summary>
    private readonly record struct PooledBytes(ReadOnlyMemory<byte> Bytes, byte[]? Pooled)
    {
        public static PooledBytes Of(ReadOnlySpan<byte> bytes)
        {
            var array = ArrayPool<byte>.Shared.Rent(bytes.Length);
            bytes.CopyTo(array);
            return new PooledBytes(array.AsMemory(0, bytes.Length), array);
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
        public ItemBuffer Inventory { get; } = new(OscalDocument.InventoryDepth);
        public ItemBuffer Observations { get; } = new(OscalDocument.ResultDepth);
        public ItemBuffer Findings { get; } = new(OscalDocument.ResultDepth);
        public ItemBuffer Risks { get; } = new(OscalDocument.ResultDepth);
    }

    /// <summary>
    /// Items as the document's array at <c>depth</c> holds them: written inside as many arrays of their own, which are
    /// then dropped — <c>\n          {…},\n          {…}</c>, or nothing for none. The buffer is kept for the next host.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "a thread's writers live as long as the thread; a writer over a buffer holds nothing to release")]
    private sealed class ItemBuffer(int depth)
    {
        private const int Kept = 1 << 20; // a buffer a huge host grew past this is not kept for the next one
        private ArrayBufferWriter<byte> _bytes = new(1 << 14);
        private readonly Utf8JsonWriter _writer = new(Stream.Null, ItemWriterOptions);
        private int _start;

        public Utf8JsonWriter Start()
        {
            _bytes.ResetWrittenCount();
            _writer.Reset(_bytes);
            for (var i = 0; i < depth; i++)
            {
                _writer.WriteStartArray();
            }

            _writer.Flush();
            _start = _bytes.WrittenCount;
            return _writer;
        }

        /// <summary>
        /// The items written since <see cref="Start"/>, in a pooled array the spool returns once it holds them; a huge
        /// host's are handed over in the buffer they grew in, not copied, and the next host starts a small one.
        /// </summary>
        public PooledBytes Items()
        {
            _writer.Flush();
            if (_bytes.Capacity <= Kept)
            {
                return PooledBytes.Of(_bytes.WrittenSpan[_start..]);
            }

            var grown = new PooledBytes(_bytes.WrittenMemory[_start..], Pooled: null);
            _bytes = new ArrayBufferWriter<byte>(1 << 14);
            return grown;
        }
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
                stream.WriteByte((byte)'\n');
                stream.Write(Encoding.ASCII.GetBytes(new string(' ', (depth - 1) * WriterOptions.IndentSize)));
                stream.WriteByte((byte)']');
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

using System.Buffers;
using System.Text;
using System.Text.Json;

namespace PortCompliance.Reporting.Oscal;

/// <summary>
/// A host's items for one of the document's big arrays, each on a line of its own at the array's depth, compact within
/// the line — <c>\n          {"uuid":…},\n          {"uuid":…}</c>, or nothing for none — so a spool or the document
/// takes them as they are. One a thread and array, kept from host to host; a buffer a huge host grew is not kept.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "a thread's writers live as long as the thread; a writer over a buffer holds nothing to release")]
internal sealed class OscalItemLines
{
    /// <summary>Compact within an item (the envelope around the arrays is indented), without the writer's structure checks: the items are a few shapes written by this code, held to the official schema by the tests, and a fleet writes a million of them.</summary>
    private static readonly JsonWriterOptions Options = OscalRenderer.WriterOptions with { Indented = false, SkipValidation = true };

    private const int Kept = 1 << 20;
    private readonly byte[] _first;
    private readonly byte[] _next;
    private readonly Utf8JsonWriter _writer = new(Stream.Null, Options);
    private ArrayBufferWriter<byte> _bytes = new(1 << 14);

    /// <param name="depth">The depth of the array's items, as the document's writer counts it.</param>
    public OscalItemLines(int depth)
    {
        _first = Encoding.ASCII.GetBytes("\n" + new string(' ', depth * OscalRenderer.WriterOptions.IndentSize));
        _next = [(byte)',', .. _first];
    }

    /// <summary>Starts a host's items.</summary>
    public OscalItemLines Start()
    {
        _bytes.ResetWrittenCount();
        return this;
    }

    /// <summary>The writer for the host's next item, on a line of its own: write one JSON object with it.</summary>
    public Utf8JsonWriter Next()
    {
        _writer.Flush();
        _bytes.Write(_bytes.WrittenCount == 0 ? _first : _next);
        _writer.Reset(_bytes);
        return _writer;
    }

    /// <summary>
    /// The items written since <see cref="Start"/>, in an array of the shared pool its receiver returns once it holds
    /// them; a huge host's are handed over in the buffer they grew in, not copied, and the next host starts a small one.
    /// </summary>
    public (ReadOnlyMemory<byte> Bytes, byte[]? Pooled) Take()
    {
        _writer.Flush();
        if (_bytes.Capacity <= Kept)
        {
            var array = ArrayPool<byte>.Shared.Rent(_bytes.WrittenCount);
            _bytes.WrittenSpan.CopyTo(array);
            return (array.AsMemory(0, _bytes.WrittenCount), array);
        }

        var grown = _bytes.WrittenMemory;
        _bytes = new ArrayBufferWriter<byte>(1 << 14);
        return (grown, null);
    }
}

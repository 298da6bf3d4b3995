using System.Globalization;
using System.Text;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>
/// Issue 13, items 5, 7 and 10: a long users:(…) list is read in one pass, a line over the cap is one unparsed line
/// that says how long it was, a file without a newline cannot grow memory past the cap, and a reason quotes at most
/// an excerpt of the token it complains about. The huge inputs are generated here from genuine rows, never committed.
/// </summary>
public sealed class LongLineTests
{
    private const string Ss = "samples/ss/ss-lntup-debian12-db.txt";

    [Fact]
    public void Should_Read_Every_Process_Of_A_Users_List_Of_Twenty_Thousand_Entries()
    {
        // A genuine nginx row, its users list grown to 20,000 workers, each on two fds (~1 MB, under the cap).
        var row = GenuineRow(":443 ");
        var users = string.Join(",", Enumerable.Range(0, 20_000).SelectMany(i => new[]
        {
            $"(\"nginx\",pid={10_000 + i},fd=6)", $"(\"nginx\",pid={10_000 + i},fd=7)",
        }));
        var text = Listing(row, row[..row.IndexOf("users:(", StringComparison.Ordinal)] + $"users:({users})");
        Assert.True(text.Length > 900_000 && text.Length < LineSplitter.MaxLineLength);

        var snapshot = Read(text);

        var socket = Assert.Single(snapshot.Sockets, s => s.Port == 443 && s.Family == IpFamily.IPv4);
        Assert.Equal(20_000, socket.Processes.Count);
        Assert.Equal(Enumerable.Range(10_000, 20_000).Select(p => (int?)p), socket.Processes.Select(p => p.Pid));
        Assert.All(socket.Processes, p => Assert.Equal("nginx", p.Name));
        LineAccounting.AssertComplete(snapshot, text);
    }

    [Fact]
    public void Should_Reject_A_Users_List_That_Never_Closes_As_One_Unparsed_Line()
    {
        // The hostile shape that made the old reader quadratic: entries that each look like a name with a pid, and no ')'.
        var row = GenuineRow(":443 ");
        var text = Listing(row, row[..row.IndexOf("users:(", StringComparison.Ordinal)] + "users:((\"x\"," + string.Concat(Enumerable.Repeat("1,(\"x\",", 100_000)));

        var snapshot = Read(text);

        var unparsed = Assert.Single(snapshot.Unparsed);
        Assert.StartsWith("unreadable users:(...) column", unparsed.Reason, StringComparison.Ordinal);
        Assert.Equal(Samples.Read(Ss).Sockets.Count - 1, snapshot.Sockets.Count);
        LineAccounting.AssertComplete(snapshot, text);
    }

    [Fact]
    public void Should_Report_A_Line_Over_The_Cap_As_One_Unparsed_Line_Naming_Its_Length()
    {
        var row = GenuineRow(":443 ");
        var users = string.Join(",", Enumerable.Range(0, 120_000).Select(i => $"(\"nginx\",pid=4140,fd={i})"));
        var huge = row[..row.IndexOf("users:(", StringComparison.Ordinal)] + $"users:({users})";
        Assert.True(huge.Length > 3_000_000);
        var text = Listing(row, huge);

        var snapshot = Read(text);

        var unparsed = Assert.Single(snapshot.Unparsed);
        Assert.Contains(huge.Length.ToString("N0", CultureInfo.InvariantCulture) + " characters long", unparsed.Reason, StringComparison.Ordinal);
        Assert.Contains(LineSplitter.MaxLineLength.ToString("N0", CultureInfo.InvariantCulture), unparsed.Reason, StringComparison.Ordinal);
        Assert.Equal(huge[..Excerpt.MaxLength] + "…", unparsed.Text);
        Assert.Equal(Samples.Read(Ss).Sockets.Count - 1, snapshot.Sockets.Count);
        LineAccounting.AssertComplete(snapshot, text);
    }

    [Fact]
    public void Should_Read_Past_More_Than_A_GiB_Without_A_Newline_In_Bounded_Memory()
    {
        // 1.1 GiB of one line, then the genuine listing: the old splitter doubled its buffer until Array.Resize threw.
        var tail = Encoding.UTF8.GetBytes("\n" + Samples.Text(Ss));
        var length = (1L << 30) + (100L << 20);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = ListingReader.Read(new GeneratedStream(length, (byte)'0', tail), new ListingOptions("no-newline.txt"));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var snapshot = result.Snapshot!;
        var unparsed = Assert.Single(snapshot.Unparsed);
        Assert.Equal(1, unparsed.Line);
        Assert.Contains(length.ToString("N0", CultureInfo.InvariantCulture) + " characters long", unparsed.Reason, StringComparison.Ordinal);
        Assert.Equal(Samples.Read(Ss).Sockets.Count, snapshot.Sockets.Count);
        Assert.True(allocated < 64L << 20, $"reading allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Should_Quote_At_Most_An_Excerpt_Of_A_Huge_Token_In_A_Reason()
    {
        var row = GenuineRow("0.0.0.0:22 ");
        var token = "[" + new string('f', 200_000) + ":22";
        var text = Listing(row, row.Replace("0.0.0.0:22 ", token + " ", StringComparison.Ordinal));

        var snapshot = Read(text);

        var unparsed = Assert.Single(snapshot.Unparsed);
        Assert.Contains("opens '[' but never closes it", unparsed.Reason, StringComparison.Ordinal);
        Assert.True(unparsed.Reason.Length < Excerpt.MaxLength + 100, $"reason of {unparsed.Reason.Length:N0} characters");
        Assert.True(unparsed.Text.Length <= Excerpt.MaxLength + 1);
    }

    private static string GenuineRow(string fragment) =>
        File.ReadLines(RepoPaths.Combine(Ss)).First(l => l.Contains(fragment, StringComparison.Ordinal)).TrimEnd();

    /// <summary>The genuine sample with its <paramref name="row"/> replaced.</summary>
    private static string Listing(string row, string replacement)
    {
        var lines = File.ReadAllLines(RepoPaths.Combine(Ss));
        var at = Array.FindIndex(lines, l => l.TrimEnd() == row);
        Assert.True(at > 0, "row to replace not found");
        lines[at] = replacement;
        return string.Join("\n", lines) + "\n";
    }

    private static HostSnapshot Read(string text) =>
        ListingReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ListingOptions(Ss)).Snapshot!;

    /// <summary>A stream of <c>length</c> copies of one byte, then a tail, made as it is read.</summary>
    private sealed class GeneratedStream(long length, byte fill, byte[] tail) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length + tail.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var filled = 0;
            if (_position < length)
            {
                filled = (int)Math.Min(count, length - _position);
                buffer.AsSpan(offset, filled).Fill(fill);
            }
            else if (_position - length < tail.Length)
            {
                filled = (int)Math.Min(count, tail.Length - (_position - length));
                tail.AsSpan((int)(_position - length), filled).CopyTo(buffer.AsSpan(offset));
            }

            _position += filled;
            return filled;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

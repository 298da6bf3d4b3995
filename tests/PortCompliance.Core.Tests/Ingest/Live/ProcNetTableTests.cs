using System.Net;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Ingest.Live;
using PortCompliance.Core.Model;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Ingest.Live;

/// <summary>/proc/net tables captured on the db host together with <c>ss -lntu</c>: both must name the same listeners.</summary>
public sealed class ProcNetTableTests
{
    private static string Fixture(string name) =>
        File.ReadAllText(RepoPaths.Combine("tests", "PortCompliance.Core.Tests", "Ingest", "Live", "Fixtures", "debian12-db", name));

    [Fact]
    public void Should_Find_The_Listeners_Ss_Showed_At_The_Same_Moment()
    {
        var fromProc = new[] { ("tcp", Protocol.Tcp), ("tcp6", Protocol.Tcp), ("udp", Protocol.Udp), ("udp6", Protocol.Udp) }
            .SelectMany(t => ProcNetTable.Parse(Fixture(t.Item1), t.Item2))
            .Where(s => s.IsListening)
            .Select(s => $"{s.Proto} {s.Port} {Normal(s.Address)}")
            .Order(StringComparer.Ordinal);
        var ss = ListingReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Fixture("ss-lntu.txt"))), new ListingOptions("ss-lntu.txt")).Snapshot!;
        var fromSs = ss.Sockets.Select(s => $"{s.Proto} {s.Port} {(s.Address == "*" ? "::" : s.Address)}").Order(StringComparer.Ordinal);

        Assert.Equal(fromSs, fromProc);
    }

    [Theory]
    [InlineData("0100007F", "127.0.0.1")]
    [InlineData("00000000", "0.0.0.0")]
    [InlineData("0202000A", "10.0.2.2")]
    [InlineData("00000000000000000000000001000000", "::1")]
    [InlineData("0000000000000000FFFF00000100007F", "::ffff:127.0.0.1")]
    [InlineData("000080FE00000000FF00FC00010000FE", "fe80::fc:ff:fe00:1")] // the db host's eth0, in tcp6
    public void Should_Read_Addresses_Printed_Word_By_Word_In_Host_Order(string hex, string address)
    {
        Assert.True(ProcNetTable.TryAddress(hex, out var parsed));
        Assert.Equal(IPAddress.Parse(address), parsed);
    }

    [Fact]
    public void Should_Skip_The_Title_Row_And_Malformed_Rows()
    {
        var text = Fixture("tcp");

        Assert.Equal(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1, ProcNetTable.Parse(text, Protocol.Tcp).Count());
        Assert.False(ProcNetTable.TryParseRow("   0: nonsense", Protocol.Tcp, out _));
    }

    private static string Normal(IPAddress address) => address.ToString();
}

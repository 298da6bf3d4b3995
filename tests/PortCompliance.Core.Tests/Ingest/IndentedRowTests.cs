using System.Text;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>
/// Issue 13, item 1: a line indented after a socket row is a detail of that row only when it looks like one (ss -i,
/// -m); anything that reads as a row is a row, anything else is unparsed — never silently folded into the row above.
/// </summary>
public sealed class IndentedRowTests
{
    private const string Ss = "samples/ss/ss-lntup-debian12-db.txt";
    private const string Netstat = "samples/netstat/netstat-plunt-debian12-db.txt";
    private const string Backdoor = "tcp   LISTEN 0 128 0.0.0.0:4444 0.0.0.0:* users:((\"backdoor\",pid=4444,fd=3))";

    [Theory]
    [InlineData("  ")]
    [InlineData("\t")]
    [InlineData(" \t ")]
    public void Should_Read_An_Indented_Ss_Row_After_A_Socket_Row_As_A_Socket(string indent)
    {
        var (snapshot, text) = ReadWithLineAfterFirstSocket(Ss, indent + Backdoor);

        var backdoor = Assert.Single(snapshot.Sockets, s => s.Port == 4444);
        Assert.Equal([new SocketProcess("backdoor", 4444)], backdoor.Processes);
        Assert.Equal(Samples.Read(Ss).Sockets.Count + 1, snapshot.Sockets.Count);
        Assert.All(snapshot.Sockets, s => Assert.Equal(s.Line, s.LastLine));
        LineAccounting.AssertComplete(snapshot, text);

        var audit = Auditor.Evaluate(snapshot, Baseline(), Core.Policy.ServiceCatalogue.BuiltIn, Settings());
        Assert.Contains(audit.Findings, f => f.Port == 4444 && f.Severity >= Severity.High);
        Assert.False(audit.Compliant);
    }

    [Theory]
    [InlineData("  tcp        0      0 0.0.0.0:4444            0.0.0.0:*               LISTEN      4444/backdoor")]
    [InlineData("\ttcp6       0      0 :::4444                 :::*                    LISTEN      4444/backdoor")]
    public void Should_Read_An_Indented_Netstat_Row_After_A_Socket_Row_As_A_Socket(string row)
    {
        var (snapshot, text) = ReadWithLineAfterFirstSocket(Netstat, row);

        var backdoor = Assert.Single(snapshot.Sockets, s => s.Port == 4444);
        Assert.Equal("backdoor", Assert.Single(backdoor.Processes).Name);
        LineAccounting.AssertComplete(snapshot, text);
    }

    [Theory]
    [InlineData("  TCP   LISTEN 0 128 0.0.0.0:4444 0.0.0.0:* users:((\"backdoor\",pid=4444,fd=3))")]
    [InlineData("\tvsock LISTEN 0 5 1:4444 *:*")]
    [InlineData("  tcp6       0      0 :::4444                 :::*                    LISTEN      4444/backdoor")]
    [InlineData("\t users:((\"backdoor\",pid=4444,fd=3)) 0.0.0.0:4444")]
    public void Should_Report_An_Indented_Line_That_Is_Neither_A_Row_Nor_A_Detail_As_Unparsed(string line)
    {
        var (snapshot, text) = ReadWithLineAfterFirstSocket(Ss, line);

        var unparsed = Assert.Single(snapshot.Unparsed);
        Assert.Equal(line.Trim(), unparsed.Text.Trim());
        Assert.Contains("indented", unparsed.Reason, StringComparison.Ordinal);
        Assert.Equal(Samples.Read(Ss).Sockets.Count, snapshot.Sockets.Count);
        LineAccounting.AssertComplete(snapshot, text);
    }

    [Theory]
    [InlineData("samples/ss/ss-lntupi-debian12-db.txt")]
    [InlineData("samples/ss/ss-lntm-debian12-db.txt")]
    [InlineData("samples/ss/ss-lnti-debian12-db.txt")]
    public void Should_Still_Read_Ss_Detail_Lines_As_Part_Of_Their_Row(string sample)
    {
        var snapshot = Samples.Read(sample);

        Assert.Empty(snapshot.Unparsed);
        Assert.Contains(snapshot.Sockets, s => s.LastLine == s.Line + 1);
        LineAccounting.AssertComplete(snapshot, Samples.Text(sample));
    }

    [Theory]
    [InlineData("\t cubic wscale:7,7 rto:204 rtt:0.04/0.02 ato:40 mss:32768 cwnd:10 bytes_sent:120 send 27887.0Mbps lastsnd:1 pacing_rate 55639.4Mbps app_limited rcv_space:65483 minrtt:0.032")]
    [InlineData("\t ts sack bbr wscale:7,7 rto:204 bbr:(bw:1.2Mbps,mrtt:0.05,pacing_gain:2.88672,cwnd_gain:2.88672) busy:12ms rwnd_limited:4ms(33.3%)")]
    [InlineData("\t skmem:(r0,rb131072,t0,tb16384,f0,w0,o0,bl0,d0) cubic cwnd:10")]
    [InlineData("\t tcp-ulp-tls version: 1.2 cipher: aes-gcm-128")]
    public void Should_Read_Real_Shaped_Ss_Detail_Lines_As_Continuations(string detail)
    {
        var (snapshot, text) = ReadWithLineAfterFirstSocket(Ss, detail);

        Assert.Empty(snapshot.Unparsed);
        Assert.Contains(snapshot.Sockets, s => s.LastLine == s.Line + 1);
        LineAccounting.AssertComplete(snapshot, text);
    }

    /// <summary>The genuine sample with <paramref name="line"/> inserted right after its first socket row.</summary>
    private static (HostSnapshot Snapshot, string Text) ReadWithLineAfterFirstSocket(string sample, string line)
    {
        var lines = File.ReadAllLines(RepoPaths.Combine(sample)).ToList();
        var first = Samples.Read(sample).Sockets[0].Line;
        lines.Insert(first, line);
        var text = string.Join("\n", lines) + "\n";
        var result = ListingReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ListingOptions(sample));
        return (result.Snapshot!, text);
    }

    internal static Core.Policy.Policy Baseline() => Core.Policy.PolicyLoader.Load(Core.Policy.PolicyLoader.BuiltInBaseline).Policy!;

    internal static AuditSettings Settings() => new(Audits.Day, Severity.High, "test");
}

using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>A genuine <c>nmap -sT -oX</c> of the db host's loopback (samples/nmap/), and what malformed XML gets.</summary>
public sealed class NmapXmlReaderTests
{
    private const string Sample = "samples/nmap/ss-lntup-debian12-db.nmap.xml";

    [Fact]
    public void Should_Read_Open_Ports_Probed_Ranges_And_Name_The_Host_After_The_File()
    {
        var result = InputReader.ReadFile(RepoPaths.Combine(Sample), new ListingOptions(Sample));
        var scan = Assert.Single(result.Scans);

        Assert.Null(result.Snapshot);
        Assert.Equal(("ss-lntup-debian12-db", "127.0.0.1"), (scan.Host, scan.Address));
        Assert.Contains(scan.Ports, p => p is { Proto: Protocol.Tcp, Port: 5432, IsOpen: true });
        Assert.Equal("closed", scan.StateOf(Protocol.Tcp, 8080));    // probed (1-12000), not listed: nmap's extraports
        Assert.Null(scan.StateOf(Protocol.Tcp, 20000));              // never probed
        Assert.Null(scan.StateOf(Protocol.Udp, 53));
    }

    [Fact]
    public void Should_Name_The_File_And_Line_Of_Broken_Xml()
    {
        var text = File.ReadAllText(RepoPaths.Combine(Sample));
        var broken = text[..(text.IndexOf("</host>", StringComparison.Ordinal) - 20)] + "<";
        var result = InputReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(broken)), new ListingOptions("cut.xml"));

        var error = Assert.Single(result.Diagnostics);
        Assert.StartsWith("cut.xml:", error.ToString());
        Assert.Contains("invalid nmap XML", error.Message);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("99999")]
    [InlineData("ssh")]
    public void Should_Report_File_And_Line_Of_A_Port_Id_No_Port_Has(string portid)
    {
        var text = File.ReadAllText(RepoPaths.Combine(Sample)).Replace("portid=\"80\"", $"portid=\"{portid}\"", StringComparison.Ordinal);
        var line = text[..text.IndexOf($"portid=\"{portid}\"", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var result = InputReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), new ListingOptions("db.nmap.xml"));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Error, "db.nmap.xml", line), (error.Severity, error.File, error.Line));
        Assert.Contains($"portid \"{portid}\" is not a port number", error.Message);
        var scan = Assert.Single(result.Scans);
        Assert.DoesNotContain(scan.Ports, p => p.Port is 0 or 80 or 99999 or -1);
        Assert.Contains(scan.Ports, p => p.Port == 443);
    }

    [Fact]
    public void Should_Never_Resolve_An_External_Entity()
    {
        const string xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n" +
                           "<nmaprun><host><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/><hostnames><hostname name=\"&x;\"/></hostnames></host></nmaprun>\n";
        var result = InputReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xxe)), new ListingOptions("evil.xml"));

        Assert.DoesNotContain(result.Scans, s => s.Host.Contains("root:", StringComparison.Ordinal));
    }
}

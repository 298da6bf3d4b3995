using System.Text;
using PortCompliance.Reporting.Oscal;

namespace PortCompliance.Reporting.Tests.Oscal;

/// <summary>The OSCAL UUIDs are RFC 9562 version-5 UUIDs.</summary>
public sealed class OscalIdsTests
{
    [Fact]
    public void V5_Gives_The_Rfc_9562_Example_For_Www_Example_Com_Under_The_Dns_Namespace()
    {
        // RFC 9562, appendix A.4: the DNS namespace, name "www.example.com".
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.Equal("2ed6657d-e927-568b-95e1-2665a8aea6a2", OscalIds.V5(dns, Encoding.UTF8.GetBytes("www.example.com")));
    }

    [Fact]
    public void Of_Is_Stable_And_Tells_The_Parts_Apart()
    {
        Assert.Equal(OscalIds.Of("finding", "2026-11-21", "web01", "approved-ports"), OscalIds.Of("finding", "2026-11-21", "web01", "approved-ports"));
        Assert.NotEqual(OscalIds.Of("finding", "web01x", "y"), OscalIds.Of("finding", "web01", "xy"));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", OscalIds.Of("party", "portcompliance"));
    }
}

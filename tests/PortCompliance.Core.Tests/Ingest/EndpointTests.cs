using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>Address columns as the man pages and real listings print them, including what we must refuse.</summary>
public sealed class EndpointTests
{
    private static Endpoint Parse(string token, Protocol proto = Protocol.Tcp, IpFamily? hint = null)
    {
        Assert.True(Endpoint.TryParse(token, proto, hint, new Interner(), out var endpoint, out var error), error);
        return endpoint;
    }

    [Theory]
    [InlineData("[fe80::1]%eth0:8443", "fe80::1", "eth0", 8443, IpFamily.IPv6)]
    [InlineData("fe80::1%eth0:123", "fe80::1", "eth0", 123, IpFamily.IPv6)]
    [InlineData("127.0.0.53%lo:53", "127.0.0.53", "lo", 53, IpFamily.IPv4)]
    [InlineData("*%eth0:68", "*", "eth0", 68, IpFamily.Any)]
    [InlineData("::ffff:127.0.0.1:80", "::ffff:127.0.0.1", null, 80, IpFamily.IPv6)]
    [InlineData("0.0.0.0:0", "0.0.0.0", null, 0, IpFamily.IPv4)]
    public void Should_Split_Address_Interface_And_Port(string token, string address, string? device, int port, IpFamily family)
    {
        var endpoint = Parse(token);

        Assert.Equal((address, device, port, family), (endpoint.Address, endpoint.Interface, endpoint.Port, endpoint.Family));
    }

    [Theory]
    [InlineData("localhost:ipp", "localhost", 631, "ipp", IpFamily.IPv4)]
    [InlineData("ip6-localhost:ipp", "ip6-localhost", 631, "ipp", IpFamily.IPv6)]
    [InlineData("[::]:ssh", "::", 22, "ssh", IpFamily.IPv6)]
    [InlineData("*:bootpc", "*", 68, "bootpc", IpFamily.Any)]
    [InlineData("web01.example.com:http", "web01.example.com", 80, "http", IpFamily.IPv4)]
    public void Should_Keep_Host_Names_And_Resolve_Service_Names(string token, string address, int port, string name, IpFamily family)
    {
        var endpoint = Parse(token, token.Contains("bootpc") ? Protocol.Udp : Protocol.Tcp);

        Assert.Equal((address, port, name, family), (endpoint.Address, endpoint.Port, endpoint.PortName, endpoint.Family));
    }

    [Fact]
    public void Should_Take_The_Family_Of_A_Host_Name_From_The_Row()
    {
        Assert.Equal(IpFamily.IPv6, Parse("myhost:http", hint: IpFamily.IPv6).Family);
    }

    [Theory]
    [InlineData("0.0.0.0", "is not an address:port")]
    [InlineData("0.0.0.0:", "is not an address:port")]
    [InlineData("[::1:22", "never closes it")]
    [InlineData("[::1]22", "no port after ']'")]
    [InlineData("0.0.0.0:70000", "outside 0-65535")]
    [InlineData("0.0.0.0:nosuchservice", "unknown service name 'nosuchservice'")]
    [InlineData("0.0.0.0:*", "no port")]
    [InlineData("300.1.1.1:22", "neither an IP address nor a host name")]
    [InlineData("a<b>:22", "neither an IP address nor a host name")]
    [InlineData("0.0.0.0%:22", "empty %interface")]
    public void Should_Explain_What_Is_Wrong_With_A_Bad_Address(string token, string message)
    {
        Assert.False(Endpoint.TryParse(token, Protocol.Tcp, null, new Interner(), out _, out var error));
        Assert.Contains(message, error);
    }
}

using PortCompliance.Core.Model;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>One way to write a socket's address everywhere: console, drift, findings and reports agree.</summary>
public sealed class EndpointsFormatTests
{
    [Theory]
    [InlineData("0.0.0.0", null, 22, "0.0.0.0:22")]
    [InlineData("::", null, 22, "[::]:22")]
    [InlineData("0.0.0.0", "lo", 9100, "0.0.0.0%lo:9100")]
    [InlineData("fe80::fc:ff:fe00:1", "eth0", 7100, "[fe80::fc:ff:fe00:1]%eth0:7100")]
    [InlineData("*", null, 68, "*:68")]
    public void Should_Write_Addresses_As_People_Do(string address, string? device, int port, string shown)
    {
        Assert.Equal(shown, Endpoints.Format(address, device, port));
    }
}

using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Tests.Ingest;

public sealed class BindScopesTests
{
    [Theory]
    [InlineData("*", null, BindScope.Wildcard)]
    [InlineData("0.0.0.0", null, BindScope.Wildcard)]
    [InlineData("::", null, BindScope.Wildcard)]
    [InlineData("::ffff:0.0.0.0", null, BindScope.Wildcard)]
    [InlineData("0.0.0.0", "lo", BindScope.Loopback)]
    [InlineData("::", "lo", BindScope.Loopback)]
    [InlineData("0.0.0.0", "eth0", BindScope.Wildcard)]
    [InlineData("127.0.0.1", null, BindScope.Loopback)]
    [InlineData("127.0.0.53", null, BindScope.Loopback)]
    [InlineData("127.255.255.254", null, BindScope.Loopback)]
    [InlineData("::1", null, BindScope.Loopback)]
    [InlineData("::ffff:127.0.0.1", null, BindScope.Loopback)]
    [InlineData("localhost", null, BindScope.Loopback)]
    [InlineData("ip6-localhost", null, BindScope.Loopback)]
    [InlineData("128.0.0.1", null, BindScope.Specific)]
    [InlineData("192.0.2.2", null, BindScope.Specific)]
    [InlineData("fe80::1", "eth0", BindScope.Specific)]
    [InlineData("::ffff:192.0.2.2", null, BindScope.Specific)]
    [InlineData("web01.example.com", null, BindScope.Specific)]
    public void Should_Classify_Scope(string address, string? device, BindScope expected)
    {
        Assert.Equal(expected, BindScopes.Classify(address, device));
    }
}

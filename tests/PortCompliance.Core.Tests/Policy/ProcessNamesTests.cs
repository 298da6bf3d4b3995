using PortCompliance.Core.Policy;

namespace PortCompliance.Core.Tests.Policy;

/// <summary>Names as ss (comm) and netstat (process title) print them, from the real captures in samples/.</summary>
public sealed class ProcessNamesTests
{
    [Theory]
    [InlineData("sshd", "sshd", true)]
    [InlineData("sshd: /usr/sbi", "sshd", true)]          // netstat -p, samples/netstat/netstat-plunt-debian12-db.txt
    [InlineData("nginx: master", "nginx", true)]
    [InlineData("redis-server 0", "redis-server", true)]
    [InlineData("postgres: 15/m", "postgres", true)]
    [InlineData("kube-controller", "kube-controller-manager", true)] // comm cut to 15 characters
    [InlineData("sshd-session", "sshd", false)]
    [InlineData("nginxx", "nginx", false)]
    [InlineData("kube-control", "kube-controller-manager", false)]
    [InlineData("postgres", "postgres: 15/m", false)]
    public void Should_Match_Comm_And_Process_Titles(string shown, string expected, bool matches)
    {
        Assert.Equal(matches, ProcessNames.Matches(shown, expected));
    }
}

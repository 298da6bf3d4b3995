using PortCompliance.Core.Ingest;

namespace PortCompliance.Core.Tests.Ingest;

public sealed class HostNamesTests
{
    [Theory]
    [InlineData("web01.ss.txt", "web01")]
    [InlineData("inputs/2026-11/db01.netstat.log", "db01")]
    [InlineData("db1.example.com.txt", "db1.example.com")]
    [InlineData("db1.example.com", "db1.example.com")]
    [InlineData("samples/ss/ss-lntup-markdown-fence.md.txt", "ss-lntup-markdown-fence")]
    [InlineData("legacy01", "legacy01")]
    [InlineData(".txt", ".txt")]
    public void Should_Name_The_Host_From_The_File_Name_Without_Listing_Extensions(string path, string host)
    {
        Assert.Equal(host, HostNames.FromPath(path));
    }

    [Theory]
    [InlineData("# host: web01", "web01")]
    [InlineData("  # Host:   db-02.example.com  ", "db-02.example.com")]
    public void Should_Read_The_Host_Directive(string line, string host)
    {
        Assert.True(HostNames.TryReadDirective(line, out var found));
        Assert.Equal(host, found);
    }

    [Theory]
    [InlineData("# host:")]
    [InlineData("# hostname web01")]
    [InlineData("root@web01:~# ss -lntup")]
    public void Should_Not_Take_Other_Lines_For_A_Host_Directive(string line)
    {
        Assert.False(HostNames.TryReadDirective(line, out _));
    }
}

using System.Text;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>A genuine <c>tasklist /fo csv</c>: names for pids, never sockets, never a clean host on its own.</summary>
public sealed class TasklistParserTests
{
    private const string Tasklist = "samples/tasklist/tasklist-fi-python-fo-csv-notes-github-61145913698.txt";
    private const string Netstat = "samples/windows-netstat/netstat-anob-more-win10-cctc-notes-github-30484346129.txt";

    private static HostSnapshot Read(string text) =>
        ListingReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ListingOptions("web01.tasklist.csv", Format: TasklistParser.Key)).Snapshot!;

    [Fact]
    public void Should_Read_Rows_As_Pid_Names_And_No_Sockets()
    {
        var snapshot = Samples.Read(Tasklist);

        Assert.Equal(("tasklist", HostOs.Windows), (snapshot.Format, snapshot.Os));
        Assert.Empty(snapshot.Sockets);
        Assert.Equal("python.exe", snapshot.ProcessNames![15820]);
        Assert.Equal(10, snapshot.HeaderLines.Count);
    }

    [Fact]
    public void Should_Not_Make_A_Host_Look_Clean_On_Its_Own()
    {
        Assert.Equal([Tasklist], Samples.Read(Tasklist).EmptyInputs);
        Assert.Equal(["web01.tasklist.csv"], Read(Samples.Text(Tasklist).Split('\n')[0]).EmptyInputs);
    }

    [Fact]
    public void Should_Name_The_Pid_Only_Processes_Of_A_Listing_Of_The_Same_Host()
    {
        // Two public captures never share a host: one genuine row is given the pid netstat shows for port 445.
        var tasklist = Read(Samples.Text(Tasklist).Replace("\"6484\"", "\"4\"", StringComparison.Ordinal)) with { Host = "web01" };
        var netstat = Samples.Read(Netstat) with { Host = "web01" };

        var merged = Assert.Single(HostMerge.ByHost([netstat, tasklist]));

        Assert.Equal(new SocketProcess("python.exe", 4), Assert.Single(merged.Sockets.Single(s => s.Port == 445).Processes));
        Assert.Equal(new SocketProcess(null, 4456), Assert.Single(merged.Sockets.Single(s => s.Port == 5040).Processes));
        Assert.Empty(merged.EmptyInputs);
        Assert.Equal("windows-netstat+tasklist", merged.Format);
    }

    [Fact]
    public void Should_Name_Both_Files_Of_A_Host_Alike()
    {
        Assert.Equal(HostNames.FromPath("in/web01.netstat.txt"), HostNames.FromPath("in/web01.tasklist.csv"));
    }

    [Fact]
    public void Should_Report_A_Row_Without_A_Pid_As_Unparsed()
    {
        var row = Samples.Text(Tasklist).Split('\n')[1].Replace("\"6484\"", "\"64x4\"", StringComparison.Ordinal);

        var unparsed = Assert.Single(Read(row).Unparsed);

        Assert.Equal("expected an image name and a PID, found 'python.exe' and '64x4'", unparsed.Reason);
    }
}

using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>A run's hosts are named from the first line or the file name, before any listing is parsed.</summary>
public sealed class HostInputsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pc-plan-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Should_Name_Hosts_Without_Reading_Their_Listings_And_Join_Two_Inputs_Of_One_Host()
    {
        // Two real listings of the database server: one saved as it is, one with the host named on its first line.
        var plain = Copy("samples/ss/ss-lntup-debian12-db.txt", "db01.ss.txt");
        var declared = Copy("samples/ss/ss-lntup-nonroot-debian12-db.txt", "collected-later.txt", "\n\n# host: db01\n");
        var web = Copy("samples/ss/ss-lntup-debian12-web.txt", "web01.ss.txt");

        var plan = Plan(plain, declared, web);

        Assert.Equal(["db01", "web01"], plan.Hosts.Select(h => h.Host));
        Assert.All(plan.Hosts.SelectMany(h => h.Inputs), i => Assert.Null(i.Read));
        var db = plan.Hosts[0].Read(format: null).Snapshot!;
        Assert.Equal(("db01", plain, "ss"), (db.Host, db.Source, db.Format));
        Assert.Equal([declared], db.MergedFrom!.Select(f => f.Source));
        Assert.Equal(40, db.Sockets.Count);
    }

    [Fact]
    public void Should_Name_Inputs_By_The_Inventory_Patterns()
    {
        var listing = Copy("samples/ss/ss-lntup-debian12-db.txt", "ss-lntup-debian12-db.txt");
        var csv = Path.Combine(_dir.FullName, "hosts.csv");
        File.WriteAllText(csv, "host,tags,owner,environment,pattern\ndb01,db,DBA team,production,*/ss-lntup-*-db.txt\n");
        var (inventory, _) = InventoryReader.Read(csv);

        var host = Assert.Single(HostInputs.Plan([new InputFile(listing)], null, null, inventory, NoStdin, [], () => { }).Hosts);

        Assert.Equal("db01", host.Host);
        Assert.Equal("db01", host.Read(null).Snapshot!.Host);
    }

    [Fact]
    public void Should_Read_Nmap_Files_Up_Front_And_Join_Each_Scan_To_Its_Host()
    {
        var listing = Copy("samples/ss/ss-lntup-debian12-db.txt", "ss-lntup-debian12-db.txt");
        var scan = Copy("samples/nmap/ss-lntup-debian12-db.nmap.xml", "ss-lntup-debian12-db.nmap.xml");
        var other = Copy("samples/ss/ss-lntup-debian12-web.txt", "web01.txt");

        var plan = Plan(scan, other, listing);

        Assert.Equal(scan, Assert.Single(plan.Scans).Scans[0].Source);
        Assert.Equal(["web01", "ss-lntup-debian12-db"], plan.Hosts.Select(h => h.Host));
        Assert.Null(plan.Hosts[0].Scan);
        Assert.Equal("127.0.0.1", plan.Hosts[1].Scan!.Address);
    }

    [Fact]
    public void Should_Keep_A_Host_Only_Scanned_From_Outside_Last()
    {
        var scan = Copy("samples/nmap/ss-lntup-debian12-db.nmap.xml", "ss-lntup-debian12-db.nmap.xml");
        var web = Copy("samples/ss/ss-lntup-debian12-web.txt", "web01.txt");

        var plan = Plan(scan, web);

        Assert.Equal(["web01", "ss-lntup-debian12-db"], plan.Hosts.Select(h => h.Host));
        Assert.Empty(plan.Hosts[1].Inputs);
        Assert.Null(plan.Hosts[1].Read(null).Snapshot);
    }

    [Fact]
    public void Should_Tell_At_Reading_Time_Why_A_Named_Input_Could_Not_Be_Read()
    {
        var missing = Path.Combine(_dir.FullName, "gone01.ss.txt");

        var host = Assert.Single(Plan(missing).Hosts);
        var read = host.Read(null);

        Assert.Equal("gone01", host.Host);
        Assert.Null(read.Snapshot);
        var error = Assert.Single(Assert.Single(read.Results).Diagnostics);
        Assert.Equal((missing, DiagnosticSeverity.Error), (error.File, error.Severity));
        Assert.StartsWith("cannot read:", error.Message, StringComparison.Ordinal);
    }

    private static Stream NoStdin() => throw new InvalidOperationException("no standard input in this test");

    private static HostInputs Plan(params string[] paths) =>
        HostInputs.Plan([.. paths.Select(p => new InputFile(p))], null, null, null, NoStdin, [], () => { });

    private string Copy(string sample, string name, string prefix = "")
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, prefix + File.ReadAllText(RepoPaths.Combine(sample)));
        return path;
    }
}

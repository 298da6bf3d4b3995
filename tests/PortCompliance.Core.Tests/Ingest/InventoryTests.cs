using PortCompliance.Core.Audit;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Core.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>The fleet inventory: tags feed policy groups, owners reach the results, missing hosts are named.</summary>
public sealed class InventoryTests
{
    private static readonly string Fixture = RepoPaths.Combine("tests", "PortCompliance.Core.Tests", "Ingest", "Fixtures", "hosts.csv");

    private static Inventory Load() => InventoryReader.Read(Fixture).Inventory!;

    private static AuditResult Audit(params HostSnapshot[] hosts) =>
        AuditRun.Whole(hosts, PolicyLoader.Load(PolicyLoader.BuiltInBaseline).Policy!, new AuditSettings(Audits.Day, Severity.High, "test") { Inventory = Load() });

    [Fact]
    public void Should_Let_A_Tag_Put_A_Host_In_A_Policy_Group()
    {
        var web = Samples.Read("samples/ss/ss-lntup-debian12-web.txt") with { Host = "frontend" };
        var untagged = web with { Host = "elsewhere" };

        var result = Audit(web, untagged);

        bool Flags80(string host) => result.Hosts.Single(h => h.Host == host).Findings.Any(f => f.Rule == RuleIds.ApprovedPorts && f.Port == 80);
        Assert.False(Flags80("frontend"));  // tag web: the baseline's web group approves 80 and 443
        Assert.True(Flags80("elsewhere"));
    }

    [Fact]
    public void Should_Take_The_Os_From_The_Inventory_Over_The_Listing()
    {
        // An lsof listing of unknown origin: the inventory says the host is a Mac, so its fixes are macOS commands.
        var listing = Samples.Read("samples/lsof/lsof-n-i8081-no-P-livioso-issue1.txt") with { Host = "mac-build" };

        var host = Assert.Single(Audit(listing).Hosts);

        Assert.Equal(HostOs.MacOs, host.Os);
        Assert.Contains(host.Findings.SelectMany(f => f.Remediation), s => s.Code?.Contains("sudo lsof -iTCP:", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Should_Refuse_An_Os_The_Tool_Does_Not_Know_Naming_The_Row()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pc-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "host,os\nweb01,linux\nwin01,Windows\nodd,plan9\n");
        try
        {
            var (inventory, diagnostics) = InventoryReader.Read(path);

            Assert.Null(inventory);
            var error = Assert.Single(diagnostics);
            Assert.Equal(4, error.Line);
            Assert.Contains("host 'odd': unknown os 'plan9' (one of: linux, windows, macos, freebsd, openbsd, or leave it empty)", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Should_Carry_Owner_And_Environment_And_Name_Hosts_Not_Collected()
    {
        var result = Audit(Samples.Read("samples/ss/ss-lntup-debian12-web.txt") with { Host = "frontend" });

        var frontend = Assert.Single(result.Hosts);
        Assert.Equal(("Web team <web@example.com>", "production"), (frontend.Owner, frontend.Environment));
        Assert.Equal([new NotCollectedHost("db01", "DBA team", "production"), new NotCollectedHost("legacy01", "Ops", "staging"),
            new NotCollectedHost("mac-build", "Release team", "staging")], result.NotCollected);
    }

    [Fact]
    public void Should_Name_A_Host_By_The_Pattern_Its_File_Matches()
    {
        var snapshot = Samples.Read("samples/ss/ss-lntup-debian12-db.txt");

        Assert.Equal("db01", Load().Assign(snapshot.Host, snapshot.Source));
        Assert.Equal("frontend", Load().Assign("frontend", snapshot.Source));
    }

    [Fact]
    public void Should_Report_Bad_Rows_With_Their_Line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pc-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "host,tags,owner,site\nweb01,web,a,x\n,db,b,y\nweb01,x,c,z\n");
        try
        {
            var (inventory, diagnostics) = InventoryReader.Read(path);

            Assert.Null(inventory);
            Assert.Equal(
                [$"{path}:1: warning: unknown column 'site' is ignored", $"{path}:3: error: a row without a host name",
                 $"{path}:4: error: host 'web01' is listed twice (first on line 2)"],
                diagnostics.Select(d => d.ToString()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Should_Fail_On_A_Stray_Quote_Naming_Its_Line_And_Keep_Reading_The_Rows_After_It()
    {
        var lines = File.ReadAllLines(RepoPaths.Combine("samples", "fleet", "hosts.csv"));
        lines[3] = lines[3].Replace("web-platform@", "web-\"platform@", StringComparison.Ordinal); // an owner with a stray quote
        var path = WriteTemp(string.Join("\n", lines) + "\n" + lines[^1] + "\n");

        var (inventory, diagnostics) = InventoryReader.Read(path);

        Assert.Null(inventory);
        var host = lines[^1].Split(',')[0];
        Assert.Equal(
            [$"{path}:4: error: a stray quote (\") inside a field: quote the whole field and double each quote in it (\"a \"\"b\"\" c\")",
             $"{path}:{lines.Length + 1}: error: host '{host}' is listed twice (first on line {lines.Length})"],
            diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Should_Fail_On_A_Quote_Left_Open_Without_Swallowing_The_Rest()
    {
        var lines = File.ReadAllLines(RepoPaths.Combine("samples", "fleet", "hosts.csv"));
        var fields = lines[2].Split(',');
        fields[2] = "\"" + fields[2]; // opens a quoted owner that never closes
        lines[2] = string.Join(",", fields);
        var path = WriteTemp(string.Join("\n", lines) + "\n" + lines[^1] + "\n");

        var (inventory, diagnostics) = InventoryReader.Read(path);

        Assert.Null(inventory);
        Assert.Equal($"{path}:3: error: a quoted field is not closed on its line: add the closing quote (a row may not span lines)", diagnostics[0].ToString());
        Assert.Contains(diagnostics, d => d.Line == lines.Length + 1 && d.Message.Contains("listed twice", StringComparison.Ordinal)); // the rows after it were read
    }

    [Fact]
    public void Should_Read_The_Fleet_Inventory_Unchanged()
    {
        var (inventory, diagnostics) = InventoryReader.Read(RepoPaths.Combine("samples", "fleet", "hosts.csv"));

        Assert.Empty(diagnostics);
        Assert.Equal(File.ReadAllLines(RepoPaths.Combine("samples", "fleet", "hosts.csv")).Count(l => l.Length > 0) - 1, inventory!.Hosts.Count);
    }

    [Fact]
    public void Should_Find_Every_Duplicate_Of_A_Large_Inventory()
    {
        // 100,000 rows built from the fleet's own rows; every 1,000th repeats an earlier host.
        var rows = File.ReadAllLines(RepoPaths.Combine("samples", "fleet", "hosts.csv")).Skip(1).Where(l => l.Length > 0).ToList();
        var text = new System.Text.StringBuilder("host,tags,owner,environment,pattern\n");
        for (var i = 0; i < 100_000; i++)
        {
            var fields = rows[i % rows.Count].Split(',');
            fields[0] = i % 1000 == 999 ? $"{fields[0]}-{i - 500}" : $"{fields[0]}-{i}";
            text.Append(string.Join(",", fields)).Append('\n');
        }

        var (inventory, diagnostics) = InventoryReader.Read(WriteTemp(text.ToString()));

        Assert.Null(inventory);
        Assert.Equal(100, diagnostics.Count(d => d.Message.Contains("is listed twice (first on line", StringComparison.Ordinal)));
    }

    [Fact]
    public void Should_Refuse_A_Fifo_As_The_Inventory()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(Path.GetTempPath(), $"pc-{Guid.NewGuid():N}.csv"));
        try
        {
            var (inventory, diagnostics) = SpecialFiles.Within(20, () => InventoryReader.Read(fifo), fifo);

            Assert.Null(inventory);
            Assert.Equal($"{fifo}: error: cannot read inventory: not a regular file (a FIFO): skipped", Assert.Single(diagnostics).ToString());
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    private static string WriteTemp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pc-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }
}

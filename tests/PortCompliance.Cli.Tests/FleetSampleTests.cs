using System.Text.Json;

namespace PortCompliance.Cli.Tests;

/// <summary>
/// The monthly job of samples/fleet/README.md: October's genuine captures audited with the fleet policy and inventory,
/// then November's against October's results.json. The drift must name each change made to the daemons between the
/// two captures, and the inventory and waivers must show in the results.
/// </summary>
public sealed class FleetSampleTests(FleetSampleTests.Audits audits) : IClassFixture<FleetSampleTests.Audits>
{
    [Fact]
    public void Should_Exit_1_Both_Months_Because_The_Fleet_Holds_Real_Violations()
    {
        Assert.Equal(1, audits.OctoberExitCode);
        Assert.Equal(1, audits.NovemberExitCode);
        Assert.Contains("Since 2026-10-21", audits.NovemberOut);
        Assert.Contains("legacy03", audits.NovemberOut);
    }

    [Fact]
    public void Should_Report_Redis_On_Cache02_Rebound_From_Loopback_To_Every_Interface()
    {
        var change = Assert.Single(Listeners("cache02"));

        Assert.Equal(("rebound", "tcp", 6379), (Text(change, "change"), Text(change, "proto"), Port(change)));
        Assert.Equal(("127.0.0.1", "0.0.0.0"), (Text(change, "before"), Text(change, "after")));
        Assert.Contains(Findings(audits.NovemberJson, "cache02"), f => Text(f, "rule") == "loopback-only" && Port(f) == 6379 && Text(f, "severity") == "critical");
    }

    [Fact]
    public void Should_Report_Port_8081_Opened_On_Web03()
    {
        var change = Assert.Single(Listeners("web03"));

        Assert.Equal(("opened", 8081, "*"), (Text(change, "change"), Port(change), Text(change, "after")));
        Assert.Contains(Findings(audits.NovemberJson, "web03"), f => Text(f, "rule") == "wildcard-bind" && Port(f) == 8081);
    }

    [Fact]
    public void Should_Report_Telnet_Closed_On_Legacy01_And_Its_Finding_Resolved()
    {
        var change = Assert.Single(Listeners("legacy01"));

        Assert.Equal(("closed", 23, "0.0.0.0"), (Text(change, "change"), Port(change), Text(change, "before")));
        Assert.Contains(DriftHost("legacy01").GetProperty("findings").EnumerateArray(),
            f => Text(f, "change") == "resolved" && Text(f, "rule") == "forbidden-ports" && Text(f, "where") == "TCP 0.0.0.0:23");
    }

    [Fact]
    public void Should_Report_The_Owner_Of_8080_On_Web05_Changed_From_Nginx_To_Haproxy()
    {
        var change = Assert.Single(Listeners("web05"));

        Assert.Equal(("owner-changed", 8080), (Text(change, "change"), Port(change)));
        Assert.Equal(("nginx", "haproxy"), (Text(change, "before"), Text(change, "after")));
        Assert.Contains(Findings(audits.NovemberJson, "web05"), f => Text(f, "rule") == "expected-process" && Port(f) == 8080);
    }

    [Fact]
    public void Should_Report_Postgres_On_Db02_Moved_From_5432_To_5433()
    {
        var changes = Listeners("db02").Select(c => (Text(c, "change"), Port(c))).ToList();

        Assert.Equal([("closed", 5432), ("opened", 5433)], changes);
        Assert.Contains(Findings(audits.NovemberJson, "db02"), f => Text(f, "rule") == "approved-ports" && Port(f) == 5433 && Text(f, "address") == "192.0.2.2");
    }

    [Fact]
    public void Should_Report_Legacy03_Gone_And_Web06_New_And_Every_Other_Host_Unchanged()
    {
        var drift = audits.NovemberJson.RootElement.GetProperty("drift");

        Assert.Equal(["legacy03"], drift.GetProperty("disappeared").EnumerateArray().Select(h => h.GetString()));
        var notUnchanged = drift.GetProperty("hosts").EnumerateArray()
            .Where(h => Text(h, "status") != "unchanged")
            .Select(h => (Text(h, "host"), Text(h, "status")))
            .ToList();
        Assert.Equal(
            [("cache02", "changed"), ("db02", "changed"), ("legacy01", "changed"), ("web03", "changed"), ("web05", "changed"), ("web06", "new-host")],
            notUnchanged);
    }

    [Fact]
    public void Should_List_The_Inventoried_Host_Without_A_Listing_As_Not_Collected()
    {
        var missing = Assert.Single(audits.NovemberJson.RootElement.GetProperty("not_collected").EnumerateArray());

        Assert.Equal(("db04", "dba-team@example.com", "production"), (Text(missing, "host"), Text(missing, "owner"), Text(missing, "environment")));
    }

    [Fact]
    public void Should_Give_Every_Host_Its_Owner_And_Environment_From_The_Inventory()
    {
        var hosts = audits.NovemberJson.RootElement.GetProperty("hosts").EnumerateArray().ToList();

        Assert.Equal(19, hosts.Count);
        Assert.All(hosts, h => Assert.False(string.IsNullOrEmpty(Text(h, "owner")), $"{Text(h, "host")} has no owner"));
        var cache02 = hosts.Single(h => Text(h, "host") == "cache02");
        Assert.Equal(("platform-sre@example.com", "production"), (Text(cache02, "owner"), Text(cache02, "environment")));
        Assert.Equal("staging", Text(hosts.Single(h => Text(h, "host") == "web05"), "environment"));
    }

    [Fact]
    public void Should_Raise_Waiver_Expired_When_The_Ftp_Waiver_Ends_Between_The_Months()
    {
        var october = Findings(audits.OctoberJson, "legacy01").Single(f => Text(f, "rule") == "forbidden-ports" && Port(f) == 21);
        Assert.True(october.GetProperty("waived").GetBoolean());
        Assert.Equal("SEC-1733", Text(october.GetProperty("waiver"), "ticket"));

        var november = Findings(audits.NovemberJson, "legacy01").ToList();
        var ftp = november.Single(f => Text(f, "rule") == "forbidden-ports" && Port(f) == 21);
        Assert.False(ftp.GetProperty("waived").GetBoolean());
        var expired = Assert.Single(november, f => Text(f, "rule") == "waiver-expired");
        Assert.Equal(("SEC-1733", "2026-10-31", true),
            (Text(expired.GetProperty("waiver"), "ticket"), Text(expired.GetProperty("waiver"), "expires"), expired.GetProperty("waiver").GetProperty("expired").GetBoolean()));
    }

    [Fact]
    public void Should_Keep_Waiving_With_The_Active_And_The_Soon_Expiring_Waivers()
    {
        var docker = Findings(audits.NovemberJson, "docker01").Single(f => Text(f, "rule") == "loopback-only" && Port(f) == 2376);
        var telnet = Findings(audits.NovemberJson, "legacy02").Single(f => Text(f, "rule") == "forbidden-ports" && Port(f) == 23);

        Assert.True(docker.GetProperty("waived").GetBoolean());
        Assert.Equal(("SEC-2207", "2027-03-31"), (Text(docker.GetProperty("waiver"), "ticket"), Text(docker.GetProperty("waiver"), "expires")));
        Assert.True(telnet.GetProperty("waived").GetBoolean());
        Assert.Equal(("SEC-1874", "2026-12-15"), (Text(telnet.GetProperty("waiver"), "ticket"), Text(telnet.GetProperty("waiver"), "expires")));
    }

    private JsonElement DriftHost(string host) =>
        audits.NovemberJson.RootElement.GetProperty("drift").GetProperty("hosts").EnumerateArray().Single(h => Text(h, "host") == host);

    private IEnumerable<JsonElement> Listeners(string host) => DriftHost(host).GetProperty("listeners").EnumerateArray();

    private static IEnumerable<JsonElement> Findings(JsonDocument results, string host) =>
        results.RootElement.GetProperty("hosts").EnumerateArray().Single(h => Text(h, "host") == host).GetProperty("findings").EnumerateArray();

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();

    [Fact]
    public void Should_Bookmark_Every_Hosts_Own_Report_In_The_Summary_Pdf()
    {
        // Outline entries are plain objects in the file: each opens the host's PDF beside the summary (a remote go-to).
        var pdf = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(audits.NovemberFolder, "report.pdf")));
        var targets = System.Text.RegularExpressions.Regex.Matches(pdf, @"/A<</S/GoToR/F\((hosts/[^)]+\.pdf)\)/D\[0/Fit\]").Select(m => m.Groups[1].Value).ToList();

        var hosts = audits.NovemberJson.RootElement.GetProperty("hosts").EnumerateArray().Select(h => Text(h, "host")).ToList();
        Assert.Equal(hosts.Select(h => $"hosts/{h}.pdf"), targets);
        Assert.All(targets, t => Assert.True(File.Exists(Path.Combine(audits.NovemberFolder, t)), t));
    }

    /// <summary>The port, or -1 for a finding without one (an unparsed line).</summary>
    private static int Port(JsonElement element) => element.GetProperty("port").ValueKind == JsonValueKind.Number ? element.GetProperty("port").GetInt32() : -1;

    /// <summary>Both months audited once for the whole class, as the README's two commands do it.</summary>
    public sealed class Audits : IDisposable
    {
        private readonly DirectoryInfo _out = Directory.CreateTempSubdirectory("pc-fleet");

        public Audits()
        {
            var october = Path.Combine(_out.FullName, "2026-10");
            var november = Path.Combine(_out.FullName, "2026-11");
            string[] common = ["--policy", "policies/examples/fleet.yaml", "--inventory", "samples/fleet/hosts.csv"];
            var first = CliRun.Of(["audit", "samples/fleet/2026-10", .. common, "--formats", "json", "--out", october, "--report-date", "2026-10-21"]);
            var second = CliRun.Of(["audit", "samples/fleet/2026-11", .. common, "--formats", "json,pdf", "--baseline", Path.Combine(october, "results.json"),
                "--out", november, "--report-date", "2026-11-21"]);
            NovemberFolder = november;
            (OctoberExitCode, NovemberExitCode, NovemberOut) = (first.ExitCode, second.ExitCode, second.Out);
            OctoberJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(october, "results.json")));
            NovemberJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(november, "results.json")));
        }

        public int OctoberExitCode { get; }

        /// <summary>November's reports: results.json, the summary PDF and every host's own PDF under hosts/.</summary>
        public string NovemberFolder { get; }

        public int NovemberExitCode { get; }

        /// <summary>November's console summary.</summary>
        public string NovemberOut { get; }

        public JsonDocument OctoberJson { get; }

        public JsonDocument NovemberJson { get; }

        public void Dispose()
        {
            OctoberJson.Dispose();
            NovemberJson.Dispose();
            _out.Delete(recursive: true);
        }
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Cli.Tests;

/// <summary><c>portcompliance audit</c> as a sysadmin runs it from cron: real samples, exit codes, results.json.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly DirectoryInfo _out = Directory.CreateTempSubdirectory("pc-audit");

    public void Dispose() => _out.Delete(recursive: true);

    private string Results => Path.Combine(_out.FullName, "results.json");

    [Fact]
    public void Should_Flag_Postgres_And_Redis_On_Wildcards_With_The_Config_Line_To_Change()
    {
        var run = CliRun.Of("audit", "samples/ss/ss-lntup-debian12-db.txt", "--out", _out.FullName);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("PostgreSQL listens on TCP 0.0.0.0:5432", run.Out);
        Assert.Contains("Verdict: FAIL", run.Out);
        var json = File.ReadAllText(Results);
        Assert.Contains("listen_addresses = 'localhost'", json);
        Assert.Contains("bind 127.0.0.1 -::1", json);
    }

    [Fact]
    public void Should_Exit_1_For_One_Junk_Line_Under_Fail_On_Medium_And_0_Under_High()
    {
        var listing = "root@web01:~# sudo ss -lntup\n" + File.ReadAllText(RepoPaths.Combine("samples/docs/seed000-ss-lntup.txt"));

        var medium = CliRun.WithStdin(listing, "audit", "-", "--host", "web01", "--fail-on", "medium", "--out", _out.FullName);
        var high = CliRun.WithStdin(listing, "audit", "-", "--host", "web01", "--out", _out.FullName);

        Assert.Equal(1, medium.ExitCode);
        Assert.Equal(0, high.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(Results));
        var finding = Assert.Single(json.RootElement.GetProperty("hosts")[0].GetProperty("findings").EnumerateArray());
        Assert.Equal("unparsed-input", finding.GetProperty("rule").GetString());
        Assert.Equal("medium", finding.GetProperty("severity").GetString());
        Assert.Equal(1, finding.GetProperty("evidence").GetProperty("line").GetInt32());
    }

    [Fact]
    public void Should_Write_The_Contract_Fields_In_Results_Json()
    {
        CliRun.Of("audit", "samples/ss/ss-lntup-debian12-db.txt", "--out", _out.FullName);

        using var json = JsonDocument.Parse(File.ReadAllText(Results));
        var root = json.RootElement;
        Assert.Equal("portcompliance", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal("baseline", root.GetProperty("policy").GetProperty("id").GetString());
        Assert.Equal(64, root.GetProperty("policy").GetProperty("sha256").GetString()!.Length);
        Assert.True(root.TryGetProperty("generated_at", out _));
        Assert.True(root.GetProperty("summary").TryGetProperty("verdict", out _));
        var finding = root.GetProperty("hosts")[0].GetProperty("findings")[0];
        var names = finding.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["host", "rule", "severity", "proto", "address", "port", "processes", "message", "remediation", "waived", "waiver"], names.Take(11));
        Assert.DoesNotContain(_out.EnumerateFiles(), f => f.Name.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Write_Identical_Results_For_The_Same_Inputs_And_Source_Date_Epoch()
    {
        var environment = new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "1795000000" };
        CliRun.With("", environment, "audit", "samples/ss", "--out", _out.FullName);
        var first = SHA256.HashData(File.ReadAllBytes(Results));
        CliRun.With("", environment, "audit", "samples/ss", "--out", _out.FullName);

        Assert.Equal(first, SHA256.HashData(File.ReadAllBytes(Results)));
        Assert.Contains("\"generated_at\": \"2026-11-18T", File.ReadAllText(Results));
    }

    [Fact]
    public void Should_Exit_2_For_An_Invalid_Policy_Naming_File_Line_And_Column()
    {
        var policy = Path.Combine(_out.FullName, "typo.yaml");
        File.WriteAllText(policy, "policy: mine\nrules:\n  approved-ports:\n    tcp: [22, 99999]\n");

        var run = CliRun.Of("audit", "samples/ss/ss-lntup-debian12-db.txt", "--policy", policy, "--out", _out.FullName);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{policy}:4:15: error: each port in approved-ports: tcp: port 99999 is outside 1-65535", run.Error);
        Assert.False(File.Exists(Results));
    }

    [Fact]
    public void Should_Go_On_Past_An_Unreadable_Input_And_List_It()
    {
        var run = CliRun.Of("audit", "no/such.txt", "samples/docs/seed000-ss-lntup.txt", "--out", _out.FullName);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 input(s) could not be read", run.Out);
        Assert.Contains("\"source\": \"no/such.txt\"", File.ReadAllText(Results));
    }

    [Fact]
    public void Should_Report_Drift_Against_Last_Months_Results()
    {
        var lastMonth = Path.Combine(_out.FullName, "2026-10");
        CliRun.Of("audit", "samples/ss/ss-lntup-debian12-web.txt", "--host", "box", "--out", lastMonth, "--formats", "json");

        var run = CliRun.Of("audit", "samples/ss/ss-lntup-debian12-db.txt", "--host", "box", "--out", _out.FullName, "--formats", "json",
            "--baseline", Path.Combine(lastMonth, "results.json"));

        Assert.Matches(@"Since 2026-\d\d-\d\d: listeners \d+ opened", run.Out);
        using var json = JsonDocument.Parse(File.ReadAllText(Results));
        var box = json.RootElement.GetProperty("drift").GetProperty("hosts")[0];
        Assert.Contains(box.GetProperty("listeners").EnumerateArray(), c => c.GetProperty("port").GetInt32() == 5432 && c.GetProperty("change").GetString() == "opened");
    }

    [Fact]
    public void Should_Exit_2_For_A_Baseline_That_Is_Not_Results_Json()
    {
        var run = CliRun.Of("audit", "samples/ss", "--out", _out.FullName, "--baseline", "samples/ss/ss-lntup-debian12-db.txt");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("samples/ss/ss-lntup-debian12-db.txt:1:1: error: not a PortCompliance results.json", run.Error);
    }

    [Fact]
    public void Should_Merge_Two_Listings_Of_One_Host_And_Keep_Both_Files_In_The_Evidence()
    {
        var inputs = Directory.CreateDirectory(Path.Combine(_out.FullName, "inputs"));
        File.Copy(RepoPaths.Combine("samples/ss/ss-lntup-debian12-db.txt"), Path.Combine(inputs.FullName, "db01.ss.txt"));
        File.Copy(RepoPaths.Combine("samples/netstat/netstat-plunt-debian12-mariadb.txt"), Path.Combine(inputs.FullName, "db01.netstat.txt"));

        CliRun.Of("audit", inputs.FullName, "--out", _out.FullName, "--formats", "json");

        using var json = JsonDocument.Parse(File.ReadAllText(Results));
        var host = Assert.Single(json.RootElement.GetProperty("hosts").EnumerateArray());
        Assert.Equal(("db01", "netstat+ss"), (host.GetProperty("host").GetString(), host.GetProperty("format").GetString()));
        Assert.EndsWith("db01.ss.txt", host.GetProperty("merged_from")[0].GetProperty("source").GetString());
    }

    [Fact]
    public void Should_Print_Plain_Progress_Without_Ansi_Codes_When_Not_On_A_Terminal()
    {
        var inputs = Directory.CreateDirectory(Path.Combine(_out.FullName, "fleet"));
        for (var i = 0; i < 60; i++)
        {
            File.Copy(RepoPaths.Combine("samples/ss/ss-lntup-debian12-web.txt"), Path.Combine(inputs.FullName, $"web{i:00}.ss.txt"));
        }

        var run = CliRun.Of("audit", inputs.FullName, "--out", _out.FullName, "--formats", "json");

        Assert.Contains("portcompliance: reading inputs: 60/60", run.Error);
        Assert.Contains("portcompliance: auditing hosts: 60/60", run.Error);
        Assert.DoesNotContain("\u001b[", run.Error + run.Out);
        Assert.Equal(60, JsonDocument.Parse(File.ReadAllText(Results)).RootElement.GetProperty("hosts").GetArrayLength());
    }

    [Fact]
    public void Should_Stream_A_Fleet_Past_A_Bad_File_And_Join_Two_Inputs_Of_One_Host()
    {
        var inputs = Directory.CreateDirectory(Path.Combine(_out.FullName, "fleet"));
        var real = Directory.GetFiles(RepoPaths.Combine("samples/fleet/2026-11"), "*.txt").Order(StringComparer.Ordinal).Take(12).ToList();
        foreach (var file in real)
        {
            File.Copy(file, Path.Combine(inputs.FullName, Path.GetFileName(file)));
        }

        // A second listing of db01 collected without root, named by its first line; and a file that is no listing.
        File.WriteAllText(Path.Combine(inputs.FullName, "zz-later.txt"),
            "# host: db01\n" + File.ReadAllText(RepoPaths.Combine("samples/ss/ss-lntup-nonroot-debian12-db.txt")));
        var binary = Path.Combine(inputs.FullName, "core-dump.txt");
        File.WriteAllBytes(binary, [0x7f, 0x45, 0x4c, 0x46, 0x0a, 0x00, 0x01, 0x02, 0x0a]);

        var run = CliRun.Of("audit", inputs.FullName, "--out", _out.FullName, "--formats", "json,csv");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{binary}:2: error: binary data", run.Error);
        var results = JsonDocument.Parse(File.ReadAllText(Results)).RootElement;
        Assert.Equal(12, results.GetProperty("hosts").GetArrayLength());
        Assert.Equal(binary, Assert.Single(results.GetProperty("input_errors").EnumerateArray()).GetProperty("source").GetString());
        var db = results.GetProperty("hosts").EnumerateArray().Single(h => h.GetProperty("host").GetString() == "db01");
        Assert.EndsWith("zz-later.txt", db.GetProperty("merged_from")[0].GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Give_A_Fleet_A_Summary_And_Each_Host_Its_Own_Report()
    {
        var run = CliRun.Of("audit", "samples/fleet/2026-11", "--out", _out.FullName, "--formats", "pdf,html,json");

        var hosts = Path.Combine(_out.FullName, "hosts");
        Assert.Equal(19, Directory.GetFiles(hosts, "*.pdf").Length);
        Assert.Equal(19, Directory.GetFiles(hosts, "*.html").Length);
        Assert.Contains("Wrote 38 host reports", run.Out);
        var summary = File.ReadAllText(Path.Combine(_out.FullName, "report.html"));
        Assert.Contains("<a href=\"hosts/web01.html\">", summary);
        Assert.DoesNotContain("id=\"h-web01\"", summary);                      // no full host section in the summary
        Assert.Contains("id=\"h-web01\"", File.ReadAllText(Path.Combine(hosts, "web01.html")));
        Assert.DoesNotContain(Directory.EnumerateFiles(_out.FullName, "*.tmp", SearchOption.AllDirectories), _ => true);
    }

    [Fact]
    public void Should_Not_Speak_Of_Host_Reports_When_A_Fleet_Is_Written_Only_In_Machine_Formats()
    {
        var run = CliRun.Of("audit", "samples/fleet/2026-11", "--out", _out.FullName, "--formats", "json,oscal");

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("host reports", run.Out);
        Assert.False(Directory.Exists(Path.Combine(_out.FullName, "hosts")));
        Assert.Contains("oscal-assessment-results.json", run.Out);
    }

    [Fact]
    public void Should_Keep_A_Small_Run_In_One_Combined_Report()
    {
        CliRun.Of("audit", "samples/ss/ss-lntup-debian12-db.txt", "--out", _out.FullName, "--formats", "html");

        Assert.False(Directory.Exists(Path.Combine(_out.FullName, "hosts")));
    }

    [Fact]
    public void Should_Reject_An_Unknown_Report_Format()
    {
        var run = CliRun.Of("audit", "samples/ss", "--formats", "json,docx", "--out", _out.FullName);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown report format 'docx'", run.Error);
    }
}

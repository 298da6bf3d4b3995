using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Cli.Tests;

/// <summary>
/// <c>--formats oscal</c> writes a document the official NIST OSCAL 1.1.2 assessment-results schema accepts
/// (docs/schemas/, byte-identical to NIST's release asset), for the fleet with waivers and drift and for a mixed-OS
/// folder; a waiver shows as a <c>deviation-approved</c> risk with its deadline, and a rerun gives the same bytes.
/// NJsonSchema compiles the schema's <c>pattern</c>s (its <c>\p{L}</c>-style classes included) with .NET regexes, which
/// support them, so the schema is used as shipped.
/// </summary>
public sealed class OscalSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(WithPointerRefs(
        File.ReadAllText(RepoPaths.Combine("docs", "schemas", "oscal_assessment-results_schema-1.1.2.json")))).GetAwaiter().GetResult());

    /// <summary>
    /// NJsonSchema cannot resolve draft-07 location-independent identifiers (<c>"$ref": "#json-schema-directive"</c>, a
    /// definition's <c>$id</c>), which the OSCAL schema uses throughout; each such <c>$ref</c> is rewritten to the JSON
    /// pointer of the definition that declares the <c>$id</c> (<c>#/definitions/…</c>), which means the same thing.
    /// Nothing else of the schema changes: the file on disk stays byte-identical to NIST's.
    /// </summary>
    private static string WithPointerRefs(string schema)
    {
        var root = JsonNode.Parse(schema)!.AsObject();
        var pointers = root["definitions"]!.AsObject()
            .Where(d => d.Value?["$id"] is not null)
            .ToDictionary(d => d.Value!["$id"]!.GetValue<string>(), d => "#/definitions/" + d.Key);
        void Rewrite(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    if (o["$ref"]?.GetValue<string>() is { } r && pointers.TryGetValue(r, out var pointer))
                    {
                        o["$ref"] = pointer;
                    }

                    foreach (var child in o.Select(p => p.Value).ToList())
                    {
                        Rewrite(child);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Rewrite(child);
                    }

                    break;
            }
        }

        Rewrite(root);
        return root.ToJsonString();
    }

    /// <summary>The fleet's November audit against October's results.json, run once for the tests that read it.</summary>
    private static readonly Lazy<FleetRun> Fleet = new(() =>
    {
        using var dir = new TempDir();
        string[] common = ["--policy", "policies/examples/fleet.yaml", "--inventory", "samples/fleet/hosts.csv"];
        CliRun.Of(["audit", "samples/fleet/2026-10", .. common, "--formats", "json", "--out", dir.Sub("oct"), "--report-date", "2026-10-21"]);
        var baseline = Path.Combine(dir.Sub("oct"), "results.json");
        CliRun.Of(["audit", "samples/fleet/2026-11", .. common, "--formats", "json,oscal", "--baseline", baseline,
            "--out", dir.Sub("nov"), "--report-date", "2026-11-21"]);
        return new FleetRun(File.ReadAllText(Path.Combine(dir.Sub("nov"), "oscal-assessment-results.json")), baseline,
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(baseline))));
    });

    private sealed record FleetRun(string Text, string BaselinePath, string BaselineSha256);

    [Fact]
    public void Should_Validate_The_Fleet_With_Waivers_And_Drift_And_Show_A_Waiver_As_Deviation_Approved()
    {
        var text = Fleet.Value.Text;
        AssertValid(text);
        using var doc = JsonDocument.Parse(text);
        var result = doc.RootElement.GetProperty("assessment-results").GetProperty("results")[0];
        var risks = result.GetProperty("risks").EnumerateArray().ToList();
        Assert.Contains(risks, r => r.GetProperty("status").GetString() == "deviation-approved" && r.TryGetProperty("deadline", out _));
        Assert.Contains(risks, r => r.GetProperty("status").GetString() == "open");
        var controls = result.GetProperty("reviewed-controls").GetProperty("control-selections")[0].GetProperty("include-controls")
            .EnumerateArray().Select(c => c.GetProperty("control-id").GetString()).ToList();
        Assert.Contains("cm-7", controls);
        Assert.Contains("sc-7", controls);
        Assert.Contains(result.GetProperty("findings").EnumerateArray(), f => f.GetProperty("target").GetProperty("status").GetProperty("state").GetString() == "satisfied");
        Assert.Contains(result.GetProperty("findings").EnumerateArray(), f => f.GetProperty("target").GetProperty("status").GetProperty("state").GetString() == "not-satisfied");
    }

    [Fact]
    public void Should_Map_A_Closed_Listener_To_Its_Own_Historic_Observation_That_The_Finding_It_Resolved_Points_At()
    {
        var result = Result(Fleet.Value.Text);
        var observations = result.GetProperty("observations").EnumerateArray().ToList();
        var closed = Assert.Single(observations, o => Prop(o, "drift-change") == "closed" && Prop(o, "port") == "23");
        Assert.Equal("tcp port 23 closed on legacy01", closed.GetProperty("title").GetString());
        Assert.Equal(["historic"], closed.GetProperty("types").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["EXAMINE"], closed.GetProperty("methods").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("0.0.0.0", Prop(closed, "before"));
        Assert.Equal(Fleet.Value.BaselineSha256, Prop(closed, "drift-baseline-sha256"));
        Assert.Equal("2026-10-21", Prop(closed, "drift-baseline-date"));
        var resolved = Assert.Single(observations, o => Prop(o, "drift-change") == "resolved" && Prop(o, "where") == "TCP 0.0.0.0:23");

        var forbidden = result.GetProperty("findings").EnumerateArray()
            .Single(f => Prop(f, "host") == "legacy01" && Prop(f, "rule") == "forbidden-ports");
        var related = forbidden.GetProperty("related-observations").EnumerateArray().Select(r => r.GetProperty("observation-uuid").GetString()).ToList();
        Assert.Contains(closed.GetProperty("uuid").GetString(), related);
        Assert.Contains(resolved.GetProperty("uuid").GetString(), related);
    }

    [Fact]
    public void Should_Map_Each_Known_Change_Of_The_Fleet_And_Say_How_Many_Hosts_Drifted()
    {
        var result = Result(Fleet.Value.Text);
        var changes = result.GetProperty("observations").EnumerateArray().Where(o => Prop(o, "drift-change") is not null)
            .Select(o => (o.GetProperty("title").GetString(), Prop(o, "drift-change"))).ToList();
        Assert.Contains(("tcp port 6379 rebound on cache02", "rebound"), changes);
        Assert.Contains(("tcp port 8081 opened on web03", "opened"), changes);
        Assert.Contains(("tcp port 8080 owner-changed on web05", "owner-changed"), changes);
        Assert.Contains(("tcp port 5432 closed on db02", "closed"), changes);
        Assert.Contains(("web06 is new since 2026-10-21", "new-host"), changes);
        Assert.DoesNotContain(changes, c => c.Item1!.EndsWith(" on web01", StringComparison.Ordinal)); // unchanged
        Assert.Contains("6 of 19 hosts drifted since the baseline audit of 2026-10-21 (1 new); 1 of the baseline's hosts not seen: legacy03.",
            result.GetProperty("description").GetString());

        var rebound = result.GetProperty("observations").EnumerateArray().Single(o => Prop(o, "drift-change") == "rebound");
        var loopback = result.GetProperty("findings").EnumerateArray().Single(f => Prop(f, "host") == "cache02" && Prop(f, "rule") == "loopback-only");
        Assert.Contains(loopback.GetProperty("related-observations").EnumerateArray(),
            r => r.GetProperty("observation-uuid").GetString() == rebound.GetProperty("uuid").GetString());
    }

    [Fact]
    public void Should_Map_Drift_In_A_Small_Run_Written_As_One_Combined_Report()
    {
        using var dir = new TempDir();
        var inputs = Directory.CreateDirectory(dir.Sub("in")).FullName;
        foreach (var host in new[] { "legacy01", "cache02", "web01" })
        {
            File.Copy(RepoPaths.Combine("samples", "fleet", "2026-11", host + ".ss.txt"), Path.Combine(inputs, host + ".ss.txt"));
        }

        string[] common = ["--policy", "policies/examples/fleet.yaml", "--inventory", "samples/fleet/hosts.csv"];
        CliRun.Of(["audit", "samples/fleet/2026-10", .. common, "--formats", "json", "--out", dir.Sub("oct"), "--report-date", "2026-10-21"]);
        CliRun.Of(["audit", inputs, .. common, "--formats", "oscal", "--baseline", Path.Combine(dir.Sub("oct"), "results.json"),
            "--out", dir.Sub("nov"), "--report-date", "2026-11-21"]);

        var text = File.ReadAllText(Path.Combine(dir.Sub("nov"), "oscal-assessment-results.json"));
        AssertValid(text);
        var result = Result(text);
        var titles = result.GetProperty("observations").EnumerateArray().Where(o => Prop(o, "drift-change") is not null)
            .Select(o => o.GetProperty("title").GetString()).ToList();
        Assert.Contains("tcp port 23 closed on legacy01", titles);
        Assert.Contains("tcp port 6379 rebound on cache02", titles);
        Assert.DoesNotContain(titles, t => t!.EndsWith(" on web01", StringComparison.Ordinal));
        Assert.Contains("2 of 3 hosts drifted since the baseline audit of 2026-10-21; 16 of the baseline's hosts not seen: "
            + "bastion01, bastion02, cache01, cache03, db01, db02, db03, docker01, legacy02, legacy03 and 6 more.", result.GetProperty("description").GetString());
    }

    [Fact]
    public void Should_Put_The_Baseline_In_Back_Matter_By_Path_And_Sha256_And_Refer_To_It()
    {
        using var doc = JsonDocument.Parse(Fleet.Value.Text);
        var root = doc.RootElement.GetProperty("assessment-results");
        var baseline = root.GetProperty("back-matter").GetProperty("resources").EnumerateArray().Single(r => Prop(r, "baseline-sha256") is not null);
        Assert.Equal(Fleet.Value.BaselineSha256, Prop(baseline, "baseline-sha256"));
        Assert.Equal(Fleet.Value.BaselinePath, Prop(baseline, "baseline-path"));
        var hash = baseline.GetProperty("rlinks")[0].GetProperty("hashes")[0];
        Assert.Equal(("SHA-256", Fleet.Value.BaselineSha256), (hash.GetProperty("algorithm").GetString(), hash.GetProperty("value").GetString()));
        var href = "#" + baseline.GetProperty("uuid").GetString();
        var result = root.GetProperty("results")[0];
        Assert.Equal(href, result.GetProperty("links")[0].GetProperty("href").GetString());
        Assert.All(result.GetProperty("observations").EnumerateArray().Where(o => Prop(o, "drift-change") is not null),
            o => Assert.Equal(href, o.GetProperty("relevant-evidence")[0].GetProperty("href").GetString()));
    }

    [Fact]
    public void Should_Carry_The_Inventory_Tags_Of_A_Host_As_Tag_Props()
    {
        var items = Result(Fleet.Value.Text).GetProperty("local-definitions").GetProperty("inventory-items").EnumerateArray();
        var web04 = items.Single(i => Prop(i, "host") == "web04");
        Assert.Equal(["web", "nginx", "frontend", "sessions"], Props(web04, "tag"));
        Assert.Equal("web-platform@example.com", Prop(web04, "owner"));
    }

    [Fact]
    public void Should_Target_The_Objective_Of_The_First_Nist_Control_Of_A_Rule_Whether_Or_Not_It_Raised_Anything()
    {
        var findings = Result(Fleet.Value.Text).GetProperty("findings").EnumerateArray()
            .Select(f => (Rule: Prop(f, "rule"), Target: f.GetProperty("target").GetProperty("target-id").GetString(),
                State: f.GetProperty("target").GetProperty("status").GetProperty("state").GetString())).ToList();
        // policies/baseline.yaml: loopback-only maps to SC-7 first, forbidden-ports to CM-7, waiver-expired to CM-7(1).
        Assert.Contains(("loopback-only", "sc-7_obj", "satisfied"), findings);
        Assert.Contains(("loopback-only", "sc-7_obj", "not-satisfied"), findings);
        Assert.Contains(("forbidden-ports", "cm-7_obj", "satisfied"), findings);
        Assert.Contains(("waiver-expired", "cm-7.1_obj", "satisfied"), findings);
        Assert.All(findings.GroupBy(f => f.Rule), g => Assert.Single(g.Select(f => f.Target).Distinct()));
        // The policy maps unparsed-input to no NIST control: its rule id stays the target.
        Assert.Contains(("unparsed-input", "unparsed-input", "satisfied"), findings);
    }

    [Fact]
    public void Should_Validate_A_Mixed_Os_Folder_And_Give_The_Same_Bytes_Twice()
    {
        using var dir = new TempDir();
        var inputs = Directory.CreateDirectory(dir.Sub("in")).FullName;
        foreach (var sample in new[] { "samples/ss/ss-lntup-debian12-db.txt", "samples/bsd-netstat/netstat-na-f-inet-freebsd-ns1-github-9413281242.txt" }
                     .Concat(Directory.GetFiles(RepoPaths.Combine("samples", "windows-netstat")).Order(StringComparer.Ordinal).Take(1)))
        {
            File.Copy(RepoPaths.Combine(sample), Path.Combine(inputs, Path.GetFileName(sample)));
        }

        string Run(string name)
        {
            CliRun.Of(["audit", inputs, "--formats", "oscal", "--out", dir.Sub(name), "--report-date", "2026-11-21"]);
            return File.ReadAllText(Path.Combine(dir.Sub(name), "oscal-assessment-results.json"));
        }

        var first = Run("a");
        AssertValid(first);
        Assert.Contains("\n      \"oscal-version\": \"1.1.2\",\n", first); // indented by two
        AssertOneItemALine(first);
        Assert.DoesNotContain("\\u002B", first);
        Assert.Matches("\"version\": \"2026-11-21\\+[0-9a-f]{12}\"", first);
        Assert.Equal(first, Run("b"));
    }

    /// <summary>
    /// Each item of the big arrays is a line of its own, compact, at its array's depth (docs/oscal.md), so a line is
    /// one whole item; and the observations, streamed as the hosts come, precede everything the hosts decide.
    /// </summary>
    private static void AssertOneItemALine(string document)
    {
        var lines = document.Split('\n');
        var items = 0;
        foreach (var (array, depth) in new[] { ("observations", 8), ("risks", 8), ("findings", 8), ("inventory-items", 10) })
        {
            var open = Array.FindIndex(lines, l => l == new string(' ', depth) + $"\"{array}\": [");
            Assert.True(open > 0, $"{array} opens a line of its own");
            var close = Array.FindIndex(lines, open, l => l == new string(' ', depth) + "]" || l == new string(' ', depth) + "],");
            Assert.True(close > open + 1, $"{array} has items");
            foreach (var line in lines[(open + 1)..close])
            {
                Assert.StartsWith(new string(' ', depth + 2) + "{\"uuid\":", line);
                using var item = JsonDocument.Parse(line.TrimEnd(','));
                Assert.Equal(JsonValueKind.Object, item.RootElement.ValueKind);
                items++;
            }
        }

        Assert.True(items > 20);
        var result = JsonNode.Parse(document)!["assessment-results"]!["results"]![0]!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(["uuid", "title", "observations"], result.Take(3));
        Assert.Contains("description", result);
        Assert.Contains("start", result);
    }

    [Fact]
    public void Should_State_Each_Risks_Remediation_With_The_Commands_For_Its_Hosts_Os_In_Fenced_Blocks()
    {
        using var dir = new TempDir();
        var inputs = Directory.CreateDirectory(dir.Sub("in")).FullName;
        foreach (var sample in new[] { "samples/ss/ss-lntup-debian12-db.txt" }
                     .Concat(Directory.GetFiles(RepoPaths.Combine("samples", "windows-netstat")).Order(StringComparer.Ordinal).Take(1)))
        {
            File.Copy(RepoPaths.Combine(sample), Path.Combine(inputs, Path.GetFileName(sample)));
        }

        CliRun.Of(["audit", inputs, "--formats", "json,oscal", "--out", dir.Sub("out"), "--report-date", "2026-11-21"]);

        var risks = Result(File.ReadAllText(Path.Combine(dir.Sub("out"), "oscal-assessment-results.json"))).GetProperty("risks").EnumerateArray()
            .Select(r => (Title: r.GetProperty("title").GetString()!, Description: r.GetProperty("description").GetString()!, Statement: r.GetProperty("statement").GetString()!))
            .ToList();
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Sub("out"), "results.json")));
        var shells = new HashSet<string>();
        foreach (var finding in results.RootElement.GetProperty("hosts").EnumerateArray().SelectMany(h => h.GetProperty("findings").EnumerateArray()))
        {
            var (host, rule, message) = (finding.GetProperty("host").GetString()!, finding.GetProperty("rule").GetString()!, finding.GetProperty("message").GetString()!);
            var title = finding.TryGetProperty("port", out var port) && port.ValueKind == JsonValueKind.Number
                ? $"{rule}: {host} {finding.GetProperty("proto").GetString()}/{port.GetInt32()}"
                : $"{rule}: {host}";
            var steps = finding.GetProperty("remediation").EnumerateArray().Select(step =>
            {
                var text = step.GetProperty("text").GetString()!;
                if (!step.TryGetProperty("code", out var code))
                {
                    return text;
                }

                var shell = step.TryGetProperty("shell", out var s) ? s.GetString()! : "sh";
                shells.Add(shell);
                return $"{text}\n\n```{shell}\n{code.GetString()}\n```";
            }).ToList();
            // The finding's risk (findings of one rule and port with the same message have one each) states every step.
            Assert.Contains(risks, r => r.Title == title && r.Description == message && steps.All(r.Statement.Contains));
        }

        // Both hosts' commands came through: the Linux host's as sh, the Windows host's as PowerShell.
        Assert.Equal(["powershell", "sh"], shells.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_Describe_Each_Socket_As_Results_Json_Has_It_Naming_Its_Processes_Only_When_The_Listing_Named_Them()
    {
        // The Debian ss listing names each socket's processes; Get-NetTCPConnection gives only an owning PID.
        using var dir = new TempDir();
        var inputs = Directory.CreateDirectory(dir.Sub("in")).FullName;
        foreach (var sample in new[]
                 {
                     "samples/ss/ss-lntup-debian12-db.txt",
                     "samples/powershell/ConvertTo-Csv-pwsh7.6.9-from-Get-NetTCPConnection-Where-State-Listen-default-table-github-9309247645.txt",
                 })
        {
            File.Copy(RepoPaths.Combine(sample), Path.Combine(inputs, Path.GetFileName(sample)));
        }

        CliRun.Of(["audit", inputs, "--formats", "json,oscal", "--out", dir.Sub("out"), "--report-date", "2026-11-21"]);

        var observations = Result(File.ReadAllText(Path.Combine(dir.Sub("out"), "oscal-assessment-results.json"))).GetProperty("observations")
            .EnumerateArray().ToDictionary(o => o.GetProperty("relevant-evidence")[0].GetProperty("description").GetString()!);
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Sub("out"), "results.json")));
        var (named, unnamed) = (0, 0);
        foreach (var host in results.RootElement.GetProperty("hosts").EnumerateArray())
        {
            var (name, source) = (host.GetProperty("host").GetString()!, host.GetProperty("source").GetString()!);
            foreach (var socket in host.GetProperty("sockets").EnumerateArray())
            {
                var (proto, address, port, line) = (socket.GetProperty("proto").GetString()!, socket.GetProperty("address").GetString()!,
                    socket.GetProperty("port").GetInt32(), socket.GetProperty("line").GetInt32());
                var processes = socket.GetProperty("processes").EnumerateArray()
                    .Select(p => p.GetProperty("name").ValueKind == JsonValueKind.String ? p.GetProperty("name").GetString()! : "").ToList();
                var held = string.Join(", ", processes);
                _ = held.Length > 0 ? named++ : unnamed++;

                var observation = observations[$"{source}, line {line}"];
                Assert.Equal($"{proto} {address}:{port} listening on {name}", observation.GetProperty("title").GetString());
                Assert.Equal($"A listening {proto} socket on {address} port {port}" + (held.Length > 0 ? $", held by {held}." : "."),
                    observation.GetProperty("description").GetString());
                Assert.Equal(line.ToString(System.Globalization.CultureInfo.InvariantCulture), Prop(observation.GetProperty("relevant-evidence")[0], "line"));
            }
        }

        Assert.True(named > 0 && unnamed > 0, $"{named} sockets with process names, {unnamed} without");
    }

    [Fact]
    public void Should_Date_Observations_By_The_Captured_Line_And_Start_The_Result_At_The_Earliest_Capture()
    {
        using var dir = new TempDir();
        var inputs = Directory.CreateDirectory(dir.Sub("in")).FullName;
        // A genuine capture with the header a collection script adds in front of it; a second host without one.
        File.WriteAllText(Path.Combine(inputs, "db.ss.txt"),
            "# captured: 2026-11-20T03:00:00+01:00\n" + File.ReadAllText(RepoPaths.Combine("samples", "ss", "ss-lntup-debian12-db.txt")));
        File.Copy(RepoPaths.Combine("samples", "fleet", "2026-11", "web01.ss.txt"), Path.Combine(inputs, "web01.ss.txt"));
        File.WriteAllText(Path.Combine(inputs, "mon01.ss.txt"),
            "# captured: last tuesday\n" + File.ReadAllText(RepoPaths.Combine("samples", "fleet", "2026-11", "mon01.ss.txt")));

        var run = CliRun.Of(["audit", inputs, "--formats", "oscal", "--out", dir.Sub("out"), "--report-date", "2026-11-21"]);

        Assert.Contains($"{Path.Combine(inputs, "mon01.ss.txt")}:1", run.Error);
        Assert.Contains("'# captured:' needs an ISO 8601 time with an offset", run.Error);
        var text = File.ReadAllText(Path.Combine(dir.Sub("out"), "oscal-assessment-results.json"));
        AssertValid(text);
        var result = Result(text);
        Assert.Equal("2026-11-20T02:00:00Z", result.GetProperty("start").GetString());
        var collected = result.GetProperty("observations").EnumerateArray()
            .GroupBy(o => o.GetProperty("title").GetString()!.Split(" on ")[^1])
            .ToDictionary(g => g.Key, g => g.Select(o => (o.GetProperty("collected").GetString(), Prop(o, "collected-from"))).Distinct().Single());
        Assert.Equal(("2026-11-20T02:00:00Z", "listing"), collected["db"]);
        Assert.Equal(("2026-11-21T00:00:00Z", "audit-date"), collected["web01"]);
        Assert.Equal(("2026-11-21T00:00:00Z", "audit-date"), collected["mon01"]);
    }

    [Fact]
    public void Should_Start_The_Result_Of_A_Host_Only_Scanned_At_The_Scan_Start()
    {
        using var dir = new TempDir();
        const string scan = "samples/nmap/ss-lntup-debian12-db.nmap.xml";
        var start = DateTimeOffset.FromUnixTimeSeconds(long.Parse(
            System.Xml.Linq.XDocument.Load(RepoPaths.Combine(scan)).Root!.Attribute("start")!.Value, System.Globalization.CultureInfo.InvariantCulture));

        CliRun.Of(["audit", scan, "--formats", "oscal", "--out", dir.Sub("out"), "--report-date", "2026-11-21"]);

        var text = File.ReadAllText(Path.Combine(dir.Sub("out"), "oscal-assessment-results.json"));
        AssertValid(text);
        Assert.Equal(start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            Result(text).GetProperty("start").GetString());
    }

    private static JsonElement Result(string text) =>
        JsonDocument.Parse(text).RootElement.GetProperty("assessment-results").GetProperty("results")[0].Clone();

    private static string? Prop(JsonElement item, string name) =>
        item.TryGetProperty("props", out var props)
            ? props.EnumerateArray().Where(p => p.GetProperty("name").GetString() == name).Select(p => p.GetProperty("value").GetString()).FirstOrDefault()
            : null;

    private static IEnumerable<string?> Props(JsonElement item, string name) =>
        item.GetProperty("props").EnumerateArray().Where(p => p.GetProperty("name").GetString() == name).Select(p => p.GetProperty("value").GetString());

    private static void AssertValid(string json)
    {
        var errors = Schema.Value.Validate(json);
        static IEnumerable<string> Lines(NJsonSchema.Validation.ValidationError e) =>
            e is NJsonSchema.Validation.ChildSchemaValidationError c
                ? c.Errors.SelectMany(x => x.Value).SelectMany(Lines).Prepend($"{e.Path}: {e.Kind}")
                : [$"{e.Path}: {e.Kind}"];
        Assert.True(errors.Count == 0, string.Join("\n", errors.SelectMany(Lines).Distinct().Take(20)));
    }

    private sealed class TempDir : IDisposable
    {
        private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pc-oscal");

        public string Sub(string name) => Path.Combine(_dir.FullName, name);

        public void Dispose() => _dir.Delete(recursive: true);
    }
}

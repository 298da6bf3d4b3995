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

    [Fact]
    public void Should_Validate_The_Fleet_With_Waivers_And_Drift_And_Show_A_Waiver_As_Deviation_Approved()
    {
        using var dir = new TempDir();
        string[] common = ["--policy", "policies/examples/fleet.yaml", "--inventory", "samples/fleet/hosts.csv"];
        CliRun.Of(["audit", "samples/fleet/2026-10", .. common, "--formats", "json", "--out", dir.Sub("oct"), "--report-date", "2026-10-21"]);
        CliRun.Of(["audit", "samples/fleet/2026-11", .. common, "--formats", "json,oscal", "--baseline", Path.Combine(dir.Sub("oct"), "results.json"),
            "--out", dir.Sub("nov"), "--report-date", "2026-11-21"]);

        var text = File.ReadAllText(Path.Combine(dir.Sub("nov"), "oscal-assessment-results.json"));
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
        Assert.Contains("\"oscal-version\":\"1.1.2\"", first);
        Assert.Equal(first, Run("b"));
    }

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

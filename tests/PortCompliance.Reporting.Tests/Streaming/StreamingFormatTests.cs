using PortCompliance.Reporting.Model;
using System.Text;
using System.Xml.Linq;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Model;
using PortCompliance.Reporting.Json;
using PortCompliance.Reporting.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Reporting.Tests.Streaming;

/// <summary>
/// A fleet streams through every format that declares <see cref="FleetOutput.Streamed"/> (results.json, the CSV files, junit.xml) host by host, with hosts spooled to scratch; the
/// November fleet's 19 genuine listings must come out exactly as the whole run written at once.
/// </summary>
public sealed class StreamingFormatTests
{
    private static readonly Lazy<AuditResult> November = new(() => Reports.Audit(
        [.. Directory.EnumerateFiles(RepoPaths.Combine("samples", "fleet", "2026-11"), "*.txt").Order(StringComparer.Ordinal)
            .Select(p => Reports.Read(RepoPaths.Relative(p)))],
        Reports.PolicyFile("policies/examples/fleet.yaml")));

    [Fact]
    public void Should_Write_ResultsJson_Host_By_Host_Byte_For_Byte_As_The_Whole_Run()
    {
        var result = November.Value;
        using var target = new MemoryStream();
        using var spool = new MemoryStream();
        var writer = new ResultsJson.HostByHost(target, spool);
        foreach (var host in result.Hosts)
        {
            writer.Add(host);
        }

        writer.Finish(result with { Hosts = [] });

        Assert.Equal(ResultsJson.Serialize(result), Encoding.UTF8.GetString(target.ToArray()));
    }

    [Fact]
    public void Should_Write_ResultsJson_Of_A_Run_Without_Hosts_As_The_Whole_Run()
    {
        var empty = November.Value with { Hosts = [] };
        using var target = new MemoryStream();
        new ResultsJson.HostByHost(target, new MemoryStream()).Finish(empty);

        Assert.Equal(ResultsJson.Serialize(empty), Encoding.UTF8.GetString(target.ToArray()));
    }

    [Fact]
    public void Should_Stream_The_Fleet_Through_Every_Format_With_Each_Hosts_Own_Finding_Ids()
    {
        var result = November.Value;
        var run = result with { Hosts = [] };
        var fleet = new FleetSummary(run);
        var anchors = ReportModelBuilder.FleetAnchors(result.Hosts.Select(h => h.Host));
        var files = new Dictionary<string, MemoryStream>();
        var renderers = ReportRenderers.Create(Reports.Options).Where(r => r.FleetOutput == FleetOutput.Streamed).Cast<IStreamingRenderer>().ToList();
        var runs = renderers.Select(r => r.Start(run, new ReportOutput(name => files[name] = new MemoryStream(), () => new MemoryStream()))).ToList();
        for (var i = 0; i < result.Hosts.Count; i++)
        {
            var host = new HostAudit(i, result.Hosts[i], Auditor.Summarize([result.Hosts[i]], 0, result.Summary.FailOn), null);
            var own = ReportModelBuilder.ForHost(run, host, anchors[i], Reports.Options);
            fleet.Add(host, own);
            runs.ForEach(r => r.Add(result.Hosts[i], own.Hosts[0]));
        }

        var summary = ReportModelBuilder.ForFleet(run with { Summary = result.Summary }, fleet, Reports.Options);
        runs.ForEach(r => r.Finish(summary));

        Assert.Equal(ResultsJson.Serialize(result), Encoding.UTF8.GetString(files["results.json"].ToArray()));
        var findings = Encoding.UTF8.GetString(files["findings.csv"].ToArray()).Split('\n');
        Assert.All(result.Hosts.Where(h => h.Findings.Count > 0), h =>
            Assert.Contains(findings, l => l.StartsWith($"F-001,{h.Host},{h.Findings[0].Rule},", StringComparison.Ordinal)));
        var junit = XDocument.Parse(Encoding.UTF8.GetString(files["junit.xml"].ToArray()));
        var suites = junit.Root!.Elements("testsuite").ToList();
        Assert.Equal(result.Hosts.Select(h => h.Host), suites.Select(s => (string)s.Attribute("name")!));
        Assert.Equal(suites.Sum(s => (int)s.Attribute("failures")!), (int)junit.Root.Attribute("failures")!);
        Assert.Equal(19 * result.Policy.Rules.Count, (int)junit.Root.Attribute("tests")!);
    }

    [Fact]
    public void Should_Write_A_Format_Host_By_Host_The_Same_Whether_Its_Hosts_Were_Prepared_Ahead_Or_Not()
    {
        // A fleet prepares each host on the core that judged it (IReportRun.Prepare); a combined run adds them plainly.
        var result = November.Value;
        var run = result with { Hosts = [] };
        var anchors = ReportModelBuilder.FleetAnchors(result.Hosts.Select(h => h.Host));
        var fleet = new FleetSummary(run);
        var views = result.Hosts.Select((h, i) =>
        {
            var host = new HostAudit(i, h, Auditor.Summarize([h], 0, result.Summary.FailOn), null);
            var own = ReportModelBuilder.ForHost(run, host, anchors[i], Reports.Options);
            fleet.Add(host, own);
            return own.Hosts[0];
        }).ToList();
        var summary = ReportModelBuilder.ForFleet(run with { Summary = result.Summary }, fleet, Reports.Options);
        foreach (var renderer in ReportRenderers.Create(Reports.Options).Where(r => r.FleetOutput == FleetOutput.Streamed).Cast<IStreamingRenderer>())
        {
            string Written(bool ahead)
            {
                var files = new Dictionary<string, MemoryStream>();
                using var stream = renderer.Start(run, new ReportOutput(name => files[name] = new MemoryStream(), () => new MemoryStream()));
                var prepared = ahead ? result.Hosts.Select((h, i) => stream.Prepare(h, views[i])).AsParallel().AsOrdered().ToList() : null;
                for (var i = 0; i < result.Hosts.Count; i++)
                {
                    if (prepared is null)
                    {
                        stream.Add(result.Hosts[i], views[i]);
                    }
                    else
                    {
                        stream.Add(result.Hosts[i], views[i], prepared[i]);
                    }
                }

                stream.Finish(summary);
                return string.Join("\n", files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "\n" + Encoding.UTF8.GetString(f.Value.ToArray())));
            }

            var plain = Written(ahead: false);
            Assert.Contains("\"", plain, StringComparison.Ordinal); // something was written
            Assert.Equal(plain, Written(ahead: true));
        }
    }
}

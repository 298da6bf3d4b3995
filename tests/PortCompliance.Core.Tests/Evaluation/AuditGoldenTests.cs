using PortCompliance.Core.Audit;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Core.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Evaluation;

/// <summary>Every genuine sample audited against the built-in baseline on a fixed day, compared with its golden results.json.</summary>
public sealed class AuditGoldenTests
{
    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var format in new[] { "ss", "netstat" })
            {
                foreach (var sample in Samples.Of(format))
                {
                    data.Add(sample);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Should_Match_Golden_Results(string sample)
    {
        var policy = PolicyLoader.Load(PolicyLoader.BuiltInBaseline).Policy!;
        var result = AuditRun.Whole([Samples.Read(sample)], policy, new AuditSettings(Audits.Day, Severity.High, "golden"));

        var golden = RepoPaths.Combine("tests", "PortCompliance.Core.Tests", "Evaluation", "Golden", Path.ChangeExtension(sample["samples/".Length..], ".results.json"));
        Snapshot.Match(ResultsJson.Serialize(result), golden);
    }
}

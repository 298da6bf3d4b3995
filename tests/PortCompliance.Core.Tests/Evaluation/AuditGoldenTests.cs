using PortCompliance.Core.Audit;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Core.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Evaluation;

/// <summary>Every genuine sample audited against the built-in baseline on a fixed day, compared with its golden results.json.</summary>
public sealed class AuditGoldenTests
{
    /// <summary>Every sample of every listing format the registry lists.</summary>
    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var sample in ListingFormats.Keys.SelectMany(Samples.Of))
            {
                data.Add(sample);
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

        Snapshot.Match(ResultsJson.Serialize(result), Samples.ResultsGoldenPath(sample));
    }
}

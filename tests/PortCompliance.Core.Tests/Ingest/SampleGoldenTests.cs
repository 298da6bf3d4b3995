using PortCompliance.Core.Model;
using PortCompliance.Core.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>
/// Each genuine listing in samples/, of every format the registry lists, is read with its format sniffed from the
/// content, must match its golden JSON, and must account for every one of its lines.
/// </summary>
public sealed class SampleGoldenTests
{
    public static TheoryData<string, string> All => Samples.ByFormat();

    [Theory]
    [MemberData(nameof(All))]
    public void Should_Match_Golden_And_Account_For_Every_Line(string format, string sample)
    {
        var snapshot = Samples.Read(sample);

        Assert.Equal(format, snapshot.Format);
        LineAccounting.AssertComplete(snapshot, Samples.Text(sample));
        Snapshot.Match(SnapshotJson.Serialize([snapshot]), Samples.GoldenPath(sample));
    }
}

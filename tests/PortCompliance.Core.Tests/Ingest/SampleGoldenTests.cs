using PortCompliance.Core.Model;
using PortCompliance.Core.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>
/// Each genuine listing in samples/ is read with its format sniffed from the content, must match its golden
/// JSON, and must account for every one of its lines.
/// </summary>
public abstract class SampleGoldenTests
{
    protected static void Verify(string sample, string expectedFormat)
    {
        var snapshot = Samples.Read(sample);

        Assert.Equal(expectedFormat, snapshot.Format);
        LineAccounting.AssertComplete(snapshot, Samples.Text(sample));
        Snapshot.Match(SnapshotJson.Serialize([snapshot]), Samples.GoldenPath(sample));
    }
}

public sealed class SsSampleTests : SampleGoldenTests
{
    public static TheoryData<string> All => Samples.Of("ss");

    [Theory]
    [MemberData(nameof(All))]
    public void Should_Match_Golden_And_Account_For_Every_Line(string sample) => Verify(sample, "ss");
}

public sealed class NetstatSampleTests : SampleGoldenTests
{
    public static TheoryData<string> All => Samples.Of("netstat");

    [Theory]
    [MemberData(nameof(All))]
    public void Should_Match_Golden_And_Account_For_Every_Line(string sample) => Verify(sample, "netstat");
}

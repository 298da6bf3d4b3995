using PortCompliance.Core.Ingest;
using PortCompliance.Core.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>
/// The input-format registry against what each format owes the repository: genuine samples, their goldens, its line
/// in docs/design.md. A format added to <see cref="ListingFormats"/> without them fails here (docs/add-an-input-format.md).
/// </summary>
public sealed class ListingFormatsTests
{
    public static TheoryData<string> Keys => [.. ListingFormats.Keys];

    public static TheoryData<string> InputKeys => [.. ListingFormats.InputKeys];

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_Listing_Format_Has_Genuine_Samples_Sniffed_As_It(string key)
    {
        var samples = Samples.Of(key);

        Assert.True(samples.Count > 0, $"no sample of '{key}': put genuine listings in samples/{key}/ and their provenance in samples/README.md");
        Assert.All(samples, s => Assert.Equal(key, Samples.Read(s).Format));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_Sample_Of_A_Listing_Format_Has_A_Golden_Snapshot_And_Golden_Results(string key)
    {
        var missing = Samples.Of(key)
            .SelectMany(s => new[] { Samples.GoldenPath(s), Samples.ResultsGoldenPath(s) })
            .Where(g => !File.Exists(g))
            .Select(RepoPaths.Relative)
            .ToList();

        Assert.True(missing.Count == 0, $"missing goldens (run the tests with UPDATE_SNAPSHOTS=1, then review them): {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_Samples_Folder_Of_Listings_Is_A_Format_Key_Or_The_Mixed_Docs()
    {
        var folders = Samples.All().Select(Samples.Folder).Distinct().Order(StringComparer.Ordinal);

        Assert.All(folders, f => Assert.True(f == Samples.Mixed || ListingFormats.Keys.Contains(f),
            $"samples/{f}/ holds listings but '{f}' is no format in ListingFormats"));
    }

    [Theory]
    [MemberData(nameof(InputKeys))]
    public void Every_Input_Format_Is_Listed_In_The_Design_And_In_The_Help(string key)
    {
        var design = File.ReadAllLines(RepoPaths.Combine("docs", "design.md"));

        Assert.Contains(design, l => l.StartsWith($"| `{key}` |", StringComparison.Ordinal) && l.Contains("implemented", StringComparison.Ordinal));
        Assert.Contains($"{key}: ", ListingFormats.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Name_Every_Format_Once_And_Keep_The_Line_Formats_First()
    {
        Assert.Equal(ListingFormats.InputKeys.Distinct(), ListingFormats.InputKeys);
        Assert.Equal(ListingFormats.Keys, ListingFormats.InputKeys.Take(ListingFormats.Keys.Count));
        Assert.DoesNotContain(ListingFormats.Unknown, ListingFormats.InputKeys);
    }

    [Fact]
    public void Should_Let_A_Header_Outrank_A_Row_Whatever_The_Order()
    {
        Assert.Equal("netstat", ListingFormats.Sniff("Active Internet connections (only servers)"));
        Assert.Equal("ss", ListingFormats.Sniff("Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process"));
        Assert.Null(ListingFormats.Sniff("hello world"));
    }
}

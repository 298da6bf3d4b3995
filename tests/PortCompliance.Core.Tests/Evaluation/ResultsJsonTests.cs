using PortCompliance.Core.Model;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Evaluation;

/// <summary>A results.json is next month's baseline: it must read back to the same audit.</summary>
public sealed class ResultsJsonTests
{
    [Fact]
    public void Should_Read_Back_A_Golden_Results_File_To_The_Same_Json()
    {
        var golden = RepoPaths.Combine("tests", "PortCompliance.Core.Tests", "Evaluation", "Golden", "ss", "ss-lntup-debian12-db.results.json");

        var (result, problem) = ResultsJson.Read(golden);

        Assert.Null(problem);
        Assert.Equal(File.ReadAllText(golden), ResultsJson.Serialize(result!));
    }

    [Fact]
    public void Should_Name_A_File_That_Is_Not_A_Results_File()
    {
        var (result, problem) = ResultsJson.Read(RepoPaths.Combine("samples", "ss", "ss-lntup-debian12-db.txt"));

        Assert.Null(result);
        Assert.Contains("not a PortCompliance results.json", problem!.ToString());
    }
}

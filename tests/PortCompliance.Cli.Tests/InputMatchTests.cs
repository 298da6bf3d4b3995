using PortCompliance.Cli.Verification;
using PortCompliance.Reporting.Evidence;

namespace PortCompliance.Cli.Tests;

/// <summary>How verify tells which recorded input a given file is: by its path, its full path, else its path's tail.</summary>
public sealed class InputMatchTests
{
    private static RecordedSource Listing(string path) => new(EvidenceKind.Listing, path, new string('a', 64), "listing", true);

    [Fact]
    public void Should_Match_The_Recorded_Path_Before_A_Same_Named_File()
    {
        var recorded = new[] { Listing("inputs/2026-11/web01.ss.txt"), Listing("inputs/2026-10/web01.ss.txt") };

        var match = new InputMatch(["inputs/2026-10/web01.ss.txt"], recorded);

        Assert.Equal(recorded[1], match.Of("inputs/2026-10/web01.ss.txt"));
        Assert.Equal([recorded[0]], match.Unmatched);
    }

    [Fact]
    public void Should_Match_A_Moved_File_By_The_Longest_Tail_It_Shares()
    {
        var recorded = new[] { Listing("inputs/2026-11/web01.ss.txt"), Listing("inputs/2026-10/web01.ss.txt") };

        var match = new InputMatch(["/mnt/archive/2026-11/web01.ss.txt"], recorded);

        Assert.Equal(recorded[0], match.Of("/mnt/archive/2026-11/web01.ss.txt"));
    }

    [Fact]
    public void Should_Match_Neither_Of_Two_Sources_A_File_Fits_Equally_And_Name_Both()
    {
        var recorded = new[] { Listing("a/web01.ss.txt"), Listing("b/web01.ss.txt") };

        var match = new InputMatch(["/elsewhere/web01.ss.txt"], recorded);

        Assert.Null(match.Of("/elsewhere/web01.ss.txt"));
        Assert.Equal(recorded, match.Tied("/elsewhere/web01.ss.txt"));
        Assert.Equal(recorded, match.Unmatched);
    }

    [Fact]
    public void Should_Take_Each_Source_Once_So_A_Second_Copy_Is_Unknown()
    {
        var recorded = new[] { Listing("inputs/web01.ss.txt") };

        var match = new InputMatch(["inputs/web01.ss.txt", "copy/web01.ss.txt"], recorded);

        Assert.Equal(recorded[0], match.Of("inputs/web01.ss.txt"));
        Assert.Null(match.Of("copy/web01.ss.txt"));
        Assert.Empty(match.Tied("copy/web01.ss.txt"));
    }
}

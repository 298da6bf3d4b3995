using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>Only regular files are read: a FIFO, a device, a broken link or a folder is named with its reason, and the rest goes on.</summary>
public sealed class SpecialFileTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pc-special-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Should_Skip_Special_Entries_Of_A_Folder_And_Keep_Every_Listing()
    {
        var listings = Directory.GetFiles(RepoPaths.Combine("samples", "fleet", "2026-11"), "*.ss.txt").Order(StringComparer.Ordinal).ToList();
        listings.ForEach(l => File.Copy(l, Path.Combine(_dir.FullName, Path.GetFileName(l))));
        var fifo = SpecialFiles.Fifo(Path.Combine(_dir.FullName, "aaa-fifo.ss.txt"));
        SpecialFiles.Link(Path.Combine(_dir.FullName, "zero.ss.txt"), "/dev/zero");
        SpecialFiles.Link(Path.Combine(_dir.FullName, "gone.ss.txt"), Path.Combine(_dir.FullName, "nowhere"));
        Directory.CreateDirectory(Path.Combine(_dir.FullName, "x.ss.txt"));

        var (files, diagnostics) = SpecialFiles.Within(20, () => InputSet.Expand([_dir.FullName]), fifo);

        Assert.Equal(listings.Select(Path.GetFileName), files.Select(f => Path.GetFileName(f.Path)));
        Assert.Equal(
            ["aaa-fifo.ss.txt: not a regular file (a FIFO): skipped", "gone.ss.txt: a dangling symbolic link (to " + Path.Combine(_dir.FullName, "nowhere") + ")",
             "zero.ss.txt: not a regular file (a character device): skipped"],
            diagnostics.Select(d => $"{Path.GetFileName(d.File)}: {d.Message}"));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
    }

    [Theory]
    [InlineData("/dev/zero", "not a regular file (a character device): skipped")]
    [InlineData("/dev/urandom", "not a regular file (a character device): skipped")]
    [InlineData("fifo", "not a regular file (a FIFO): skipped")]
    [InlineData("link-to-zero", "not a regular file (a character device): skipped")]
    public void Should_Refuse_A_Special_File_Given_As_An_Input(string given, string reason)
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(_dir.FullName, "fifo"));
        SpecialFiles.Link(Path.Combine(_dir.FullName, "link-to-zero"), "/dev/zero");
        var path = given.StartsWith('/') ? given : Path.Combine(_dir.FullName, given);

        var (files, diagnostics) = SpecialFiles.Within(20, () => InputSet.Expand([path]), fifo);
        var read = SpecialFiles.Within(20, () => InputReader.ReadFile(path, new ListingOptions(path)), fifo);

        Assert.Empty(files);
        Assert.Equal($"{path}: error: {reason}", Assert.Single(diagnostics).ToString());
        Assert.Null(read.Snapshot);
        Assert.Equal($"{path}: error: cannot read: {reason}", Assert.Single(read.Diagnostics).ToString());
    }

    [Fact]
    public void Should_Name_A_Host_Whose_Listing_Became_A_Fifo_And_Say_Why_At_Reading_Time()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(_dir.FullName, "web01.ss.txt"));

        var host = SpecialFiles.Within(20, () => Assert.Single(
            HostInputs.Plan([new InputFile(fifo)], null, null, null, () => Stream.Null, [], () => { }).Hosts), fifo);
        var read = SpecialFiles.Within(20, () => host.Read(null), fifo);

        Assert.Equal("web01", host.Host);
        Assert.Null(read.Snapshot);
        Assert.Equal("cannot read: not a regular file (a FIFO): skipped", Assert.Single(Assert.Single(read.Results).Diagnostics).Message);
    }

    [Fact]
    public void Should_Refuse_A_Special_File_As_The_Baseline()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(_dir.FullName, "results.json"));

        var (fromFifo, fifoProblem) = SpecialFiles.Within(20, () => ResultsJson.Read(fifo), fifo);
        var (fromZero, zeroProblem) = SpecialFiles.Within(20, () => ResultsJson.Read("/dev/zero"));

        Assert.Null(fromFifo);
        Assert.Equal($"{fifo}: error: cannot read baseline: not a regular file (a FIFO): skipped", fifoProblem!.ToString());
        Assert.Null(fromZero);
        Assert.Equal("/dev/zero: error: cannot read baseline: not a regular file (a character device): skipped", zeroProblem!.ToString());
    }

    [Fact]
    public void Should_Cap_A_File_By_The_Bytes_Read_Not_By_Its_Reported_Length()
    {
        var path = Path.Combine(_dir.FullName, "big.csv");
        File.WriteAllBytes(path, new byte[(1 << 20) + 1]);
        var exact = Path.Combine(_dir.FullName, "exact.csv");
        File.WriteAllBytes(exact, new byte[1 << 20]);

        Assert.Null(RegularFiles.ReadAll(path, 1 << 20, "the file", out var problem));
        Assert.Equal("the file is larger than 1024 KiB", problem);
        Assert.Equal(1 << 20, RegularFiles.ReadAll(exact, 1 << 20, "the file", out _)!.Length);
    }
}

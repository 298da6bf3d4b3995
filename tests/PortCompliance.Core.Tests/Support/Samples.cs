using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Support;

/// <summary>
/// The genuine listings under samples/, by format: a folder named for a format key holds that format only, and in
/// samples/docs (excerpts of several formats) a file's format is the one the registry sniffs from its lines.
/// </summary>
internal static class Samples
{
    /// <summary>The folder of excerpts from documentation pages, in any format.</summary>
    public const string Mixed = "docs";

    /// <summary>Every listing under samples/, as repo-relative paths in ordinal order.</summary>
    public static IReadOnlyList<string> All() =>
        [.. Directory.EnumerateFiles(RepoPaths.Samples, "*.txt", SearchOption.AllDirectories)
            .Select(RepoPaths.Relative)
            .Where(p => Folder(p) != "fleet") // a fleet over two months: FleetSampleTests
            .Order(StringComparer.Ordinal)];

    /// <summary>Every sample of one format.</summary>
    public static IReadOnlyList<string> Of(string format) => [.. All().Where(p => FormatOf(p) == format)];

    /// <summary>Every sample with its format, format by format in registry order.</summary>
    public static TheoryData<string, string> ByFormat()
    {
        var data = new TheoryData<string, string>();
        foreach (var format in ListingFormats.Keys)
        {
            foreach (var sample in Of(format))
            {
                data.Add(format, sample);
            }
        }

        return data;
    }

    /// <summary>The folder's format key; in samples/docs, the format of the first line some format claims.</summary>
    public static string FormatOf(string path) => Folder(path) == Mixed ? Sniffed(path) : Folder(path);

    /// <summary>The folder right under samples/ that holds the file.</summary>
    public static string Folder(string path) => path.Split('/')[1];

    public static HostSnapshot Read(string relativePath, string? format = null)
    {
        var result = InputReader.ReadFile(RepoPaths.Combine(relativePath), new ListingOptions(relativePath, Format: format));
        return result.Snapshot ?? throw new InvalidOperationException(string.Join("; ", result.Diagnostics));
    }

    public static string Text(string relativePath) => File.ReadAllText(RepoPaths.Combine(relativePath));

    /// <summary>The socket read from the first line of the sample that contains <paramref name="fragment"/>.</summary>
    public static ListeningSocket SocketOn(HostSnapshot snapshot, string relativePath, string fragment)
    {
        var lines = File.ReadAllLines(RepoPaths.Combine(relativePath));
        var number = Array.FindIndex(lines, l => l.Contains(fragment, StringComparison.Ordinal)) + 1;
        Assert.True(number > 0, $"no line of {relativePath} contains '{fragment}'");
        return Assert.Single(snapshot.Sockets, s => s.Line == number);
    }

    /// <summary>The sample's golden <c>parse --format json</c>.</summary>
    public static string GoldenPath(string samplePath) =>
        RepoPaths.Combine("tests", "PortCompliance.Core.Tests", "Ingest", "Golden", Path.ChangeExtension(samplePath["samples/".Length..], ".json"));

    /// <summary>The sample's golden results.json under the built-in baseline.</summary>
    public static string ResultsGoldenPath(string samplePath) =>
        RepoPaths.Combine("tests", "PortCompliance.Core.Tests", "Evaluation", "Golden", Path.ChangeExtension(samplePath["samples/".Length..], ".results.json"));

    private static string Sniffed(string path) =>
        File.ReadLines(RepoPaths.Combine(path)).Select(l => ListingFormats.Sniff(l)).FirstOrDefault(f => f is not null)
        ?? ListingFormats.Unknown;
}

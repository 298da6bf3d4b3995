using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Support;

/// <summary>The genuine listings under samples/, grouped by the format their file names declare.</summary>
internal static class Samples
{
    /// <summary>Every sample of one format, as repo-relative paths (theory data shows them by name).</summary>
    public static TheoryData<string> Of(string format)
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(RepoPaths.Samples, "*.txt", SearchOption.AllDirectories)
                     .Select(RepoPaths.Relative)
                     .Where(p => !p.StartsWith("samples/fleet/", StringComparison.Ordinal)) // a fleet over two months: FleetSampleTests
                     .Where(p => FormatOf(p) == format)
                     .Order(StringComparer.Ordinal))
        {
            data.Add(path);
        }

        return data;
    }

    /// <summary>netstat files say so in their names; every other listing is ss.</summary>
    public static string FormatOf(string path) =>
        Path.GetFileName(path).Contains("netstat", StringComparison.Ordinal) ? NetstatParser.Key : SsParser.Key;

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

    public static string GoldenPath(string samplePath) =>
        RepoPaths.Combine("tests", "PortCompliance.Core.Tests", "Ingest", "Golden", Path.ChangeExtension(samplePath["samples/".Length..], ".json"));
}

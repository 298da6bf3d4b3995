namespace PortCompliance.Benchmarks;

/// <summary>The checkout's samples/ folder: benchmarks run on real captures, found from wherever BenchmarkDotNet runs them.</summary>
internal static class Samples
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PortCompliance.sln")))
            {
                return Path.Combine(dir.FullName, "samples");
            }
        }

        throw new InvalidOperationException("run the benchmark from inside the PortCompliance checkout");
    }
}

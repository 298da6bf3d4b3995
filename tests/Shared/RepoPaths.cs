namespace PortCompliance.Tests.Shared;

/// <summary>Finds the checkout the tests run from, so they read the real files in samples/.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A repo-relative path with forward slashes, as reports and goldens show it.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PortCompliance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no PortCompliance.sln above {AppContext.BaseDirectory}");
    }
}

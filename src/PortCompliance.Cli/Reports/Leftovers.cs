using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PortCompliance.Cli.Reports;

/// <summary>
/// What runs killed mid-way left in an output folder: their temporary report files, spools and staged host folders,
/// each named with the pid of the run that made it. A run removes those of runs that are gone, and never those of a
/// run still working in the same folder.
/// </summary>
internal static partial class Leftovers
{
    /// <summary>The host reports being written by this run, swapped in for <c>hosts/</c> at its end.</summary>
    public static string Staging(string folder) => Path.Combine(folder, $".run.{Environment.ProcessId}.tmp");

    /// <summary>Where the previous run's <c>hosts/</c> goes while this run's takes its place.</summary>
    public static string Retired(string folder) => Path.Combine(folder, $".hosts.{Environment.ProcessId}.old.tmp");

    /// <summary>Removes the leftovers of dead runs in <paramref name="folder"/> and its <c>hosts/</c>; tells how many.</summary>
    public static void Clean(string folder, CliConsole console)
    {
        var removed = 0;
        foreach (var place in new[] { folder, Path.Combine(folder, "hosts") }.Where(Directory.Exists))
        {
            foreach (var entry in new DirectoryInfo(place).EnumerateFileSystemInfos(".*.tmp"))
            {
                if (Owner().Match(entry.Name) is { Success: true } match && !IsRunning(int.Parse(match.Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture)))
                {
                    removed += Remove(entry) ? 1 : 0;
                }
            }
        }

        if (removed > 0)
        {
            console.Error.WriteLine($"portcompliance: removed {removed} temporary file(s) left in {folder} by interrupted runs");
        }
    }

    /// <summary>Moves this run's staged host reports into <c>hosts/</c>, the previous run's out of the way and then deleted.</summary>
    public static void Publish(string folder)
    {
        var staged = Path.Combine(Staging(folder), "hosts");
        var hosts = Path.Combine(folder, "hosts");
        var retired = Retired(folder);
        Directory.CreateDirectory(staged);
        DiskSync.Folder(staged); // staged without a flush per file: on disk before it replaces the last run's
        if (Directory.Exists(hosts))
        {
            Directory.Move(hosts, retired);
        }

        Directory.Move(staged, hosts);
        Remove(new DirectoryInfo(retired));
        Remove(new DirectoryInfo(Staging(folder)));
    }

    /// <summary>
    /// Removes a previous run's <c>hosts/</c> (this run writes none), out of the way first so it goes at once — unless a
    /// run still alive is writing into it (its temporary files are there once <see cref="Clean"/> has run).
    /// </summary>
    public static void Retire(string folder)
    {
        var hosts = Path.Combine(folder, "hosts");
        if (Directory.Exists(hosts) && !Directory.EnumerateFiles(hosts, "*.tmp").Any())
        {
            Directory.Move(hosts, Retired(folder));
            Remove(new DirectoryInfo(Retired(folder)));
        }
    }

    /// <summary>Alive, and a .NET or portcompliance process: a pid reused by another program does not keep the files.</summary>
    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            var name = process.ProcessName;
            return name.Contains("portcompliance", StringComparison.OrdinalIgnoreCase) || name is "dotnet" or "testhost" || process.HasExited is false && OnLinuxCommandLineNamesUs(pid);
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false; // exited while we looked
        }
    }

    private static bool OnLinuxCommandLineNamesUs(int pid)
    {
        var cmdline = $"/proc/{pid}/cmdline";
        try
        {
            return OperatingSystem.IsLinux() && File.Exists(cmdline) && File.ReadAllText(cmdline).Contains("portcompliance", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true; // cannot tell: keep its files
        }
    }

    private static bool Remove(FileSystemInfo entry)
    {
        try
        {
            if (entry is DirectoryInfo directory)
            {
                directory.Refresh();
                if (directory.Exists)
                {
                    directory.Delete(recursive: true);
                }
            }
            else
            {
                entry.Delete();
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // another run got there first, or it is not ours to remove: leave it
        }
    }

    // .results.json.<pid>.<n>.tmp and hosts/.web01.pdf.<pid>.<n>.tmp (AtomicFiles), .spool.<pid>.<guid>.tmp,
    // .run.<pid>.tmp (staged host reports), .hosts.<pid>.old.tmp (a previous hosts/ being replaced).
    [GeneratedRegex(@"^\.(?:spool\.(?<pid>\d+)\.[0-9a-f]{32}|run\.(?<pid>\d+)|hosts\.(?<pid>\d+)\.old|.+\.(?<pid>\d+)\.\d+)\.tmp$")]
    private static partial Regex Owner();
}

using System.Diagnostics;

namespace PortCompliance.Tests.Shared;

/// <summary>
/// FIFOs, devices and broken links in a temporary folder, and a guard that turns a hang on one into a failing test
/// instead of a CI job that never ends.
/// </summary>
internal static class SpecialFiles
{
    public static string Fifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.True(mkfifo.ExitCode == 0 && File.Exists(path), $"mkfifo {path} failed");
        return path;
    }

    public static string Link(string path, string target)
    {
        File.CreateSymbolicLink(path, target);
        return path;
    }

    /// <summary>Runs <paramref name="work"/>, failing after <paramref name="seconds"/>; a reader stuck on a FIFO is then released.</summary>
    public static T Within<T>(int seconds, Func<T> work, params string[] fifos)
    {
        var task = Task.Run(work);
        if (task.Wait(TimeSpan.FromSeconds(seconds)))
        {
            return task.Result;
        }

        foreach (var fifo in fifos)
        {
            // Opening the write end lets a reader blocked in open() go on, so the test host can exit.
            _ = Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Write).Dispose());
        }

        Assert.Fail($"did not finish within {seconds} s (a FIFO or a device was opened and read)");
        return default!;
    }
}

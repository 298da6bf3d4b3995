using System.Diagnostics;
using System.Text.Json;

namespace PortCompliance.Tests.Shared;

/// <summary>
/// PowerShell's own parser, run through the repository's local dotnet tool (<c>.config/dotnet-tools.json</c>:
/// PowerShell 7.6.9, restored on first use): what every PowerShell command the tool prints is checked with.
/// </summary>
internal static class PowerShell
{
    private static readonly Lazy<string> Restored = new(Restore);

    /// <summary>Every parse error, as (command, message); empty when every command parses.</summary>
    public static IReadOnlyList<(string Command, string Error)> ParseErrors(IReadOnlyList<string> commands)
    {
        _ = Restored.Value;
        var input = Path.Combine(Path.GetTempPath(), $"pc-ps-{Guid.NewGuid():N}.json");
        File.WriteAllText(input, JsonSerializer.Serialize(commands));
        try
        {
            var script = RepoPaths.Combine("tests", "Shared", "Tools", "parse-powershell.ps1");
            var output = Run("tool", "run", "pwsh", "-NoProfile", "-NonInteractive", "-File", script, input);
            return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => line.Split('\t', 2))
                .Select(parts => (commands[int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture)], parts[1]))];
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static string Restore() => Run("tool", "restore");

    private static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr.Result}{stdout}");
        }

        return stdout;
    }
}

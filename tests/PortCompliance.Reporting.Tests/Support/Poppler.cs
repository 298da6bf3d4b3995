using System.Diagnostics;

namespace PortCompliance.Reporting.Tests.Support;

/// <summary>
/// Reads a PDF back with poppler-utils (pdftotext, pdfinfo, pdffonts), the way an auditor's tools would —
/// what these show is what the report says, independent of how it was written.
/// </summary>
internal static class Poppler
{
    public static string Text(byte[] pdf, int? page = null) =>
        Run(pdf, "pdftotext", page is { } p ? ["-layout", "-f", $"{p}", "-l", $"{p}", "{pdf}", "-"] : ["-layout", "{pdf}", "-"]);

    public static IReadOnlyList<string> Pages(byte[] pdf) => Text(pdf).Split('\f')[..^1];

    public static int PageCount(byte[] pdf)
    {
        var line = Run(pdf, "pdfinfo", ["{pdf}"]).Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim());
    }

    /// <summary>pdffonts' rows: font name and its "emb" column, cut at the columns its dashed rule marks.</summary>
    public static IReadOnlyList<(string Name, string Embedded)> Fonts(byte[] pdf)
    {
        var lines = Run(pdf, "pdffonts", ["{pdf}"]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var starts = lines[1].Select((c, i) => (c, i)).Where(x => x.c == '-' && (x.i == 0 || lines[1][x.i - 1] == ' ')).Select(x => x.i).ToList();
        return [.. lines.Skip(2).Select(l => (l[..(starts[1] - 1)].Trim(), l[starts[3]..(starts[4] - 1)].Trim()))];
    }

    /// <summary>pdfsig's verdict on the first signature: whether it is valid, and whether it covers the whole document.</summary>
    public static (bool Valid, bool WholeDocument) Signature(byte[] pdf)
    {
        var lines = Tool(pdf, "pdfsig", ["{pdf}"]).Output.Split('\n').Select(l => l.Trim()).ToList();
        return (lines.Contains("- Signature Validation: Signature is Valid."), lines.Contains("- Total document signed"));
    }

    /// <summary>The files pdfdetach gives back (<c>-saveall</c>), by name.</summary>
    public static IReadOnlyDictionary<string, byte[]> Detached(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("pc-detach");
        try
        {
            Run(pdf, "pdfdetach", ["-saveall", "-o", folder.FullName, "{pdf}"]);
            return folder.EnumerateFiles().ToDictionary(f => f.Name, f => File.ReadAllBytes(f.FullName), StringComparer.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Runs a poppler tool on the PDF (<c>{pdf}</c> in the arguments is its path), which must succeed; what it printed.</summary>
    public static string Run(byte[] pdf, string tool, string[] arguments)
    {
        var (exit, output, error) = Tool(pdf, tool, arguments);
        Assert.True(exit == 0, $"{tool} failed ({exit}): {error}");
        return output;
    }

    /// <summary>Runs a poppler tool on the PDF, whatever it exits with (pdfsig fails on a bad signature).</summary>
    public static (int Exit, string Output, string Error) Tool(byte[] pdf, string tool, string[] arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pc-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument == "{pdf}" ? path : argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.Result);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

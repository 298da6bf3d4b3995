using System.Diagnostics;
using System.Security.Cryptography;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Cli.Tests;

/// <summary>report.pdf as <c>audit</c> writes it: by default, atomically, and byte for byte the same in every process.</summary>
public sealed class PdfReportTests : IDisposable
{
    private const string Sample = "samples/ss/ss-lntup-debian12-web.txt";
    private static readonly Dictionary<string, string?> Epoch = new() { ["SOURCE_DATE_EPOCH"] = "1795000000" };
    private readonly DirectoryInfo _out = Directory.CreateTempSubdirectory("pc-pdf");

    public void Dispose() => _out.Delete(recursive: true);

    [Fact]
    public void Should_Write_Report_Pdf_By_Default_Without_Leftover_Temporary_Files()
    {
        var run = CliRun.Of("audit", Sample, "--out", _out.FullName);

        Assert.Equal(1, run.ExitCode);
        var pdf = File.ReadAllBytes(Path.Combine(_out.FullName, "report.pdf"));
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        Assert.DoesNotContain(_out.EnumerateFiles(), f => f.Name.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_Write_A_Byte_Identical_Pdf_In_Another_Process()
    {
        CliRun.With("", Epoch, "audit", Sample, "--formats", "pdf", "--out", _out.FullName);
        var inProcess = SHA256.HashData(File.ReadAllBytes(Path.Combine(_out.FullName, "report.pdf")));
        var other = Path.Combine(_out.FullName, "other");

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "portcompliance.dll"), "audit", Sample, "--formats", "pdf", "--out", other })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SOURCE_DATE_EPOCH"] = Epoch["SOURCE_DATE_EPOCH"];
        start.Environment["TZ"] = "Pacific/Auckland";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 1, await error);
        Assert.Equal(inProcess, SHA256.HashData(File.ReadAllBytes(Path.Combine(other, "report.pdf"))));
    }
}

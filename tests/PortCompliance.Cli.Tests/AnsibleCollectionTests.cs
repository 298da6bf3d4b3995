using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Cli.Tests;

/// <summary>
/// samples/ansible/collect-listening.yml run for real against this machine (<c>-c local</c>): it must leave
/// <c>&lt;out&gt;/localhost.ss.txt</c>, a genuine <c>ss -lntup</c> listing that <c>audit</c> reads as host "localhost".
/// </summary>
public sealed class AnsibleCollectionTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pc-ansible");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Should_Collect_This_Machines_Listing_With_The_Sample_Playbook_And_Audit_It()
    {
        // a listener of our own, so the listing certainly holds one socket we can name
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var inputs = Path.Combine(_dir.FullName, "inputs", "2026-11");

        var (exitCode, output) = AnsiblePlaybook("-i", "localhost,", "-c", "local", "samples/ansible/collect-listening.yml", "-e", $"out={inputs}");

        Assert.True(exitCode == 0, $"ansible-playbook exited {exitCode}:\n{output}");
        var listing = Path.Combine(inputs, "localhost.ss.txt");
        Assert.True(File.Exists(listing), $"no {listing}; ansible-playbook said:\n{output}");
        var lines = File.ReadAllText(listing).Split('\n');
        Assert.StartsWith("Netid State  Recv-Q Send-Q", lines[0]);
        Assert.Equal("", lines[^1]);                                  // ends with ss's own final newline
        Assert.Contains(lines, l => l.StartsWith("tcp ", StringComparison.Ordinal) && l.Contains(" LISTEN ", StringComparison.Ordinal) && l.Contains($"127.0.0.1:{port} ", StringComparison.Ordinal));

        var reports = Path.Combine(_dir.FullName, "reports");
        var audit = CliRun.Of("audit", Path.Combine(_dir.FullName, "inputs", "2026-11"), "--out", reports, "--formats", "json");

        Assert.NotEqual(2, audit.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(reports, "results.json")));
        var host = Assert.Single(json.RootElement.GetProperty("hosts").EnumerateArray());
        Assert.Equal(("localhost", "ss"), (host.GetProperty("host").GetString(), host.GetProperty("format").GetString()));
        Assert.Equal(0, host.GetProperty("unparsed").GetArrayLength());
        var sockets = host.GetProperty("sockets").EnumerateArray().ToList();
        Assert.NotEmpty(sockets);
        Assert.Contains(sockets, s => s.GetProperty("port").GetInt32() == port && s.GetProperty("address").GetString() == "127.0.0.1");
    }

    /// <summary>Runs ansible-playbook from the repository root; kills it (and its children) when it overruns.</summary>
    private static (int ExitCode, string Output) AnsiblePlaybook(params string[] args)
    {
        var start = new ProcessStartInfo("ansible-playbook")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ANSIBLE_NOCOLOR"] = "1";
        start.Environment["ANSIBLE_FORCE_COLOR"] = "0";
        start.Environment["ANSIBLE_RETRY_FILES_ENABLED"] = "0";
        start.Environment["ANSIBLE_LOCALHOST_WARNING"] = "0";
        start.Environment["PWD"] = RepoPaths.Root;

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"cannot run ansible-playbook ({e.Message}): apt-get install ansible");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                Assert.Fail($"ansible-playbook did not finish within {Timeout.TotalSeconds} s:\n{stdout.Result}\n{stderr.Result}");
            }

            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }
}

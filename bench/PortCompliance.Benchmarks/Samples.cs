using System.Text;
using System.Text.RegularExpressions;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;

namespace PortCompliance.Benchmarks;

/// <summary>The checkout's samples/ folder: benchmarks run on real captures, found from wherever BenchmarkDotNet runs them.</summary>
internal static partial class Samples
{
    /// <summary>The built-in baseline policy every benchmark judges against.</summary>
    public static Policy Baseline => PolicyLoader.Load(PolicyLoader.BuiltInBaseline).Policy!;

    /// <summary>The audit settings of every benchmark: the fleet sample's audit date, failing on high.</summary>
    public static AuditSettings Settings => new(new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero), Severity.High, "bench");

    /// <summary>
    /// One host with <paramref name="sockets"/> listening sockets: the genuine ss sample's rows repeated on ports
    /// counted up from 20000 (about 1.3 findings a socket: approved-ports, wildcard-bind …).
    /// </summary>
    public static HostSnapshot LargeHost(int sockets)
    {
        var lines = File.ReadAllLines(Path.Combine(Root(), "ss", "ss-lntup-debian12-db.txt"));
        var rows = lines.Skip(1).Where(l => l.Length > 0).ToArray();
        var text = new StringBuilder(lines[0]).Append('\n');
        for (var i = 0; i < sockets; i++)
        {
            text.Append(LocalPort().Replace(rows[i % rows.Length], $"${{address}}:{20000 + i}${{peer}}", 1)).Append('\n');
        }

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
        return InputReader.Read(stream, new ListingOptions("big.ss.txt", Host: "big-db")).Snapshot!;
    }

    /// <summary>The local address column's port: the first <c>address:port</c> followed by the peer column.</summary>
    [GeneratedRegex(@"(?<address>\S+):\d+(?<peer>\s+\S+:\S+)")]
    private static partial Regex LocalPort();

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

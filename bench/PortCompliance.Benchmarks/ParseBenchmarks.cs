using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using PortCompliance.Core.Ingest;

namespace PortCompliance.Benchmarks;

/// <summary>
/// Reads a 100,000-line listing built by repeating the rows of a real capture (samples/), the way a big
/// host with many listeners — or a folder concatenated by a script — arrives. Lines/s is the figure to report.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LinesPerSecondConfig))]
public class ParseBenchmarks
{
    public const int Lines = 100_000;

    private byte[] _listing = [];

    /// <summary>
    /// A sample under samples/ (its folder is its format): every row a listener (ss -lntup), half of them ESTAB
    /// (ss -tunap), netstat with -e columns, and one capture of each further format.
    /// </summary>
    [Params("ss/ss-lntup-debian12-db.txt", "ss/ss-tunap-debian12-db.txt", "netstat/netstat-tulpen-debian12-db.txt",
        "windows-netstat/netstat-anob-win10-udp-flutter-issue53477-excerpt.txt",
        "powershell/Get-NetTCPConnection-default-table-thm-p1r4t3-github-54943218571.txt", "powershell/ConvertTo-Json-pwsh7.6.9-from-Get-NetTCPConnection-default-table-thm-p1r4t3-github-54943218571.txt",
        "lsof/lsof-i-P-n-debian12-db.txt",
        "bsd-netstat/netstat-anv-grep-LISTEN-macos-ko-blog-github-46592404304.txt",
        "sockstat/sockstat-4-l-freebsd-htb-poison-github-17561351635.txt")]
    public string Sample { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _listing = Build(Path.Combine(Samples.Root(), Sample), Lines);

    [Benchmark]
    public int Read()
    {
        var result = ListingReader.Read(new MemoryStream(_listing, writable: false), new ListingOptions("bench.txt"));
        return result.Snapshot!.Sockets.Count;
    }

    /// <summary>The sample's header once, then its body repeated until the listing has <paramref name="lines"/> lines.</summary>
    internal static byte[] Build(string sample, int lines)
    {
        var source = File.ReadAllLines(sample);
        var text = new StringBuilder().AppendLine(source[0]);
        for (var i = 1; i < lines; i++)
        {
            text.Append(source[1 + (i - 1) % (source.Length - 1)]).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private sealed class LinesPerSecondConfig : ManualConfig
    {
        public LinesPerSecondConfig() => AddColumn(new LinesPerSecondColumn());
    }

    private sealed class LinesPerSecondColumn : IColumn
    {
        public string Id => "LinesPerSecond";
        public string ColumnName => "Lines/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Listing lines read per second on one core (100,000 lines / mean time)";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            return mean is > 0 ? $"{Lines / (mean.Value / 1e9):N0}" : "-";
        }
    }
}

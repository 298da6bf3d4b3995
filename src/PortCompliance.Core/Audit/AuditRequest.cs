using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;

namespace PortCompliance.Core.Audit;

/// <summary>
/// Everything one audit run needs: the hosts to read (named, each with its outside scan), the policy, the clock,
/// failure threshold and inventory (<see cref="Settings"/>), and last month's results to compare with.
/// </summary>
public sealed record AuditRequest
{
    /// <summary>The hosts, in report order; each is read when its turn comes.</summary>
    public required IReadOnlyList<HostInput> Hosts { get; init; }

    /// <summary>The listing format <c>--input-format</c> forced, or null to sniff each input.</summary>
    public string? Format { get; init; }

    public required Policy.Policy Policy { get; init; }

    public ServiceCatalogue Catalogue { get; init; } = ServiceCatalogue.BuiltIn;

    public required AuditSettings Settings { get; init; }

    /// <summary>A previous run's results (<c>--baseline</c>): every host is compared with its state there.</summary>
    public AuditResult? Baseline { get; init; }

    /// <summary>Inputs that failed before any host was read (a missing file, an unreadable nmap scan).</summary>
    public IReadOnlyList<InputProblem> InputErrors { get; init; } = [];

    /// <summary>
    /// Hosts already read (tests, the benchmarks): one host per snapshot, in order, each joined with the latest outside
    /// scan of its name; a host only scanned comes last.
    /// </summary>
    public static IReadOnlyList<HostInput> Read(IReadOnlyList<HostSnapshot> hosts, IReadOnlyList<ExternalScan> scans)
    {
        var byHost = ExternalScan.LatestByHost(scans);
        var listed = hosts.Select(h => h.Host).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. hosts.Select(h => new HostInput(h.Host, [new PlannedInput(new InputFile(h.Source), new IngestResult(h, []))], byHost.GetValueOrDefault(h.Host))),
            .. byHost.Values.Where(s => !listed.Contains(s.Host)).Select(s => new HostInput(s.Host, [], s)),
        ];
    }
}

using System.Security.Cryptography;
using System.Text;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;

namespace PortCompliance.Reporting;

/// <summary>
/// What the cover and the method statement say about a run's inputs, counted host by host (a fleet streams through
/// it): the report id, the input files, the formats read and the hosts collected without root.
/// </summary>
internal sealed class RunEvidence
{
    private readonly IncrementalHash _id = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly HashSet<string> _inputs = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _formats = new(StringComparer.Ordinal);

    public RunEvidence(AuditResult run) => _id.AppendData(Encoding.UTF8.GetBytes($"{run.Policy.Sha256}\n{run.AuditDate:yyyy-MM-dd}"));

    public static RunEvidence Of(AuditResult result)
    {
        var evidence = new RunEvidence(result);
        foreach (var host in result.Hosts)
        {
            evidence.Add(host);
        }

        return evidence;
    }

    public void Add(HostResult host)
    {
        _id.AppendData(Encoding.UTF8.GetBytes("\n" + host.Sha256));
        _inputs.Add(host.Source);
        _inputs.UnionWith((host.MergedFrom ?? []).Select(m => m.Source));
        if (host.Scan is { } scan)
        {
            _inputs.Add(scan.Source);
        }

        _formats.Add(host.Format);
        CollectedWithoutRoot += host.Findings.Any(f => f.Rule == RuleIds.UnknownProcess) ? 1 : 0;
    }

    /// <summary>The first 12 hex digits of a hash over the policy, the audit date and every input, in report order.</summary>
    public string ReportId => "PC-" + Convert.ToHexStringLower(_id.GetCurrentHash())[..12].ToUpperInvariant();

    public int InputFiles => _inputs.Count;

    public IReadOnlyList<string> Formats => [.. _formats];

    /// <summary>Hosts whose listing shows no owner for some socket (unknown-process findings).</summary>
    public int CollectedWithoutRoot { get; private set; }
}

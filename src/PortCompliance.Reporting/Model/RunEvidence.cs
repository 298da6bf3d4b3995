using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using PortCompliance.Core.Model;

namespace PortCompliance.Reporting.Model;

/// <summary>
/// What the cover and the method statement say about a run's inputs, counted host by host (a fleet streams through
/// it): the report id, the input files and the formats read.
/// </summary>
internal sealed class RunEvidence
{
    // What the report id hashes, kept as bytes (65 per host) rather than in an OpenSSL digest that would need disposing.
    private readonly ArrayBufferWriter<byte> _id = new();
    private readonly HashSet<string> _inputs = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _formats = new(StringComparer.Ordinal);
    private readonly SortedDictionary<HostOs, int> _systems = [];

    public RunEvidence(AuditResult run) => Encoding.UTF8.GetBytes($"{run.Policy.Sha256}\n{run.AuditDate:yyyy-MM-dd}", _id);

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
        Encoding.UTF8.GetBytes("\n" + host.Sha256, _id);
        _inputs.Add(host.Source);
        _inputs.UnionWith((host.MergedFrom ?? []).Select(m => m.Source));
        if (host.Scan is { } scan)
        {
            _inputs.Add(scan.Source);
        }

        _formats.Add(host.Format);
        _systems[host.Os] = _systems.GetValueOrDefault(host.Os) + 1;
    }

    /// <summary>The first 12 hex digits of a hash over the policy, the audit date and every input, in report order.</summary>
    public string ReportId => "PC-" + Convert.ToHexStringLower(SHA256.HashData(_id.WrittenSpan))[..12].ToUpperInvariant();

    public int InputFiles => _inputs.Count;

    public IReadOnlyList<string> Formats => [.. _formats];

    /// <summary>The hosts by OS, as the cover's scope says it: <c>3 Linux, 1 Windows, 1 macOS</c> (known OSes first).</summary>
    public string Systems => string.Join(", ", _systems
        .OrderBy(s => s.Key == HostOs.Unknown)
        .Select(s => $"{s.Value} {s.Key.Label()}"));
}

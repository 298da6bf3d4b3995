namespace PortCompliance.Core.Model;

/// <summary>One row of the inventory: a host the audit expects, with its tags, owner and environment.</summary>
public sealed record InventoryHost(string Host, IReadOnlyList<string> Tags, string? Owner, string? Environment, string? Pattern, int Line)
{
    /// <summary>The host's OS as the inventory records it; it outranks what the listing suggests.</summary>
    public HostOs? Os { get; init; }
}

/// <summary>
/// The fleet inventory (<c>--inventory hosts.csv</c>, read by <c>InventoryReader</c>): tags feed policy groups, owners
/// go into the reports, and a host with no input is reported as not collected. A row's <c>pattern</c> (a glob on the
/// input path) names the host of files whose names are not host names.
/// </summary>
public sealed class Inventory
{
    private readonly Dictionary<string, InventoryHost> _byName;

    public Inventory(IReadOnlyList<InventoryHost> hosts)
    {
        Hosts = hosts;
        _byName = hosts.DistinctBy(h => h.Host).ToDictionary(h => h.Host, StringComparer.Ordinal);
    }

    public IReadOnlyList<InventoryHost> Hosts { get; }

    /// <summary>The file read, by path and hash: evidence the reports carry.</summary>
    public EvidenceFileRef? File { get; init; }

    public InventoryHost? Find(string host) => _byName.GetValueOrDefault(host);

    /// <summary>The host an input belongs to: the name it gives if inventoried, else the first row whose pattern matches its path.</summary>
    public string Assign(string host, string source) =>
        Find(host) is null && Hosts.FirstOrDefault(h => h.Pattern is { } p && Glob.IsMatch(source, p)) is { } owner ? owner.Host : host;
}

namespace PortCompliance.Reporting.Evidence;

/// <summary>What an attached file is to the audit: the word before the colon of its description and its name's prefix.</summary>
public enum EvidenceKind
{
    /// <summary>An input listing (or nmap scan) the report judged.</summary>
    Listing,

    /// <summary>A policy file, <c>extends:</c> included.</summary>
    Policy,

    /// <summary>The <c>--inventory</c> file.</summary>
    Inventory,

    /// <summary>The <c>--baseline</c> results.json.</summary>
    Baseline,

    /// <summary>This report's own results.json.</summary>
    Results,
}

/// <summary>The one place that names evidence kinds.</summary>
public static class EvidenceKinds
{
    public static string Name(this EvidenceKind kind) => kind switch
    {
        EvidenceKind.Listing => "listing",
        EvidenceKind.Policy => "policy",
        EvidenceKind.Inventory => "inventory",
        EvidenceKind.Baseline => "baseline",
        EvidenceKind.Results => "results",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind a description (<c>listing: samples/web01.ss.txt</c>) names, or null.</summary>
    public static EvidenceKind? Parse(string name) =>
        Enum.GetValues<EvidenceKind>().Cast<EvidenceKind?>().FirstOrDefault(k => k!.Value.Name() == name);
}

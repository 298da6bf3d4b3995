using System.Reflection;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Policy;

/// <summary>A service an auditor meets, with what to change in its own config to fix an exposure.</summary>
public sealed record CatalogueService
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Category { get; init; }
    public required IReadOnlyList<PortRange> Ports { get; init; }
    public required IReadOnlyList<string> Processes { get; init; }
    public required bool LoopbackOnly { get; init; }
    public required string Risk { get; init; }
    public required ServiceRemediation Remediation { get; init; }

    /// <summary>The OSes the service exists on (<c>os:</c>); empty: any. On a host of another OS it is never named.</summary>
    public IReadOnlyList<HostOs> Systems { get; init; } = [];

    public bool RunsOn(HostOs os) => Systems.Count == 0 || Systems.Contains(os);
}

/// <summary>
/// How to fix the service: on Linux (the top-level fields; null for a service that does not run on Linux), and on each
/// other OS that has its own block (<c>windows:</c>, <c>macos:</c>, <c>freebsd:</c>, <c>openbsd:</c>).
/// </summary>
public sealed record ServiceRemediation(
    string? Config, string? Directive, string? Restart, string? FirewallUfw, string? FirewallNft, string? Disable, string? Verify, string? Notes)
{
    public IReadOnlyDictionary<HostOs, OsRemediation> ForOs { get; init; } = new Dictionary<HostOs, OsRemediation>();

    /// <summary>True when the top-level (Linux) fields are given.</summary>
    public bool HasLinux => Directive is not null;
}

/// <summary>One OS's fix of a service: the setting (in <paramref name="Config"/>, when it lives in a file), how to apply it, how to stop the service, how to check.</summary>
public sealed record OsRemediation(string? Config, string Directive, string Restart, string Disable, string Verify, string? Notes);

/// <summary>The service catalogue (<c>policies/services.yaml</c>): data an auditor can read, not code.</summary>
public sealed class ServiceCatalogue
{
    public const string BuiltInName = "policies/services.yaml";

    private static readonly Lazy<ServiceCatalogue> Embedded = new(LoadBuiltIn);

    private ServiceCatalogue(IReadOnlyList<CatalogueService> services, string sha256)
    {
        Services = services;
        Sha256 = sha256;
        _owners = new(() => services.SelectMany(s => s.Processes.Distinct()).CountBy(p => p).ToDictionary(x => x.Key, x => x.Value));
    }

    public static ServiceCatalogue BuiltIn => Embedded.Value;

    public IReadOnlyList<CatalogueService> Services { get; }

    public string Sha256 { get; }

    public CatalogueService? Find(string id) => Services.FirstOrDefault(s => s.Id == id);

    /// <summary>
    /// What the socket is: a service whose process and port both match; else the one service a distinctive
    /// process name belongs to (postgres on 5433); else, only when the listing shows no process, the service
    /// whose port it is. A known process on a foreign port (nginx on 8080) is not guessed at.
    /// </summary>
    /// <remarks>
    /// Only services that run on <paramref name="os"/> are named, those made for it first: port 445 is the Windows SMB
    /// server on Windows and Samba elsewhere.
    /// </remarks>
    public CatalogueService? Identify(ListeningSocket socket, HostOs os = HostOs.Linux)
    {
        // A fleet of similar hosts asks the same few questions: remember the answers by port and process names.
        var key = (socket.Proto, socket.Port, os, string.Join('\n', socket.Processes.Select(p => p.Name ?? "\0"))); // a pid alone is not "no process"
        return _identified.TryGetValue(key, out var known) ? known : _identified.GetOrAdd(key, Lookup(socket, os));
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Protocol, int, HostOs, string), CatalogueService?> _identified = new();

    private CatalogueService? Lookup(ListeningSocket socket, HostOs os)
    {
        bool ByProcess(CatalogueService s) => ProcessNames.AnyMatches(socket.Processes, s.Processes);
        bool ByPort(CatalogueService s) => PortRange.AnyContains(s.Ports, socket.Proto, socket.Port);

        var candidates = Services.Where(s => s.RunsOn(os)).OrderBy(s => s.Systems.Count == 0); // made for this OS first
        var byProcess = candidates.Where(ByProcess).ToList();
        return byProcess.FirstOrDefault(ByPort)
               ?? (byProcess.Count == 1 && byProcess[0].Processes.Any(IsDistinctive) ? byProcess[0] : null)
               ?? (socket.Processes.All(p => p.Name is null) ? candidates.FirstOrDefault(ByPort) : null);
    }

    /// <summary>A process name only one service uses: <c>postgres</c> is, <c>java</c> and <c>systemd</c> are not.</summary>
    public bool IsDistinctive(string process) => _owners.Value.TryGetValue(process, out var count) && count == 1;

    private readonly Lazy<Dictionary<string, int>> _owners;

    public static (ServiceCatalogue? Catalogue, IReadOnlyList<Diagnostic> Diagnostics) Read(byte[] content, string source)
    {
        var diagnostics = new List<Diagnostic>();
        var root = YamlTree.Parse(PolicyText.Decode(content), source, diagnostics);
        var reader = new NodeReader(source, diagnostics);
        var top = reader.Mapping(root, "the catalogue");
        if (top is null)
        {
            return (null, diagnostics);
        }

        reader.Keys(top, "the catalogue", "services");
        var services = reader.Items(reader.Required(top, "services", "the catalogue"), "services")
            .Select(node => ReadService(node, reader))
            .OfType<CatalogueService>()
            .ToList();
        foreach (var duplicate in services.GroupBy(s => s.Id).Where(g => g.Count() > 1))
        {
            diagnostics.Add(new Diagnostic(source, 0, 0, DiagnosticSeverity.Error, $"service id '{duplicate.Key}' is used {duplicate.Count()} times"));
        }

        return diagnostics.Count > 0 ? (null, diagnostics) : (new ServiceCatalogue(services, PolicyText.Sha256(content)), diagnostics);
    }

    private static CatalogueService? ReadService(YamlNode node, NodeReader reader)
    {
        var map = reader.Mapping(node, "a service");
        if (map is null)
        {
            return null;
        }

        reader.Keys(map, "a service", "id", "name", "category", "os", "tcp", "udp", "processes", "loopback_only", "risk", "remediation");
        var id = reader.String(reader.Required(map, "id", "a service"), "id");
        var what = $"service '{id}'";
        var systems = reader.Systems(NodeReader.Get(map, "os"), $"os of {what}");
        var fix = reader.Mapping(reader.Required(map, "remediation", what), $"remediation of {what}");
        if (fix is not null)
        {
            reader.Keys(fix, $"remediation of {what}", [.. LinuxKeys, .. OtherSystems.Select(o => o.Name())]);
        }

        string? Text(YamlMapping? m, string key) => m is null ? null : reader.String(reader.Required(m, key, what), key);
        var onLinux = systems.Count == 0 || systems.Contains(HostOs.Linux);
        string? LinuxText(string key) => onLinux ? Text(fix, key) : null;
        var service = new CatalogueService
        {
            Id = id ?? "",
            Name = Text(map, "name") ?? "",
            Category = Text(map, "category") ?? "",
            Ports = [.. reader.Ports(NodeReader.Get(map, "tcp"), Protocol.Tcp, $"tcp of {what}"), .. reader.Ports(NodeReader.Get(map, "udp"), Protocol.Udp, $"udp of {what}")],
            Processes = reader.Strings(reader.Required(map, "processes", what), $"processes of {what}"),
            LoopbackOnly = reader.Bool(reader.Required(map, "loopback_only", what), "loopback_only") ?? false,
            Risk = Text(map, "risk") ?? "",
            Systems = systems,
            Remediation = new ServiceRemediation(
                LinuxText("config"), LinuxText("directive"), LinuxText("restart"), LinuxText("firewall_ufw"),
                LinuxText("firewall_nft"), LinuxText("disable"), LinuxText("verify"),
                fix is null ? null : reader.String(NodeReader.Get(fix, "notes"), "notes"))
            {
                ForOs = ReadOtherSystems(fix, reader, what),
            },
        };
        if (!onLinux && fix is not null && LinuxKeys.FirstOrDefault(k => NodeReader.Get(fix, k) is not null && k != "notes") is { } stray)
        {
            reader.Error(fix, $"{what} does not run on Linux (os: {string.Join(", ", systems.Select(o => o.Name()))}), so its remediation has no '{stray}'; put the fix under its OS's key");
        }

        foreach (var os in systems.Where(o => o != HostOs.Linux && !service.Remediation.ForOs.ContainsKey(o)))
        {
            reader.Error(fix ?? map, $"{what} runs on {os.Name()} but its remediation has no '{os.Name()}:' block");
        }
        if (service.Ports.Count == 0)
        {
            reader.Error(map, $"{what} needs at least one port under tcp or udp");
        }

        return service;
    }

    private static readonly string[] LinuxKeys = ["config", "directive", "restart", "firewall_ufw", "firewall_nft", "disable", "verify", "notes"];

    /// <summary>The OSes a remediation may have a block of its own for: every OS but Linux (the top level) and unknown.</summary>
    private static readonly HostOs[] OtherSystems = [.. Enum.GetValues<HostOs>().Where(o => o is not (HostOs.Linux or HostOs.Unknown))];

    private static Dictionary<HostOs, OsRemediation> ReadOtherSystems(YamlMapping? fix, NodeReader reader, string what)
    {
        var blocks = new Dictionary<HostOs, OsRemediation>();
        foreach (var os in OtherSystems)
        {
            var where = $"{os.Name()} remediation of {what}";
            if (reader.Mapping(NodeReader.Get(fix, os.Name()), where) is not { } block)
            {
                continue;
            }

            reader.Keys(block, where, "config", "directive", "restart", "disable", "verify", "notes");
            string Required(string key) => reader.String(reader.Required(block, key, where), key) ?? "";
            blocks[os] = new OsRemediation(
                reader.String(NodeReader.Get(block, "config"), "config"), Required("directive"), Required("restart"), Required("disable"),
                Required("verify"), reader.String(NodeReader.Get(block, "notes"), "notes"));
        }

        return blocks;
    }

    private static ServiceCatalogue LoadBuiltIn()
    {
        var (catalogue, diagnostics) = Read(BuiltInResources.Read(BuiltInName), BuiltInName);
        return catalogue ?? throw new InvalidOperationException(
            "the built-in service catalogue is invalid: " + string.Join("; ", diagnostics));
    }
}

/// <summary>The files from <c>policies/</c> compiled into the tool.</summary>
public static class BuiltInResources
{
    public const string Prefix = "builtin:";

    public static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"{name} is not built into PortCompliance.Core");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static bool Exists(string name) => Assembly.GetExecutingAssembly().GetManifestResourceInfo(name) is not null;
}

/// <summary>Policy bytes: hashed exactly as stored (what <c>sha256sum</c> prints), decoded as UTF-8 with or without BOM.</summary>
public static class PolicyText
{
    public static string Sha256(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

    public static string Decode(byte[] content) =>
        new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(content).TrimStart('\uFEFF');
}

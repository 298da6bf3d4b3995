using PortCompliance.Core.Model;

namespace PortCompliance.Core.Policy;

/// <summary>Turns one policy file's YAML tree into a <see cref="PolicyFile"/>, reporting every problem found.</summary>
internal sealed class PolicyFileReader(NodeReader reader, ServiceCatalogue catalogue)
{
    private static readonly string[] SettingKeys = ["enabled", "severity", "controls"];

    public PolicyFile Read(YamlNode? root, string sha256)
    {
        var top = reader.Mapping(root, "a policy file");
        if (top is null)
        {
            if (root is null)
            {
                reader.Error(new YamlScalar(1, 1, "", false), "the policy file is empty");
            }

            return new PolicyFile { Source = reader.File, Sha256 = sha256, Rules = new PartialRules() };
        }

        reader.Keys(top, "a policy file", "policy", "title", "description", "extends", "rules", "groups", "waivers");
        reader.String(NodeReader.Get(top, "description"), "description");
        return new PolicyFile
        {
            Source = reader.File,
            Sha256 = sha256,
            Id = reader.String(NodeReader.Get(top, "policy"), "policy"),
            Title = reader.String(NodeReader.Get(top, "title"), "title"),
            Extends = [.. reader.Items(NodeReader.Get(top, "extends"), "extends")
                .Select(node => (Path: reader.String(node, "each entry of extends"), node))
                .Where(x => x.Path is not null)
                .Select(x => (x.Path!, x.node))],
            Rules = ReadRules(NodeReader.Get(top, "rules"), "rules", inGroup: false),
            Groups = [.. reader.Items(NodeReader.Get(top, "groups"), "groups").Select(ReadGroup).OfType<HostGroup>()],
            Waivers = [.. reader.Items(NodeReader.Get(top, "waivers"), "waivers").Select(ReadWaiver).OfType<Waiver>()],
        };
    }

    private PartialRules ReadRules(YamlNode? node, string what, bool inGroup)
    {
        var map = reader.Mapping(node, what);
        if (map is null)
        {
            return new PartialRules();
        }

        reader.Keys(map, what, [.. inGroup ? RuleIds.PolicyRules : RuleIds.All]);
        var settings = new Dictionary<string, PartialSettings>();
        var rules = new PartialRules();
        foreach (var (key, value) in map.Entries)
        {
            var rule = key.Value;
            if (!RuleIds.All.Contains(rule))
            {
                continue;
            }

            var body = reader.Mapping(value, $"rule '{rule}'") ?? new YamlMapping(value.Line, value.Column, []);
            reader.Keys(body, $"rule '{rule}'", [.. inGroup ? [] : SettingKeys, .. ListKeys(rule)]);
            if (!inGroup)
            {
                settings[rule] = new PartialSettings(
                    reader.Bool(NodeReader.Get(body, "enabled"), $"{rule}: enabled"),
                    reader.Severity(NodeReader.Get(body, "severity"), $"{rule}: severity"),
                    NodeReader.Get(body, "controls") is { } controls ? reader.Strings(controls, $"{rule}: controls") : null);
            }

            rules = ReadLists(rule, body, rules);
        }

        return rules with { Settings = settings };
    }

    private static string[] ListKeys(string rule) => rule switch
    {
        RuleIds.WildcardBind => ["allow"],
        RuleIds.ApprovedPorts => ["tcp", "udp"],
        RuleIds.LoopbackOnly => ["services"],
        RuleIds.ForbiddenPorts or RuleIds.ExpectedProcess => ["ports"],
        _ => [],
    };

    private PartialRules ReadLists(string rule, YamlMapping body, PartialRules rules)
    {
        YamlNode? Get(string key) => NodeReader.Get(body, key);
        return rule switch
        {
            RuleIds.WildcardBind when Get("allow") is { } allow => rules with
            {
                WildcardAllow = [.. reader.Items(allow, "wildcard-bind: allow").Select(ReadAllow).OfType<PortRange>()],
            },
            RuleIds.ApprovedPorts when Get("tcp") is not null || Get("udp") is not null => rules with
            {
                ApprovedPorts = [.. ReadApproved(Get("tcp"), Protocol.Tcp), .. ReadApproved(Get("udp"), Protocol.Udp)],
            },
            RuleIds.LoopbackOnly when Get("services") is { } services => rules with
            {
                LoopbackOnly = [.. reader.Items(services, "loopback-only: services").Select(ReadService).OfType<ServiceMatch>()],
            },
            RuleIds.ForbiddenPorts when Get("ports") is { } ports => rules with
            {
                Forbidden = [.. reader.Items(ports, "forbidden-ports: ports").Select(ReadForbidden).OfType<ForbiddenPort>()],
            },
            RuleIds.ExpectedProcess when Get("ports") is { } ports => rules with
            {
                Expected = [.. reader.Items(ports, "expected-process: ports").Select(ReadExpected).OfType<ExpectedProcess>()],
            },
            _ => rules,
        };
    }

    /// <summary>
    /// An <c>approved-ports</c> list of one protocol: ports and ranges as plain items (<c>22</c>, <c>"8000-8010"</c>), or
    /// as <c>{ port, justification, approved_by, approved_on }</c> to record the approval beside the port.
    /// </summary>
    private IEnumerable<ApprovedPort> ReadApproved(YamlNode? list, Protocol proto)
    {
        var what = $"approved-ports: {proto.Name()}";
        foreach (var item in reader.Items(list, what))
        {
            var map = item as YamlMapping;
            if (map is not null)
            {
                reader.Keys(map, $"an entry of {what}", "port", "justification", "approved_by", "approved_on");
            }

            var port = reader.Port(map is null ? item : reader.Required(map, "port", $"an entry of {what}"), proto, $"each port in {what}");
            var approval = map is null ? Approval.None : new Approval(
                reader.String(NodeReader.Get(map, "justification"), "justification"),
                reader.String(NodeReader.Get(map, "approved_by"), "approved_by"),
                reader.Date(NodeReader.Get(map, "approved_on"), "approved_on"));
            if (port is not null)
            {
                yield return new ApprovedPort(port, approval, reader.File, item.Line, item.Column);
            }
        }
    }

    /// <summary><c>{ proto: tcp, port: 22 }</c>; without proto it allows both.</summary>
    private PortRange? ReadAllow(YamlNode node)
    {
        var map = reader.Mapping(node, "each wildcard-bind allow entry");
        if (map is null)
        {
            return null;
        }

        reader.Keys(map, "a wildcard-bind allow entry", "proto", "port");
        return reader.Port(reader.Required(map, "port", "a wildcard-bind allow entry"), reader.Proto(NodeReader.Get(map, "proto"), "proto"), "port");
    }

    /// <summary>A catalogue id (<c>postgresql</c>) or <c>{ name, ports, processes }</c>.</summary>
    private ServiceMatch? ReadService(YamlNode node)
    {
        if (node is YamlScalar { Value: var id } scalar)
        {
            if (catalogue.Find(id) is { } known)
            {
                // By process only where the name is the service's alone: any Java app is not Cassandra.
                return new ServiceMatch(known.Name, known.Ports, [.. known.Processes.Where(catalogue.IsDistinctive)], known.Id);
            }

            reader.Error(scalar, $"unknown service '{id}' in loopback-only; catalogue ids include {string.Join(", ", catalogue.Services.Where(s => s.LoopbackOnly).Select(s => s.Id).Take(12))} …");
            return null;
        }

        var map = reader.Mapping(node, "each loopback-only service");
        if (map is null)
        {
            return null;
        }

        reader.Keys(map, "a loopback-only service", "name", "ports", "processes", "proto");
        var name = reader.String(reader.Required(map, "name", "a loopback-only service"), "name");
        var proto = reader.Proto(NodeReader.Get(map, "proto"), "proto");
        var ports = reader.Ports(NodeReader.Get(map, "ports"), proto, $"ports of {name}");
        var processes = reader.Strings(NodeReader.Get(map, "processes"), $"processes of {name}");
        if (ports.Count == 0 && processes.Count == 0)
        {
            reader.Error(map, $"service '{name}' needs ports or processes to be recognised by");
        }

        return name is null ? null : new ServiceMatch(name, ports, processes, catalogue.Services.FirstOrDefault(s => s.Name == name)?.Id);
    }

    private ForbiddenPort? ReadForbidden(YamlNode node)
    {
        var map = reader.Mapping(node, "each forbidden port");
        if (map is null)
        {
            return null;
        }

        reader.Keys(map, "a forbidden port", "proto", "port", "reason");
        var port = reader.Port(reader.Required(map, "port", "a forbidden port"), reader.Proto(NodeReader.Get(map, "proto"), "proto"), "port");
        var reason = reader.String(reader.Required(map, "reason", "a forbidden port (auditors need the why)"), "reason");
        return port is null || reason is null ? null : new ForbiddenPort(port, reason);
    }

    private ExpectedProcess? ReadExpected(YamlNode node)
    {
        var map = reader.Mapping(node, "each expected-process entry");
        if (map is null)
        {
            return null;
        }

        reader.Keys(map, "an expected-process entry", "proto", "port", "processes");
        var port = reader.Port(reader.Required(map, "port", "an expected-process entry"), reader.Proto(NodeReader.Get(map, "proto"), "proto"), "port");
        var processes = reader.Strings(reader.Required(map, "processes", "an expected-process entry"), "processes");
        return port is null || processes.Count == 0 ? null : new ExpectedProcess(port, processes);
    }

    private HostGroup? ReadGroup(YamlNode node)
    {
        var map = reader.Mapping(node, "each group");
        if (map is null)
        {
            return null;
        }

        reader.Keys(map, "a group", "name", "match", "rules");
        var name = reader.String(reader.Required(map, "name", "a group"), "name");
        var match = reader.Mapping(reader.Required(map, "match", $"group '{name}'"), $"match of group '{name}'");
        if (match is not null)
        {
            reader.Keys(match, $"match of group '{name}'", "hosts", "tags", "os");
        }

        var hosts = reader.Strings(NodeReader.Get(match, "hosts"), "hosts");
        var tags = reader.Strings(NodeReader.Get(match, "tags"), "tags");
        var systems = reader.Systems(NodeReader.Get(match, "os"), "os");
        if (match is not null && hosts.Count == 0 && tags.Count == 0 && NodeReader.Get(match, "os") is null)
        {
            reader.Error(match, $"group '{name}' matches no host: give hosts (globs), tags or os");
        }

        var rules = ReadRules(reader.Required(map, "rules", $"group '{name}'"), $"rules of group '{name}'", inGroup: true);
        return name is null ? null : new HostGroup(name, hosts, tags, rules.Complete()) { Systems = systems };
    }

    private Waiver? ReadWaiver(YamlNode node)
    {
        var map = reader.Mapping(node, "each waiver");
        if (map is null)
        {
            return null;
        }

        const string what = "a waiver";
        reader.Keys(map, what, "rule", "hosts", "proto", "port", "reason", "ticket", "expires", "owner", "approved_by", "approver", "justification",
            "compensating_control");
        var rule = reader.String(reader.Required(map, "rule", what), "rule");
        if (rule is not null && !RuleIds.All.Contains(rule))
        {
            reader.Error(NodeReader.Get(map, "rule")!, $"unknown rule '{rule}' (rules: {string.Join(", ", RuleIds.All)})");
        }

        var hostsNode = reader.Required(map, "hosts", what);
        var hosts = hostsNode is YamlScalar single ? [single.Value] : reader.Strings(hostsNode, "hosts");
        var proto = reader.Proto(NodeReader.Get(map, "proto"), "proto");
        var port = reader.Port(NodeReader.Get(map, "port"), proto, "port");
        var reason = reader.String(reader.Required(map, "reason", what), "reason");
        var ticket = reader.String(reader.Required(map, "ticket", what), "ticket");
        var expires = reader.Date(reader.Required(map, "expires", what), "expires");
        var approvedBy = ApprovedBy(map);
        if (rule is null || hosts.Count == 0 || reason is null || ticket is null || expires is null)
        {
            return null;
        }

        return new Waiver
        {
            Rule = rule, Hosts = hosts, Proto = proto, Ports = port, Reason = reason, Ticket = ticket,
            Expires = expires.Value, Owner = reader.String(NodeReader.Get(map, "owner"), "owner"), ApprovedBy = approvedBy,
            Justification = reader.String(NodeReader.Get(map, "justification"), "justification"),
            CompensatingControl = reader.String(NodeReader.Get(map, "compensating_control"), "compensating_control"),
            Source = reader.File, Line = map.Line, Column = map.Column,
        };
    }

    /// <summary><c>approved_by</c>, or <c>approver</c> as waivers first called it; not both.</summary>
    private string? ApprovedBy(YamlMapping waiver)
    {
        var (name, older) = (NodeReader.Get(waiver, "approved_by"), NodeReader.Get(waiver, "approver"));
        if (name is not null && older is not null)
        {
            reader.Error(waiver.Entries.First(e => e.Key.Value == "approver").Key,
                "a waiver has one approver: give approved_by (approver is its older name), not both");
        }

        return name is not null ? reader.String(name, "approved_by") : reader.String(older, "approver");
    }
}

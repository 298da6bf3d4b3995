using PortCompliance.Core.Model;

namespace PortCompliance.Core.Policy;

/// <summary>
/// Reads typed values out of a <see cref="YamlNode"/> tree, recording a <c>file:line:col</c> diagnostic for
/// every problem and carrying on, so that one run reports everything that is wrong.
/// </summary>
internal sealed class NodeReader(string file, List<Diagnostic> diagnostics)
{
    public string File => file;

    public void Error(YamlNode node, string message) =>
        diagnostics.Add(new Diagnostic(file, node.Line, node.Column, DiagnosticSeverity.Error, message));

    public YamlMapping? Mapping(YamlNode? node, string what)
    {
        if (node is YamlMapping mapping)
        {
            return mapping;
        }

        if (node is not null)
        {
            Error(node, $"{what} must be a mapping (key: value lines)");
        }

        return null;
    }

    /// <summary>Reports keys outside <paramref name="allowed"/>, suggesting the nearest one for a typo.</summary>
    public void Keys(YamlMapping mapping, string what, params string[] allowed)
    {
        foreach (var (key, _) in mapping.Entries)
        {
            if (!allowed.Contains(key.Value, StringComparer.Ordinal))
            {
                var hint = Spelling.Nearest(key.Value, allowed) is { } near ? $"; did you mean '{near}'?" : "";
                Error(key, $"unknown key '{key.Value}' in {what}{hint} (allowed: {string.Join(", ", allowed)})");
            }
        }
    }

    public static YamlNode? Get(YamlMapping? mapping, string key) =>
        mapping?.Entries.FirstOrDefault(e => e.Key.Value == key).Value;

    public YamlNode? Required(YamlMapping mapping, string key, string what)
    {
        var node = Get(mapping, key);
        if (node is null)
        {
            Error(mapping, $"{what} needs '{key}'");
        }

        return node;
    }

    public string? String(YamlNode? node, string what)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlScalar { Value.Length: > 0 } scalar:
                return scalar.Value;
            default:
                Error(node, $"{what} must be a non-empty text value");
                return null;
        }
    }

    public int? Int(YamlNode? node, string what, int min, int max)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar { Quoted: false } scalar && int.TryParse(scalar.Value, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Error(node, $"{what} must be a whole number from {min} to {max}, not {Describe(node)}");
        return null;
    }

    public bool? Bool(YamlNode? node, string what)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar { Quoted: false, Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        Error(node, $"{what} must be true or false, not {Describe(node)}");
        return null;
    }

    public Severity? Severity(YamlNode? node, string what)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar scalar && Severities.TryParse(scalar.Value, out var severity))
        {
            return severity;
        }

        Error(node, $"{what} must be one of {string.Join(", ", Severities.WorstFirst.Select(s => s.Name()))}, not {Describe(node)}");
        return null;
    }

    public Protocol? Proto(YamlNode? node, string what)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlScalar scalar when Names.TryParse(scalar.Value, out Protocol protocol):
                return protocol;
            default:
                Error(node, $"{what} must be tcp or udp, not {Describe(node)}");
                return null;
        }
    }

    public DateOnly? Date(YamlNode? node, string what)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar scalar && DateOnly.TryParseExact(scalar.Value, "yyyy-MM-dd", out var date))
        {
            return date;
        }

        Error(node, $"{what} must be a date written YYYY-MM-DD, not {Describe(node)}");
        return null;
    }

    /// <summary>The items of a list; a single value where a list is expected is an error, not a guess.</summary>
    public IReadOnlyList<YamlNode> Items(YamlNode? node, string what)
    {
        switch (node)
        {
            case null:
                return [];
            case YamlSequence sequence:
                return sequence.Items;
            default:
                Error(node, $"{what} must be a list ([a, b] or '- item' lines), not {Describe(node)}");
                return [];
        }
    }

    /// <summary>An <c>os:</c> value — one name or a list, each an OS the audit tells apart (<c>windows</c>, <c>macos</c> …).</summary>
    public IReadOnlyList<HostOs> Systems(YamlNode? node, string what)
    {
        var systems = new List<HostOs>();
        if (node is null)
        {
            return systems;
        }

        foreach (var name in node is YamlScalar ? [String(node, what) ?? ""] : Strings(node, what))
        {
            if (Names.TryParse<HostOs>(name, out var os) && os != HostOs.Unknown)
            {
                systems.Add(os);
            }
            else
            {
                Error(node, $"unknown {what} '{name}' (one of: {string.Join(", ", Names.All<HostOs>().Skip(1))})");
            }
        }

        return systems;
    }

    public IReadOnlyList<string> Strings(YamlNode? node, string what) =>
        [.. Items(node, what).Select(item => String(item, $"each entry of {what}")).OfType<string>()];

    /// <summary>A port (<c>22</c>) or an inclusive range (<c>"8000-8100"</c>) in 1–65535.</summary>
    public PortRange? Port(YamlNode? node, Protocol? proto, string what)
    {
        if (node is YamlScalar scalar)
        {
            var parts = scalar.Value.Split('-');
            if (parts.Length is 1 or 2 && parts.All(IsPortNumber))
            {
                var from = int.Parse(parts[0]);
                var to = int.Parse(parts[^1]);
                if (from >= 1 && to <= 65535 && from <= to)
                {
                    return new PortRange(proto, from, to);
                }

                Error(node, from > to
                    ? $"{what}: range {scalar.Value} runs backwards; write {to}-{from}"
                    : $"{what}: port {scalar.Value} is outside 1-65535");
                return null;
            }
        }

        if (node is not null)
        {
            Error(node, $"{what} must be a port (22) or a range (\"8000-8100\") within 1-65535, not {Describe(node)}");
        }

        return null;
    }

    public IReadOnlyList<PortRange> Ports(YamlNode? node, Protocol? proto, string what) =>
        [.. Items(node, what).Select(item => Port(item, proto, $"each port in {what}")).OfType<PortRange>()];

    private static bool IsPortNumber(string text) => text.Length is > 0 and <= 5 && text.All(char.IsAsciiDigit);

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalar s => $"'{s.Value}'",
        YamlSequence => "a list",
        _ => "a mapping",
    };
}

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PortCompliance.Core.Model;

namespace PortCompliance.Reporting.Oscal;

/// <summary>NIST SP 800-53 references of a finding's controls as OSCAL catalogue control ids: <c>CM-7(1)</c> is <c>cm-7.1</c>.</summary>
internal static partial class OscalControls
{
    [GeneratedRegex(@"^NIST SP 800-53\b.*?\b(?<family>[A-Z]{2})-(?<number>\d+)(?:\s*\((?<enhancement>\d+)\))?\s*$")]
    private static partial Regex Nist();

    /// <summary>A policy names a handful of controls, on every finding of every host: each is matched once.</summary>
    private static readonly ConcurrentDictionary<string, string?> Ids = new(StringComparer.Ordinal);

    public static string? ControlId(string control) => Ids.GetOrAdd(control, Match);

    private static string? Match(string control) =>
        Nist().Match(control) is { Success: true } m
            ? $"{m.Groups["family"].Value.ToLowerInvariant()}-{m.Groups["number"].Value}"
              + (m.Groups["enhancement"].Success ? "." + m.Groups["enhancement"].Value : "")
            : null;

    /// <summary>
    /// The NIST controls a host's findings map to, each once. Its findings of a rule share one list of controls (the
    /// rule's, or a group's), so a list the last finding had is not matched again.
    /// </summary>
    public static string[] ControlIds(IReadOnlyList<Finding> findings)
    {
        var ids = new List<string>();
        IReadOnlyList<string>? last = null;
        foreach (var finding in findings)
        {
            if (ReferenceEquals(finding.Controls, last))
            {
                continue;
            }

            last = finding.Controls;
            foreach (var control in finding.Controls)
            {
                if (ControlId(control) is { } id && !ids.Contains(id))
                {
                    ids.Add(id);
                }
            }
        }

        return [.. ids];
    }

    /// <summary>
    /// What a finding of <paramref name="rule"/> targets: the objective of its first NIST SP 800-53 control
    /// (<c>sc-7_obj</c>) — as its findings on the host carry them (a policy group may set others), else as the policy
    /// sets them, so a rule that raised nothing targets the same objective — and the rule id only when the rule maps
    /// to no NIST control.
    /// </summary>
    public static string Objective(string rule, IReadOnlyList<Finding> broken, PolicyInfo policy)
    {
        var control = broken.Select(f => FirstId(f.Controls)).FirstOrDefault(id => id is not null)
                      ?? FirstId(policy.RuleControls.GetValueOrDefault(rule) ?? []);
        return control is null ? rule : control + "_obj";
    }

    private static string? FirstId(IReadOnlyList<string> controls)
    {
        foreach (var control in controls)
        {
            if (ControlId(control) is { } id)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>The rules that ran, in the order a host's findings are written: sorted once a policy, not once a host.</summary>
    public static IReadOnlyList<string> RulesInOrder(PolicyInfo policy) =>
        SortedRules.GetValue(policy, p => [.. p.Rules.Order(StringComparer.Ordinal)]);

    private static readonly ConditionalWeakTable<PolicyInfo, IReadOnlyList<string>> SortedRules = new();

    /// <summary>Every NIST control of the rules that ran, as the policy maps them (a control two rules share, twice).</summary>
    public static IEnumerable<string> OfPolicy(PolicyInfo policy) =>
        policy.Rules.SelectMany(r => policy.RuleControls.GetValueOrDefault(r) ?? []).Select(ControlId).OfType<string>();
}

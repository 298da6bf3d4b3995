using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;

namespace PortCompliance.Core.Evaluation;

/// <summary>
/// <c>empty-input</c>: a listing with no header and no row — an empty file, blank lines, an empty stdin — is a
/// collection that failed, not a host with nothing listening. Without this a failed collection reads as compliant.
/// A header with no rows is a real empty listing and raises nothing.
/// </summary>
internal sealed class EmptyInputRule : IRule
{
    public string Id => RuleIds.EmptyInput;

    public IEnumerable<Finding> Check(HostSnapshot host, RuleSet rules, FindingFactory findings) =>
        host.EmptyInputs.Select(source => findings.ForInput(Id, host, source,
            $"{(source == "-" ? "Standard input" : source)} holds no listing: no header and no socket row, only blank lines or " +
            "nothing at all. The collection failed or was cut off, so this host's listening ports are unknown; it cannot be " +
            "judged compliant until it is collected again.",
            Remediation.ForEmptyInput(source, host.Os)));
}

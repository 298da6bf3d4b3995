using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;

namespace PortCompliance.Core.Evaluation;

/// <summary>One rule: judges one host's sockets under the rules in force for that host. Never reads files.</summary>
internal interface IRule
{
    string Id { get; }

    IEnumerable<Finding> Check(HostSnapshot host, RuleSet rules, FindingFactory findings);
}

namespace PortCompliance.Core.Model;

/// <summary>The stable rule ids used in JSON, CSV and waivers (docs/design.md). Never rename one.</summary>
public static class RuleIds
{
    public const string WildcardBind = "wildcard-bind";
    public const string ApprovedPorts = "approved-ports";
    public const string LoopbackOnly = "loopback-only";
    public const string ForbiddenPorts = "forbidden-ports";
    public const string ExpectedProcess = "expected-process";
    public const string UnparsedInput = "unparsed-input";
    public const string UnknownProcess = "unknown-process";
    public const string WaiverExpired = "waiver-expired";
    public const string UnexplainedOpenPort = "unexplained-open-port";
    public const string EmptyInput = "empty-input";

    /// <summary>Rules a policy configures with port lists.</summary>
    public static IReadOnlyList<string> PolicyRules { get; } = [WildcardBind, ApprovedPorts, LoopbackOnly, ForbiddenPorts, ExpectedProcess];

    /// <summary>The tool's own checks; a policy may set their severity and controls.</summary>
    public static IReadOnlyList<string> ToolRules { get; } = [UnparsedInput, UnknownProcess, WaiverExpired, UnexplainedOpenPort, EmptyInput];

    public static IReadOnlyList<string> All { get; } = [.. PolicyRules, .. ToolRules];
}

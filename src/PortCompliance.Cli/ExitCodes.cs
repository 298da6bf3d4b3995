namespace PortCompliance.Cli;

/// <summary>The exit codes scripts rely on (DESIGN.md).</summary>
public static class ExitCodes
{
    /// <summary>Nothing at or above <c>--fail-on</c>.</summary>
    public const int Ok = 0;

    /// <summary>Findings at or above <c>--fail-on</c>.</summary>
    public const int Findings = 1;

    /// <summary>Usage error, unreadable or invalid policy, or no input could be read at all.</summary>
    public const int Usage = 2;
}

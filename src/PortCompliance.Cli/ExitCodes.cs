namespace PortCompliance.Cli;

/// <summary>The exit codes scripts rely on; the contract is in <c>docs/design.md</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The audit ran and no unwaived finding is at or above <c>--fail-on</c> (or the command simply worked).</summary>
    public const int Ok = 0;

    /// <summary>The audit ran and found unwaived findings at or above <c>--fail-on</c>.</summary>
    public const int Findings = 1;

    /// <summary><c>verify</c>: something in the report folder, or an input, is not what the audit wrote or judged.</summary>
    public const int Differs = 1;

    /// <summary>
    /// The user must fix something: a usage error, an unreadable or invalid policy, no input could be read at all, or
    /// a report could not be written (the others still are).
    /// </summary>
    public const int Usage = 2;

    /// <summary>A bug in PortCompliance (an unexpected exception): one line says so; <c>--debug</c> adds the stack trace.</summary>
    public const int Internal = 3;
}

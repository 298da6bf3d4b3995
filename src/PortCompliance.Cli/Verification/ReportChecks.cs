namespace PortCompliance.Cli.Verification;

/// <summary>The checks <c>verify</c> makes, in the order it prints them: the one list help and the run both read.</summary>
internal static class ReportChecks
{
    public static IReadOnlyList<IReportCheck> Create() => [new SumsCheck(), new SignatureCheck(), new AttachmentCheck(), new InputCheck()];

    /// <summary>Each check and what it checks, for help.</summary>
    public static string Describe() => string.Join("; ", Create().Select(c => $"{c.Name}: {c.Description}"));
}

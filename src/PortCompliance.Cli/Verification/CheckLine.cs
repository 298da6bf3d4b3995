namespace PortCompliance.Cli.Verification;

/// <summary>What one line of <c>verify</c> says: it holds, it differs, or it could not be checked and is no failure.</summary>
internal enum CheckStatus
{
    Ok,
    Note,
    Fail,
}

/// <summary>
/// One line of <c>verify</c>'s output: a check's verdict on one subject (a file of the folder, an input), and why.
/// Lines of the same <see cref="Fold"/> that hold are printed as one, under the fold's name as subject: a fleet's
/// <c>hosts/</c>, its listings.
/// </summary>
internal sealed record CheckLine(CheckStatus Status, string Check, string Subject, string Detail)
{
    public string? Fold { get; init; }

    public static CheckLine Ok(string check, string subject, string detail) => new(CheckStatus.Ok, check, subject, detail);

    public static CheckLine Note(string check, string subject, string detail) => new(CheckStatus.Note, check, subject, detail);

    public static CheckLine Fail(string check, string subject, string detail) => new(CheckStatus.Fail, check, subject, detail);

    /// <summary>The fold a file of the folder belongs to: a fleet's host reports fold into one line per check.</summary>
    public CheckLine For(FolderFile file) => this with { Fold = file.InHosts ? ReportFolder.HostsFolder + "/" : null };
}

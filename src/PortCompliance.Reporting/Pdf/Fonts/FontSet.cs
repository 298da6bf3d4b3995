namespace PortCompliance.Reporting.Pdf.Fonts;

/// <summary>One font family as found on disk: its regular face and, when installed, its bold face.</summary>
internal sealed record FontFamilyFiles(string Family, string Regular, string? Bold);

/// <summary>The two families a report is set in: a proportional one for prose and a monospace one for evidence.</summary>
internal sealed record FontSet(FontFamilyFiles Sans, FontFamilyFiles Mono)
{
    /// <summary>The line written to the log, so an operator can see which fonts a PDF was set in.</summary>
    public string Describe() =>
        $"pdf: fonts {Sans.Family} ({Sans.Regular}) and {Mono.Family} ({Mono.Regular}), embedded as subsets";
}

/// <summary>The outcome of a font search: the fonts, or a message that says what to install.</summary>
internal sealed record FontSearch(FontSet? Fonts, string? Error);

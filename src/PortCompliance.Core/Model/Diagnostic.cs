namespace PortCompliance.Core.Model;

public enum DiagnosticSeverity
{
    Error,
    Warning,
}

/// <summary>An expected problem with an input, as a value: where it is and what is wrong.</summary>
public sealed record Diagnostic(string File, int Line, int Column, DiagnosticSeverity Severity, string Message)
{
    public override string ToString()
    {
        var where = Line > 0 ? (Column > 0 ? $"{File}:{Line}:{Column}" : $"{File}:{Line}") : File;
        return $"{where}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")}: {Message}";
    }
}

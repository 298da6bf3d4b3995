namespace PortCompliance.Reporting.Html;

/// <summary>
/// A template that cannot be used: missing, unparseable, or unsafe. The message names the file (and line) so the
/// CLI can print it as it is, without a stack trace, when a customised <c>--templates</c> folder has a mistake.
/// </summary>
internal sealed class TemplateException : Exception
{
    public TemplateException()
    {
    }

    public TemplateException(string message)
        : base(message)
    {
    }

    public TemplateException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

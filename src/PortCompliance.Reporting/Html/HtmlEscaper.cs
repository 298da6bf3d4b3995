using System.Buffers;
using System.Text;
using PortCompliance.Core.Model;

namespace PortCompliance.Reporting.Html;

/// <summary>
/// The one place where a value becomes HTML text: every <c>{{ value }}</c> of every template goes through
/// <see cref="Escape"/>, so a rule about what a host's text may look like on the page belongs here and nowhere else.
/// </summary>
internal static class HtmlEscaper
{
    // The characters Handlebars escaped, kept so reports stay byte-identical: '=' and '`' end an unquoted
    // attribute value in old browsers, the rest are the usual five.
    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'`=");

    /// <summary>
    /// Text safe anywhere in the page's body or inside a quoted attribute value: capped to what a reader is shown
    /// (<see cref="DisplayText"/>), every control and bidi override written out (<see cref="VisibleText"/>: a U+202E
    /// would make a name read backwards), then HTML-escaped.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = VisibleText.Escape(DisplayText.Cap(text), VisibleText.Layout);
        var next = text.AsSpan().IndexOfAny(Special);
        if (next < 0)
        {
            return text;
        }

        var html = new StringBuilder(text.Length + 16);
        var rest = text.AsSpan();
        while (next >= 0)
        {
            html.Append(rest[..next]).Append(Entity(rest[next]));
            rest = rest[(next + 1)..];
            next = rest.IndexOfAny(Special);
        }

        return html.Append(rest).ToString();
    }

    private static string Entity(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&#x27;",
        '`' => "&#x60;",
        _ => "&#x3D;",
    };
}

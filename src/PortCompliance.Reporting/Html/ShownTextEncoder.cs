using System.Text;
using HandlebarsDotNet;
using PortCompliance.Core.Model;

namespace PortCompliance.Reporting.Html;

/// <summary>
/// What every <c>{{value}}</c> goes through: capped to what a reader is shown (<see cref="DisplayText"/>), every
/// control and bidi override written out (<see cref="VisibleText"/>: a U+202E would make a name read backwards), then
/// HTML-escaped. Host text reaches the page only through here; <c>{{{raw}}}</c> is kept for the inline assets.
/// </summary>
internal sealed class ShownTextEncoder : ITextEncoder
{
    private readonly HtmlEncoder _html = new();

    public void Encode(StringBuilder? text, TextWriter target) => Encode(text?.ToString(), target);

    public void Encode(string? text, TextWriter target) => _html.Encode(VisibleText.Escape(DisplayText.Cap(text ?? ""), VisibleText.Layout), target);

    public void Encode<T>(T? text, TextWriter target)
        where T : IEnumerator<char>
    {
        var whole = new StringBuilder();
        while (text is not null && text.MoveNext())
        {
            whole.Append(text.Current);
        }

        Encode(whole.ToString(), target);
    }
}

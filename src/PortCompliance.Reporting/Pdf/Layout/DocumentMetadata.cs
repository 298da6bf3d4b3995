using System.Text;
using PdfSharp.Pdf;
using PortCompliance.Core.Model;

namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>
/// The document's title, author, subject and creator, as they reach its two metadata stores: the information
/// dictionary (PDF strings) and the XMP packet (XML). PDFsharp copies the information values into the XMP as they are,
/// so <c>AT&amp;T &lt;Ops&gt;</c> would make XML no parser accepts. Every value therefore goes in as a placeholder of
/// fixed width; once saved, each store gets the value encoded its own way — escaped for XML, a PDF string for the
/// dictionary — padded with blanks where blanks mean nothing (after the closing tag, after the string), so no offset
/// in the file moves. This is the one escaper of text bound for the PDF's metadata.
/// </summary>
internal sealed class DocumentMetadata
{
    private readonly List<(string Placeholder, string Value)> _fields = [];

    public void Set(PdfDocument document, string key, string value)
    {
        var visible = VisibleText.Escape(value, keep: "");
        var width = Math.Max(Encoding.UTF8.GetByteCount(Xml(visible)), PdfString(visible).Length - 2);
        var placeholder = $"PortComplianceMetadata{_fields.Count}".PadRight(Math.Max(width, 24), 'x');
        document.Info.Elements.SetString(key, placeholder);
        _fields.Add((placeholder, visible));
    }

    /// <summary>Writes every value into the saved bytes, in place.</summary>
    public void Fill(byte[] pdf)
    {
        foreach (var (placeholder, value) in _fields)
        {
            var token = Encoding.ASCII.GetBytes(placeholder);
            var info = Encoding.ASCII.GetBytes($"({placeholder})");
            for (var at = pdf.AsSpan().IndexOf(info); at >= 0; at = pdf.AsSpan().IndexOf(info))
            {
                Write(pdf, at, info.Length, PdfString(value));
            }

            // In the XMP the value is an element's text: the escaped value and its closing tag, then blanks between elements.
            for (var at = pdf.AsSpan().IndexOf(token); at >= 0; at = pdf.AsSpan().IndexOf(token))
            {
                var close = pdf.AsSpan(at + token.Length).IndexOf((byte)'>') + 1;
                var tag = Encoding.ASCII.GetString(pdf, at + token.Length, close);
                if (!tag.StartsWith("</", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("PDFsharp no longer writes the XMP metadata as expected; its values cannot be escaped");
                }

                Write(pdf, at, token.Length + close, Xml(value) + tag);
            }
        }
    }

    /// <summary>Text as XML element content: <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> escaped (what XML 1.0 forbids is already written out).</summary>
    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>A PDF text string: literal for printable ASCII (<c>\</c>, <c>(</c>, <c>)</c> escaped), else UTF-16BE hex with its byte-order mark.</summary>
    public static string PdfString(string text) =>
        text.All(c => c is >= ' ' and <= '~')
            ? $"({text.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)")})"
            : $"<FEFF{Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text))}>";

    private static void Write(byte[] pdf, int at, int length, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length > length)
        {
            throw new InvalidOperationException($"a metadata value ({bytes.Length} bytes) does not fit its placeholder ({length})");
        }

        bytes.CopyTo(pdf, at);
        pdf.AsSpan(at + bytes.Length, length - bytes.Length).Fill((byte)' ');
    }
}

using PdfSharp.Drawing;

namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>A named place in the document, for the PDF outline and page references: its level (0 = section), page, height, key.</summary>
/// <summary>An outline entry: a place in this document, or — with <paramref name="File"/> — another PDF beside it (a host's own report).</summary>
internal sealed record Bookmark(string Title, int Level, int Page, double Top, string? Key = null, string? File = null);

/// <summary>
/// The cursor that blocks are placed with. Blocks say what a page draws as operations; the running header and footer
/// ("Page 3 of 57") are drawn later, once the page count is known. With a <c>drawPage</c> sink each page is handed
/// over — and forgotten — as soon as the next one starts, so a 1,400-page fleet summary never holds its layout whole;
/// without one every page is kept (<see cref="Pages"/>) until the whole document is laid out, for content that refers
/// to pages further on.
/// </summary>
internal sealed class PageFlow
{
    private readonly List<List<Action<XGraphics>>> _pages = [];
    private readonly List<Bookmark> _bookmarks = [];
    private readonly Dictionary<string, (int Page, double X, double Top, double Width, double Height)> _places = [];
    private readonly PageGeometry _page;
    private readonly Action<IReadOnlyList<Action<XGraphics>>>? _drawPage;

    public PageFlow(PageGeometry page, TextMeasurer measurer, Action<IReadOnlyList<Action<XGraphics>>>? drawPage = null)
    {
        _page = page;
        _drawPage = drawPage;
        Measurer = measurer;
        Left = page.MarginLeft;
        Width = page.BodyWidth;
        NewPage();
    }

    public TextMeasurer Measurer { get; }
    public double Left { get; private set; }
    public double Width { get; private set; }
    public double Y { get; private set; }
    public double Space => _page.BodyBottom - Y;
    public double BodyHeight => _page.BodyBottom - _page.MarginTop;
    public bool AtPageTop => Y <= _page.MarginTop + 0.01;
    public int PageCount { get; private set; }

    /// <summary>The pages laid out and not yet handed to the sink: all of them when the flow has none.</summary>
    public IReadOnlyList<IReadOnlyList<Action<XGraphics>>> Pages => _pages;
    public IReadOnlyList<Bookmark> Bookmarks => _bookmarks;

    public void NewPage()
    {
        Flush();
        _pages.Add([]);
        PageCount++;
        Y = _page.MarginTop;
    }

    /// <summary>Hands the last page to the sink, if there is one; called once everything is placed.</summary>
    public void Finish() => Flush();

    private void Flush()
    {
        if (_drawPage is not null && _pages.Count > 0)
        {
            _drawPage(_pages[0]);
            _pages.Clear();
        }
    }

    /// <summary>Starts a new page unless the cursor is already at the top of an empty one.</summary>
    public void PageBreak()
    {
        if (!AtPageTop)
        {
            NewPage();
        }
    }

    /// <summary>Makes room for <paramref name="height"/> (a new page if it does not fit here), returns its top and moves past it.</summary>
    public double Take(double height)
    {
        if (height > Space + 0.01)
        {
            PageBreak();
        }

        var top = Y;
        Y += height;
        return top;
    }

    /// <summary>Vertical space between blocks; swallowed at the top of a page so pages start flush.</summary>
    public void Gap(double height)
    {
        if (!AtPageTop)
        {
            Y = Math.Min(Y + height, _page.BodyBottom);
        }
    }

    public void Draw(Action<XGraphics> operation) => _pages[^1].Add(operation);

    public void Mark(string title, int level, string? key = null) => _bookmarks.Add(new Bookmark(title, level, PageCount - 1, Y, key));

    /// <summary>Where a block was drawn (page, box from the page's top left), by key: the signature field goes over the signature block.</summary>
    public IReadOnlyDictionary<string, (int Page, double X, double Top, double Width, double Height)> Places => _places;

    public void Locate(string key, double top, double height) => _places[key] = (PageCount - 1, Left, top, Width, height);

    public void MarkFile(string title, int level, string file) => _bookmarks.Add(new Bookmark(title, level, PageCount - 1, Y, File: file));

    /// <summary>Narrows the flow for nested content (a panel's inside, an indented list) until disposed.</summary>
    public IDisposable Inset(double left, double right)
    {
        var (oldLeft, oldWidth) = (Left, Width);
        Left += left;
        Width -= left + right;
        return new Restore(() => (Left, Width) = (oldLeft, oldWidth));
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}

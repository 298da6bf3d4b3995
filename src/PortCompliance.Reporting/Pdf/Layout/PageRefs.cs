namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>
/// Page numbers of bookmarked places, for an index composed before those places are laid out (the host list
/// precedes the hosts). Cells ask for them late — when pages are drawn, after the whole document was laid out.
/// </summary>
internal sealed class PageRefs
{
    private Dictionary<string, int>? _pages;

    /// <summary>Called once the flow is complete.</summary>
    public void Resolve(PageFlow flow) =>
        _pages = flow.Bookmarks.Where(b => b.Key is not null).GroupBy(b => b.Key!).ToDictionary(g => g.Key, g => g.First().Page + 1, StringComparer.Ordinal);

    /// <summary>Whether any page number was asked for: then pages cannot be drawn before the whole document is laid out.</summary>
    public bool Requested { get; private set; }

    /// <summary>The page of <paramref name="key"/>, as text, once resolved.</summary>
    public Func<string> Of(string key)
    {
        Requested = true;
        return () => _pages is null ? throw new InvalidOperationException("page numbers are known only after layout")
            : _pages.TryGetValue(key, out var page) ? page.ToString() : "—";
    }
}

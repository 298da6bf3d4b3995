namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>
/// The wrapped lines of one block at the last width asked. Blocks are measured (keep-together, keep-with-next)
/// and then placed at the same width, so wrapping — and cleaning untrusted text, which counts replacements — runs once.
/// </summary>
internal sealed class WrapCache
{
    private double _width = double.NaN;
    private List<string> _lines = [];

    public List<string> Get(double width, Func<List<string>> wrap)
    {
        if (width != _width)
        {
            _lines = wrap();
            _width = width;
        }

        return _lines;
    }
}

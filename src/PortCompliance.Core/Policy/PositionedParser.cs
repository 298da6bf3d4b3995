using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PortCompliance.Core.Policy;

/// <summary>
/// YamlDotNet's parser, with every failure a <see cref="YamlException"/> that has a position. On some malformed input
/// YamlDotNet 16 throws a bare <see cref="InvalidOperationException"/> instead — its scanner on a plain scalar followed
/// by a quoted one on the next line inside <c>{ }</c>, its parser on a directive after <c>...</c> — which would reach
/// the user as an internal error; the position given is then the start of the last event read, past which it broke.
/// </summary>
internal sealed class PositionedParser(IParser inner) : IParser
{
    private Mark _start = Mark.Empty;
    private Mark _end = Mark.Empty;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        bool moved;
        try
        {
            moved = inner.MoveNext();
        }
        catch (InvalidOperationException e)
        {
            throw new YamlException(_start, _end, $"cannot be read past this point (YamlDotNet stopped with: {e.Message.TrimEnd('.')})");
        }

        if (moved && inner.Current is { } current)
        {
            (_start, _end) = (current.Start, current.End);
        }

        return moved;
    }
}

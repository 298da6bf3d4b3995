using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Policy;

/// <summary>A YAML node with the position it started at, so every message can name line and column.</summary>
internal abstract record YamlNode(int Line, int Column);

internal sealed record YamlScalar(int Line, int Column, string Value, bool Quoted) : YamlNode(Line, Column);

internal sealed record YamlSequence(int Line, int Column, IReadOnlyList<YamlNode> Items) : YamlNode(Line, Column);

internal sealed record YamlMapping(int Line, int Column, IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries) : YamlNode(Line, Column);

/// <summary>
/// Builds a <see cref="YamlNode"/> tree from YamlDotNet's event parser, iteratively and under hard caps:
/// no aliases (no alias bombs), bounded nesting (YamlDotNet's recursive parts overflow the stack on deep
/// input), bounded size, one document, scalar keys, and no duplicate keys.
/// </summary>
internal static class YamlTree
{
    public const int MaxBytes = 1 << 20;
    public const int MaxDepth = 64;
    private const int MaxNodes = 200_000;

    public static YamlNode? Parse(string text, string file, List<Diagnostic> diagnostics)
    {
        if (text.Length > MaxBytes)
        {
            diagnostics.Add(Error(file, 1, 1, $"policy file is larger than {MaxBytes / 1024} KiB"));
            return null;
        }

        if (FlowDepth(text) is var (depth, line, column) && depth > MaxDepth)
        {
            diagnostics.Add(Error(file, line, column, $"nesting deeper than {MaxDepth} levels"));
            return null;
        }

        try
        {
            return Build(new PositionedParser(new Parser(new StringReader(text))), file, diagnostics);
        }
        catch (YamlException e)
        {
            diagnostics.Add(Error(file, (int)e.Start.Line, (int)e.Start.Column, $"invalid YAML: {Reason(e)}"));
            return null;
        }
    }

    private static YamlNode? Build(IParser parser, string file, List<Diagnostic> diagnostics)
    {
        var stack = new Stack<Builder>();
        YamlNode? root = null;
        var documents = 0;
        var nodes = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            var (line, column) = ((int)current.Start.Line, (int)current.Start.Column);
            YamlNode? completed = null;
            switch (current)
            {
                case DocumentStart when ++documents > 1:
                    diagnostics.Add(Error(file, line, column, "a policy file holds one YAML document; remove the second '---'"));
                    return null;
                case AnchorAlias:
                    diagnostics.Add(Error(file, line, column, "aliases (*name) are not allowed in policy files; write the value out"));
                    return null;
                case MappingStart or SequenceStart when stack.Count >= MaxDepth:
                    diagnostics.Add(Error(file, line, column, $"nesting deeper than {MaxDepth} levels"));
                    return null;
                case MappingStart:
                    stack.Push(new Builder(line, column, IsMapping: true));
                    break;
                case SequenceStart:
                    stack.Push(new Builder(line, column, IsMapping: false));
                    break;
                case MappingEnd or SequenceEnd:
                    completed = stack.Pop().Complete();
                    break;
                case Scalar scalar:
                    completed = new YamlScalar(line, column, scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted);
                    break;
            }

            if (completed is null)
            {
                continue;
            }

            if (++nodes > MaxNodes)
            {
                diagnostics.Add(Error(file, line, column, $"more than {MaxNodes} values; a policy is not that big"));
                return null;
            }

            if (stack.Count == 0)
            {
                root = completed;
            }
            else if (!stack.Peek().Add(completed, file, diagnostics))
            {
                return null;
            }
        }

        return root;
    }

    /// <summary>Deepest run of open [ and { outside quotes: checked before YamlDotNet sees the text.</summary>
    private static (int Depth, int Line, int Column)? FlowDepth(string text)
    {
        var (depth, max, line, column, maxLine, maxColumn) = (0, 0, 1, 0, 1, 1);
        var quote = '\0';
        foreach (var c in text)
        {
            column++;
            if (c == '\n')
            {
                (line, column, quote) = (line + 1, 0, '\0');
            }
            else if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is '[' or '{' && ++depth > max)
            {
                (max, maxLine, maxColumn) = (depth, line, column);
            }
            else if (c is ']' or '}')
            {
                depth = Math.Max(0, depth - 1);
            }
        }

        return (max, maxLine, maxColumn);
    }

    private static string Reason(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var paren = message.IndexOf("): ", StringComparison.Ordinal);
        return paren >= 0 && message.StartsWith('(') ? message[(paren + 3)..] : message;
    }

    private static Diagnostic Error(string file, int line, int column, string message) =>
        new(file, line, column, DiagnosticSeverity.Error, message);

    private sealed class Builder(int line, int column, bool IsMapping)
    {
        private readonly List<YamlNode> _items = [];
        private readonly List<KeyValuePair<YamlScalar, YamlNode>> _entries = [];
        private readonly Dictionary<string, YamlScalar> _keys = new(StringComparer.Ordinal);
        private YamlScalar? _pendingKey;

        public bool Add(YamlNode node, string file, List<Diagnostic> diagnostics)
        {
            if (!IsMapping)
            {
                _items.Add(node);
                return true;
            }

            if (_pendingKey is null)
            {
                if (node is not YamlScalar key)
                {
                    diagnostics.Add(Error(file, node.Line, node.Column, "keys must be plain words, not lists or mappings"));
                    return false;
                }

                if (_keys.TryGetValue(key.Value, out var first))
                {
                    diagnostics.Add(Error(file, key.Line, key.Column,
                        $"duplicate key '{key.Value}' (first at line {first.Line}, column {first.Column})"));
                }
                else
                {
                    _keys[key.Value] = key;
                }

                _pendingKey = key;
                return true;
            }

            _entries.Add(new(_pendingKey, node));
            _pendingKey = null;
            return true;
        }

        public YamlNode Complete() => IsMapping
            ? new YamlMapping(line, column, _entries)
            : new YamlSequence(line, column, _items);
    }
}

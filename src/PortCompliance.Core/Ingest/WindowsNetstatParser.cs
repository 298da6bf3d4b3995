using System.Collections.Frozen;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// Windows <c>netstat</c>: <c>-ano</c>, <c>-an</c>, <c>-a</c> (names instead of addresses), <c>-anob</c>/<c>-abno</c>/<c>-ab</c>
/// with their owner lines (<c>RpcSs</c>, <c>[svchost.exe]</c>, <c>Can not obtain ownership information</c>), in any
/// display language: a TCP listener is told by its foreign port 0 (<c>0.0.0.0:0</c>, <c>[::]:0</c>, <c>host:0</c>),
/// never by the translated state word.
/// </summary>
internal sealed class WindowsNetstatParser(SnapshotBuilder output) : IListingParser, IListingFormat
{
    public static string Key => "windows-netstat";

    public static string Description => "Windows netstat (-ano, -an, -anob, -ab …, any display language)";

    public static HostOs Os => HostOs.Windows;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles = Words.Of(
        "Active Connections", "Aktive Verbindungen", "Connexions actives", "Conexiones activas", "Connessioni attive",
        "Conexões ativas", "Aktywne połączenia", "Actieve verbindingen", "Aktiva anslutningar", "Aktive forbindelser",
        "Активные подключения", "活动连接", "作用中連線", "使用中的連線", "アクティブな接続", "활성 연결");

    /// <summary>The first word of the column header, translated: the rest of it is any words.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HeaderFirstWords = Words.Of(
        "Proto", "协议", "協定", "プロトコル", "프로토콜", "Протокол");

    private readonly Record _record = new();

    /// <summary>The last row was skipped: owner lines under it are skipped with it.</summary>
    private bool _afterSkipped;

    public static IListingParser Create(SnapshotBuilder output) => new WindowsNetstatParser(output);

    public static Signature Sniff(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        if (IsHeader(trimmed))
        {
            return Signature.Header;
        }

        var cursor = new TokenCursor(trimmed);
        return cursor.Next(out var proto) && proto is "TCP" or "UDP" && cursor.Next(out var local) && local.Contains(':')
            ? Signature.Row
            : Signature.None;
    }

    public void Accept(int number, ReadOnlySpan<char> line)
    {
        var trimmed = TokenCursor.Trim(line);
        var header = IsHeader(trimmed);
        if (!header && (_record.Open || _afterSkipped) && OwnerLine(trimmed) is var kind and not OwnerKind.None)
        {
            Continue(number, trimmed, kind);
            return;
        }

        Flush();
        _afterSkipped = false;
        if (header)
        {
            // "Active Connections" alone is a capture cut before its column header: no listing (empty input).
            if (Titles.Contains(trimmed))
            {
                output.AddNote(number);
            }
            else
            {
                output.AddHeader(number);
            }

            return;
        }

        var cursor = new TokenCursor(trimmed);
        cursor.Next(out var protoToken);
        Protocol proto;
        switch (protoToken)
        {
            case "TCP":
                proto = Protocol.Tcp;
                break;
            case "UDP":
                proto = Protocol.Udp;
                break;
            default:
                output.AddUnparsed(number, line, OwnerLine(trimmed) is OwnerKind.None
                    ? "not a Windows netstat row"
                    : "an owner line (netstat -b) with no row above it");
                return;
        }

        if (!cursor.Next(out var local) || !cursor.Next(out var foreign))
        {
            output.AddUnparsed(number, line, "the row ends before its local and foreign addresses");
            return;
        }

        var afterForeign = cursor.Position;
        if (!TryReadTail(cursor.PeekRestFrom(afterForeign), proto, out var state, out var pid, out var error))
        {
            output.AddUnparsed(number, line, error);
            return;
        }

        if (proto == Protocol.Tcp ? !IsAnyPeer(foreign) : foreign is not "*:*")
        {
            output.AddSkipped(number, proto == Protocol.Tcp
                ? $"not listening ({state})"
                : $"connected UDP socket (to {Excerpt.Of(foreign)})");
            _afterSkipped = true;
            return;
        }

        if (!Endpoint.TryParse(local, proto, null, output.Interner, out var endpoint, out error))
        {
            output.AddUnparsed(number, line, error);
            return;
        }

        _record.Start(number, line.TrimEnd(), proto, endpoint, pid);
    }

    public void End() => Flush();

    /// <summary>State and PID after the foreign address: a TCP row has a state (any language), then the PID with -o.</summary>
    private static bool TryReadTail(ReadOnlySpan<char> tail, Protocol proto, out ReadOnlySpan<char> state, out int? pid, out string error)
    {
        state = default;
        (pid, error) = (null, "");
        var last = tail.LastIndexOfAny(TokenCursor.Blanks);
        var lastToken = tail[(last + 1)..];
        var numeric = !lastToken.IsEmpty && !lastToken.ContainsAnyExceptInRange('0', '9');
        if (numeric)
        {
            if (!int.TryParse(lastToken, out var value))
            {
                error = $"PID '{Excerpt.Of(lastToken)}' is out of range";
                return false;
            }

            pid = value;
            tail = last < 0 ? default : TokenCursor.Trim(tail[..last]);
        }

        if (proto == Protocol.Udp)
        {
            error = tail.IsEmpty ? "" : $"unexpected '{Excerpt.Of(tail)}' after a UDP row's foreign address";
            return tail.IsEmpty;
        }

        state = tail;
        error = tail.IsEmpty ? "expected a TCP state after the foreign address" : "";
        return !tail.IsEmpty;
    }

    /// <summary>A TCP socket with no peer: foreign port 0, whatever the address (<c>0.0.0.0:0</c>, <c>[::]:0</c>, <c>host:0</c>).</summary>
    private static bool IsAnyPeer(ReadOnlySpan<char> foreign) => foreign is "*:*" || foreign.EndsWith(":0") && foreign.Length > 2;

    private void Continue(int number, ReadOnlySpan<char> trimmed, OwnerKind kind)
    {
        if (!_record.Open)
        {
            output.AddContinuation(number); // under a skipped row: skipped with it
            return;
        }

        _record.Add(number, trimmed, kind == OwnerKind.Image ? output.Interner.String(trimmed[1..^1]) : null);
    }

    private void Flush()
    {
        if (!_record.Open)
        {
            return;
        }

        var processes = (_record.Image, _record.Pid) switch
        {
            (null, null) => [],
            (null, { } pid) => Single(output.Interner.Pid(pid)),
            ({ } image, var pid) => Single(output.Interner.Process(image, pid)),
        };
        output.AddSocket(_record.Line, _record.Text, _record.Proto, _record.Endpoint, processes, lastLine: _record.LastLine);
        _record.Close();
    }

    private IReadOnlyList<SocketProcess> Single(SocketProcess process)
    {
        var set = output.Interner.StartProcessSet();
        set.Add(process);
        return output.Interner.ProcessSet(set);
    }

    private static bool IsHeader(ReadOnlySpan<char> trimmed)
    {
        if (Titles.Contains(trimmed))
        {
            return true;
        }

        var cursor = new TokenCursor(trimmed);
        return cursor.Next(out var first) && HeaderFirstWords.Contains(first) && cursor.Next(out _)
               && !trimmed.Contains("Recv-Q", StringComparison.Ordinal) && !trimmed.Contains("RefCnt", StringComparison.Ordinal)
               && !trimmed.ContainsAnyInRange('0', '9');
    }

    /// <summary>What netstat -b prints under a row: components, the <c>[image]</c>, or why it cannot say.</summary>
    private static OwnerKind OwnerLine(ReadOnlySpan<char> trimmed)
    {
        if (trimmed.Length > 2 && trimmed[0] == '[' && trimmed[^1] == ']')
        {
            var image = trimmed[1..^1];
            // A file name: Windows allows none of \ / : * ? " < > | in one (a pasted JSON array is no image).
            return image.ContainsAny(TokenCursor.Blanks) || image.ContainsAny(NotInFileNames) || !ContainsLetterOrDigit(image)
                ? OwnerKind.None
                : OwnerKind.Image;
        }

        if (trimmed.IsEmpty || !char.IsLetter(trimmed[0]))
        {
            return OwnerKind.None;
        }

        var words = trimmed.ContainsAny(TokenCursor.Blanks);
        foreach (var c in trimmed)
        {
            var allowed = char.IsLetter(c) || (words ? c is ' ' or '.' or ',' or '\'' or '’' or '-' : char.IsAsciiDigit(c) || c is '.' or '_' or '-' or '$');
            if (!allowed)
            {
                return OwnerKind.None;
            }
        }

        return words ? OwnerKind.Note : OwnerKind.Component;
    }

    private static readonly System.Buffers.SearchValues<char> NotInFileNames = System.Buffers.SearchValues.Create("\\/:*?\"<>|{}[]");

    private static bool ContainsLetterOrDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private enum OwnerKind
    {
        None,
        Component,
        Image,
        Note,
    }

    /// <summary>A listening row and the owner lines read under it so far; becomes a socket at the next row or the end.</summary>
    private sealed class Record
    {
        private char[] _text = new char[256];
        private int _length;

        public bool Open { get; private set; }
        public int Line { get; private set; }
        public int LastLine { get; private set; }
        public Protocol Proto { get; private set; }
        public Endpoint Endpoint { get; private set; }
        public int? Pid { get; private set; }
        public string? Image { get; private set; }

        /// <summary>The row and its owner lines: the evidence keeps the service tag (<c>RpcSs</c>) beside the image.</summary>
        public ReadOnlySpan<char> Text => _text.AsSpan(0, _length);

        public void Start(int line, ReadOnlySpan<char> row, Protocol proto, Endpoint endpoint, int? pid)
        {
            (Open, Line, LastLine, Proto, Endpoint, Pid, Image, _length) = (true, line, line, proto, endpoint, pid, null, 0);
            Append(row);
        }

        public void Add(int line, ReadOnlySpan<char> owner, string? image)
        {
            LastLine = line;
            Image = image ?? Image;
            Append("  ");
            Append(owner);
        }

        public void Close() => Open = false;

        private void Append(ReadOnlySpan<char> text)
        {
            if (_length + text.Length > _text.Length)
            {
                Array.Resize(ref _text, Math.Max(_text.Length * 2, _length + text.Length));
            }

            text.CopyTo(_text.AsSpan(_length));
            _length += text.Length;
        }
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// Shares one instance per distinct address, name, process and process set within a listing: big listings
/// repeat them (nginx's workers hold every one of its sockets), and a snapshot keeps every socket alive.
/// </summary>
internal sealed class Interner
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _stringLookup;
    private readonly Dictionary<(string? Name, int? Pid), SocketProcess> _processes = [];
    private readonly Dictionary<SocketProcess[], SocketProcess[]> _sets = new(ProcessSetComparer.Instance);
    private readonly Dictionary<SocketProcess[], SocketProcess[]>.AlternateLookup<ReadOnlySpan<SocketProcess>> _setLookup;
    private readonly List<SocketProcess> _scratch = [];
    private readonly HashSet<SocketProcess> _scratchSeen = new(ReferenceEqualityComparer.Instance);

    /// <summary>Up to this many processes a set is searched as a list; past it, hashed: a 100,000-entry users list stays linear.</summary>
    private const int ListSearchLimit = 16;

    public Interner()
    {
        _stringLookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        _setLookup = _sets.GetAlternateLookup<ReadOnlySpan<SocketProcess>>();
    }

    public string String(ReadOnlySpan<char> text)
    {
        if (_stringLookup.TryGetValue(text, out var existing))
        {
            return existing;
        }

        var created = text.ToString();
        _strings[created] = created;
        return created;
    }

    public SocketProcess Process(ReadOnlySpan<char> name, int? pid) => Process(String(name), pid);

    /// <summary>A process the listing names by pid alone (Windows <c>netstat -ano</c>).</summary>
    public SocketProcess Pid(int pid) => Process((string?)null, pid);

    private SocketProcess Process(string? name, int? pid)
    {
        var key = (name, pid);
        if (!_processes.TryGetValue(key, out var process))
        {
            process = new SocketProcess(key.Item1, pid);
            _processes[key] = process;
        }

        return process;
    }

    /// <summary>A list to collect one socket's processes in; hand it to <see cref="ProcessSet"/> when done.</summary>
    public List<SocketProcess> StartProcessSet()
    {
        _scratch.Clear();
        _scratchSeen.Clear();
        return _scratch;
    }

    /// <summary>Adds an interned process to the set being collected unless it is there already (one process on several fds).</summary>
    public void AddToProcessSet(SocketProcess process)
    {
        if (_scratch.Count < ListSearchLimit)
        {
            if (!_scratch.Contains(process, ReferenceEqualityComparer.Instance))
            {
                _scratch.Add(process);
                if (_scratch.Count == ListSearchLimit)
                {
                    _scratchSeen.UnionWith(_scratch);
                }
            }
        }
        else if (_scratchSeen.Add(process))
        {
            _scratch.Add(process);
        }
    }

    public IReadOnlyList<SocketProcess> ProcessSet(List<SocketProcess> processes)
    {
        if (processes.Count == 0)
        {
            return [];
        }

        var span = CollectionsMarshal.AsSpan(processes);
        if (!_setLookup.TryGetValue(span, out var set))
        {
            set = span.ToArray();
            _sets[set] = set;
        }

        return set;
    }

    /// <summary>Compares sets by the identity of their (interned) processes, in order.</summary>
    private sealed class ProcessSetComparer :
        IEqualityComparer<SocketProcess[]>, IAlternateEqualityComparer<ReadOnlySpan<SocketProcess>, SocketProcess[]>
    {
        public static readonly ProcessSetComparer Instance = new();

        public bool Equals(SocketProcess[]? x, SocketProcess[]? y) => Equals(x.AsSpan(), y!);

        public int GetHashCode(SocketProcess[] set) => GetHashCode(set.AsSpan());

        public bool Equals(ReadOnlySpan<SocketProcess> alternate, SocketProcess[] other)
        {
            if (alternate.Length != other.Length)
            {
                return false;
            }

            for (var i = 0; i < alternate.Length; i++)
            {
                if (!ReferenceEquals(alternate[i], other[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(ReadOnlySpan<SocketProcess> alternate)
        {
            var hash = new HashCode();
            foreach (var process in alternate)
            {
                hash.Add(RuntimeHelpers.GetHashCode(process));
            }

            return hash.ToHashCode();
        }

        public SocketProcess[] Create(ReadOnlySpan<SocketProcess> alternate) => alternate.ToArray();
    }
}

using System.Net;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>The properties of a <c>Get-NetTCPConnection</c> / <c>Get-NetUDPEndpoint</c> object the audit needs.</summary>
internal enum PowerShellField
{
    None,
    LocalAddress,
    LocalPort,
    RemoteAddress,
    RemotePort,
    State,
    OwningProcess,
    ProcessName,
}

/// <summary>
/// One object as it is read — a table or CSV row, a <c>Format-List</c> block, a JSON object — and what it becomes: a
/// listening socket, a skipped connection, or unparsed with the reason. Reused from object to object.
/// </summary>
internal sealed class PowerShellObject
{
    /// <summary>MSFT_NetTCPConnection.State as ConvertTo-Json writes it (a number).</summary>
    private static readonly string[] StateNames =
    [
        "0", "Closed", "Listen", "SynSent", "SynReceived", "Established", "FinWait1", "FinWait2", "CloseWait", "Closing",
        "LastAck", "TimeWait", "DeleteTCB",
    ];

    private const int Listen = 2;
    private const int Bound = 100;

    private char[] _evidence = new char[256];
    private int _evidenceLength;
    private bool _keepEvidence = true;

    /// <summary>What an address the listing shows (interned) reads as: it repeats from row to row.</summary>
    private readonly Dictionary<string, Endpoint> _endpoints = new(StringComparer.Ordinal);

    /// <summary>The process set of a name (interned, or none) and pid, as the pool made it: it repeats too.</summary>
    private readonly Dictionary<(string?, int), IReadOnlyList<SocketProcess>> _processes = [];

    public string? Address { get; private set; }
    public bool Truncated { get; private set; }
    public int? Port { get; private set; }
    public bool HasRemote { get; private set; }
    public int? State { get; private set; }
    public string? StateName { get; private set; }
    public int? Pid { get; private set; }
    public string? Name { get; private set; }
    public string? Error { get; private set; }
    public bool Any { get; private set; }

    public ReadOnlySpan<char> Evidence => _evidence.AsSpan(0, _evidenceLength);

    /// <summary>Starts the next object; <paramref name="evidence"/>: keep what it shows (an object over several lines).</summary>
    /// <param name="json">The object is JSON, where ConvertTo-Json writes State as its number; everywhere else it is a name.</param>
    public void Clear(bool evidence = true, bool json = false)
    {
        (Address, Truncated, Port, HasRemote, State, StateName, Pid, Name, Error, Any, _evidenceLength, _keepEvidence, _json) =
            (null, false, null, false, null, null, null, null, null, false, 0, evidence, json);
    }

    private bool _json;

    /// <summary>One property's value as shown; <paramref name="text"/> is what the evidence keeps of it.</summary>
    public void Set(PowerShellField field, ReadOnlySpan<char> value, ReadOnlySpan<char> text, Interner pool)
    {
        if (field == PowerShellField.None)
        {
            return;
        }

        Any = true;
        var cut = IsCut(value);
        var empty = value.IsEmpty || value is "null";
        switch (field)
        {
            case PowerShellField.LocalAddress:
                Address = empty ? null : pool.String(value);
                Truncated = cut;
                break;
            case PowerShellField.LocalPort:
                Port = ReadNumber(value, "LocalPort", 65535);
                break;
            case PowerShellField.RemoteAddress or PowerShellField.RemotePort:
                HasRemote = true;
                break;
            case PowerShellField.State:
                ReadState(value, pool);
                break;
            case PowerShellField.OwningProcess:
                Pid = empty || cut ? null : ReadNumber(value, "OwningProcess", int.MaxValue);
                break;
            case PowerShellField.ProcessName:
                Name = empty ? null : pool.String(value);
                break;
        }

        if (!_keepEvidence)
        {
            return;
        }

        if (_evidenceLength > 0)
        {
            Append(", ");
        }

        Append(TokenCursor.Trim(text));
    }

    public void Fail(string error) => Error ??= error;

    /// <summary>Listening socket (true), or the reason it is not one: <paramref name="skip"/> or <paramref name="error"/>.</summary>
    /// <param name="tcpHint">The command seen above says Get-NetTCPConnection (true), Get-NetUDPEndpoint (false), or nothing.</param>
    /// <param name="stateColumn">The table or CSV has a State column: a row without a value there is cut short, not UDP.</param>
    public bool TryBuild(bool? tcpHint, bool stateColumn, Interner pool, out Protocol proto, out Endpoint endpoint, out IReadOnlyList<SocketProcess> processes,
        out string? skip, out string? error)
    {
        (proto, endpoint, processes, skip, error) = (Protocol.Tcp, default, [], null, Error);
        if (error is not null)
        {
            return false;
        }

        if (Address is null || Port is null)
        {
            error = "no LocalAddress and LocalPort: not a Get-NetTCPConnection or Get-NetUDPEndpoint object";
            return false;
        }

        if (State is null)
        {
            if (stateColumn)
            {
                error = "no value in the State column: the row is cut short";
                return false;
            }

            if (HasRemote || tcpHint == true)
            {
                error = "a TCP connection without its State: a listener cannot be told from a connection (add State to Select-Object)";
                return false;
            }

            proto = Protocol.Udp; // Get-NetUDPEndpoint: LocalAddress, LocalPort, OwningProcess, no state, no peer
        }
        else if (State != Listen)
        {
            skip = State == Bound ? "bound, not listening (Bound)" : $"not listening ({StateName})";
            return false;
        }

        if (!_endpoints.TryGetValue(Address, out endpoint))
        {
            endpoint = ToEndpoint(Address, 0, Truncated, pool); // the same text is always cut or always whole
            _endpoints[Address] = endpoint;
        }

        endpoint = endpoint with { Port = Port.Value };
        if (Pid is { } pid)
        {
            if (!_processes.TryGetValue((Name, pid), out processes!))
            {
                var set = pool.StartProcessSet();
                set.Add(Name is null ? pool.Pid(pid) : pool.Process(Name, pid));
                processes = pool.ProcessSet(set);
                _processes[(Name, pid)] = processes;
            }
        }
        else if (Name is not null)
        {
            var set = pool.StartProcessSet();
            set.Add(pool.Process(Name, null));
            processes = pool.ProcessSet(set);
        }

        return true;
    }

    /// <summary>PowerShell cuts a cell too wide for its column with <c>…</c> (or <c>...</c> in a narrow console).</summary>
    public static bool IsCut(ReadOnlySpan<char> value) => value.EndsWith("…") || value.EndsWith("...");

    private static Endpoint ToEndpoint(string address, int port, bool truncated, Interner pool)
    {
        var text = address;
        string? zone = null;
        var percent = address.IndexOf('%');
        if (percent > 0 && !truncated)
        {
            text = pool.String(address.AsSpan(0, percent));
            zone = pool.String(address.AsSpan(percent + 1));
        }

        var ip = !truncated && IPAddress.TryParse(text, out var parsed) ? parsed : null;
        var family = text.Contains(':') ? IpFamily.IPv6 : IpFamily.IPv4;
        return new Endpoint(text, family, zone, port, null, truncated ? BindScope.Specific : BindScopes.Classify(text, ip, zone));
    }

    private int? ReadNumber(ReadOnlySpan<char> value, string what, int max)
    {
        if (int.TryParse(value, System.Globalization.NumberStyles.None, null, out var number) && number <= max)
        {
            return number;
        }

        Fail($"{what} '{Excerpt.Of(value)}' is not a number{(max == 65535 ? " in 0-65535" : "")}");
        return null;
    }

    private void ReadState(ReadOnlySpan<char> value, Interner pool)
    {
        if (int.TryParse(value, System.Globalization.NumberStyles.None, null, out var code))
        {
            if (!_json)
            {
                Fail($"State {Excerpt.Of(value)} is a number where a table, list or CSV names it (Listen): a cell of another column");
                return;
            }

            if (code is < 1 or >= 13 && code != Bound)
            {
                Fail($"unknown State {Excerpt.Of(value)} (MSFT_NetTCPConnection's are 1-12 and 100)"); // a cell of another column
                return;
            }

            State = code;
            StateName = code == Bound ? "Bound" : StateNames[code];
            return;
        }

        for (var i = 1; i < StateNames.Length; i++)
        {
            if (value.Equals(StateNames[i], StringComparison.OrdinalIgnoreCase))
            {
                (State, StateName) = (i, StateNames[i]);
                return;
            }
        }

        if (value.Equals("Bound", StringComparison.OrdinalIgnoreCase))
        {
            (State, StateName) = (Bound, "Bound");
            return;
        }

        Fail($"unknown State '{Excerpt.Of(value)}'");
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (_evidenceLength + text.Length > _evidence.Length)
        {
            Array.Resize(ref _evidence, Math.Max(_evidence.Length * 2, _evidenceLength + text.Length));
        }

        text.CopyTo(_evidence.AsSpan(_evidenceLength));
        _evidenceLength += text.Length;
    }

    /// <summary>The property a column or key names, any case; a process name column is any of Process, ProcessName, Name.</summary>
    public static PowerShellField FieldOf(ReadOnlySpan<char> name) => name switch
    {
        _ when name.Equals("LocalAddress", StringComparison.OrdinalIgnoreCase) => PowerShellField.LocalAddress,
        _ when name.Equals("LocalPort", StringComparison.OrdinalIgnoreCase) => PowerShellField.LocalPort,
        _ when name.Equals("RemoteAddress", StringComparison.OrdinalIgnoreCase) => PowerShellField.RemoteAddress,
        _ when name.Equals("RemotePort", StringComparison.OrdinalIgnoreCase) => PowerShellField.RemotePort,
        _ when name.Equals("State", StringComparison.OrdinalIgnoreCase) => PowerShellField.State,
        _ when name.Equals("OwningProcess", StringComparison.OrdinalIgnoreCase) => PowerShellField.OwningProcess,
        _ when name.Equals("Process", StringComparison.OrdinalIgnoreCase) || name.Equals("ProcessName", StringComparison.OrdinalIgnoreCase)
               || name.Equals("Name", StringComparison.OrdinalIgnoreCase) => PowerShellField.ProcessName,
        _ => PowerShellField.None,
    };
}

using PortCompliance.Core.Model;

namespace PortCompliance.Core.Evaluation;

/// <summary>
/// The commands a fix is written in on one OS: how to block a port at the host firewall, see who holds it, stop what
/// holds it, check, and collect the listing again. One class per OS; <see cref="OsCommands"/> is the one list of them.
/// </summary>
internal interface IOsCommands
{
    HostOs Os { get; }

    /// <summary>The host firewall, as a step names it: "ufw or nftables; loopback clients keep working".</summary>
    string Firewall { get; }

    /// <summary>The shell every command here is written for, when not a POSIX shell: <c>powershell</c>; else null.</summary>
    string? Shell { get; }

    /// <summary>Who may see every socket's owner: <c>root</c>, <c>Administrator</c>.</summary>
    string Admin { get; }

    /// <summary>What starts a service, as a step names it: a systemd unit, a Windows service, a launchd job.</summary>
    string Starter { get; }

    /// <summary>A stop-gap that drops the port from other hosts.</summary>
    string Block(ListeningSocket socket);

    /// <summary>The firewall line a step adds after a command that already stops the service.</summary>
    string BlockAfterStop(ListeningSocket socket);

    /// <summary>Shows whether the port still listens, and where.</summary>
    string Verify(ListeningSocket socket);

    /// <summary>Shows which program holds the port and what started it.</summary>
    string Investigate(ListeningSocket socket, int? pid);

    /// <summary>Stops and disables whatever holds the port, when the catalogue does not know the service.</summary>
    string Stop(ListeningSocket socket, int? pid);

    /// <summary>Applies a changed setting of a service the catalogue has no commands for on this OS.</summary>
    string Restart(int? pid);

    /// <summary>Collects the listing again with every socket's owner, into a file named for the host.</summary>
    string Collect { get; }

    /// <summary><see cref="Collect"/>, then a look at the file's first lines.</summary>
    string CollectAndCheck { get; }
}

/// <summary>The commands of each OS; a host of unknown OS gets Linux's, as before hosts had an OS.</summary>
internal static class OsCommands
{
    private static readonly IOsCommands[] All =
        [new LinuxCommands(), new WindowsCommands(), new MacOsCommands(), new FreeBsdCommands(), new OpenBsdCommands()];

    private static readonly Dictionary<HostOs, IOsCommands> ByOs = All.ToDictionary(c => c.Os);

    public static IOsCommands For(HostOs os) => ByOs.GetValueOrDefault(os) ?? ByOs[HostOs.Linux];

    /// <summary>The OS whose catalogue block applies: Linux's top-level fields serve a host of unknown OS too.</summary>
    public static HostOs Effective(HostOs os) => ByOs.ContainsKey(os) ? os : HostOs.Linux;

    /// <summary>
    /// The line that asks the reader for a value a POSIX shell command needs (a unit, an rc.d name): a variable set
    /// empty, and what to set it to. The commands after it run only once it is set (<c>[ -n "$UNIT" ] &amp;&amp;</c>), so a
    /// block pasted unedited does nothing; a <c>&lt;placeholder&gt;</c> would be read by sh as a redirection.
    /// </summary>
    public static string Chosen(string variable, string what) => $"{variable}=  # set it first: {what}";

    /// <summary>Every OS's commands: what the tests hold each OS's printed commands to.</summary>
    internal static IReadOnlyList<IOsCommands> Each => All;
}

using PortCompliance.Core.Model;

namespace PortCompliance.Core.Policy;

/// <summary>
/// Whether a process name as a listing shows it is a name a policy or the catalogue expects. ss prints the
/// kernel's comm, cut to 15 characters (<c>kube-controller</c>); netstat prints the process title
/// (<c>sshd: /usr/sbi</c>, <c>nginx: master</c>, <c>redis-server 0</c>).
/// </summary>
internal static class ProcessNames
{
    private const int CommLength = 15;

    public static bool Matches(string shown, string expected) =>
        shown == expected
        || shown.Length > expected.Length && shown.StartsWith(expected, StringComparison.Ordinal) && shown[expected.Length] is ':' or ' '
        || shown.Length == CommLength && expected.Length > CommLength && expected.StartsWith(shown, StringComparison.Ordinal);

    // Called for every socket under every rule: loops, not closures per call.
    public static bool AnyMatches(IEnumerable<SocketProcess> shown, IEnumerable<string> expected)
    {
        foreach (var process in shown)
        {
            foreach (var name in expected)
            {
                if (Matches(process.Name, name))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

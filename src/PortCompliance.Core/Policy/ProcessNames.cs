using PortCompliance.Core.Model;

namespace PortCompliance.Core.Policy;

/// <summary>
/// Whether a process name as a listing shows it is a name a policy or the catalogue expects. ss prints the
/// kernel's comm, cut to 15 characters (<c>kube-controller</c>); netstat prints the process title
/// (<c>sshd: /usr/sbi</c>, <c>nginx: master</c>, <c>redis-server 0</c>); lsof cuts COMMAND to 9 characters
/// (<c>redis-ser</c>); Windows names the image (<c>sshd.exe</c>, <c>Postgres.exe</c>), whose case and <c>.exe</c> do not count.
/// </summary>
internal static class ProcessNames
{
    private const int CommLength = 15;

    private const int LsofCommandLength = 9;

    public static bool Matches(string? shown, string expected)
    {
        if (shown is null)
        {
            return false; // a pid alone names no program
        }

        if (IsImage(shown))
        {
            var stem = shown.AsSpan(0, shown.Length - 4);
            var wanted = IsImage(expected) ? expected.AsSpan(0, expected.Length - 4) : expected.AsSpan();
            return stem.Equals(wanted, StringComparison.OrdinalIgnoreCase);
        }

        return shown == expected
               || shown.Length > expected.Length && shown.StartsWith(expected, StringComparison.Ordinal) && shown[expected.Length] is ':' or ' '
               || shown.Length is CommLength or LsofCommandLength && expected.Length > shown.Length
                                                                  && expected.StartsWith(shown, StringComparison.Ordinal);
    }

    private static bool IsImage(string name) => name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) && name.Length > 4;

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

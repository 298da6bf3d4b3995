using System.Globalization;

namespace PortCompliance.Cli;

/// <summary>
/// The time an audit runs at: <c>SOURCE_DATE_EPOCH</c> when set (reproducible reports), else the system clock.
/// </summary>
internal static class AuditClock
{
    public static bool TryNow(out DateTimeOffset now, out string error)
    {
        error = "";
        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (string.IsNullOrEmpty(epoch))
        {
            now = TimeProvider.System.GetUtcNow();
            return true;
        }

        if (long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 253402300799)
        {
            now = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }

        now = default;
        error = $"SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, not '{epoch}'";
        return false;
    }
}

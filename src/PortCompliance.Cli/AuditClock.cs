using System.Globalization;

namespace PortCompliance.Cli;

/// <summary>
/// The time an audit runs at: <c>SOURCE_DATE_EPOCH</c> when set (reproducible reports), else the system clock.
/// </summary>
internal static class AuditClock
{
    public static bool TryNow(out DateTimeOffset now, out string error) => TryNow(null, out now, out error);

    /// <summary>As above, with <c>--report-date</c> (YYYY-MM-DD, midnight UTC) taking precedence when given.</summary>
    public static bool TryNow(string? reportDate, out DateTimeOffset now, out string error)
    {
        error = "";
        if (reportDate is not null)
        {
            if (DateOnly.TryParseExact(reportDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                now = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                return true;
            }

            now = default;
            error = $"--report-date must be a date written YYYY-MM-DD, not '{reportDate}'";
            return false;
        }

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

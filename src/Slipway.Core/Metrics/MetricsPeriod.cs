using System.Globalization;

namespace Slipway.Core.Metrics;

/// <summary>How `--since` and `--until` are written: a span back from now (90d, 12w, 36h) or a UTC date or time (2026-01-01, 2026-01-01T12:00:00Z).</summary>
public static class MetricsPeriod
{
    public const string DefaultSince = "90d";

    /// <summary>The window from <paramref name="since"/> to <paramref name="until"/> (now when null); null and a reason when either does not read.</summary>
    public static MetricsWindow? TryParse(string since, string? until, DateTimeOffset now, out string why)
    {
        ArgumentNullException.ThrowIfNull(since);
        DateTimeOffset end = now;
        if (until is not null && !TryParseDate(until, endOfDay: true, out end))
        {
            why = $"--until '{until}' is not a date (write 2026-03-31 or 2026-03-31T18:00:00Z)";
            return null;
        }

        DateTimeOffset start;
        if (TryParseSpan(since, out var span))
        {
            start = end - span;
        }
        else if (!TryParseDate(since, endOfDay: false, out start))
        {
            why = $"--since '{since}' is neither a span nor a date (write 90d, 12w, 36h or 2026-01-01)";
            return null;
        }

        if (start >= end)
        {
            why = $"--since ({Format(start)}) must be before --until ({Format(end)})";
            return null;
        }

        why = string.Empty;
        return new MetricsWindow(start, end);
    }

    private static bool TryParseSpan(string text, out TimeSpan span)
    {
        span = TimeSpan.Zero;
        if (text.Length < 2 || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0 || number > 100_000)
        {
            return false;
        }

        TimeSpan? unit = text[^1] switch
        {
            'd' => TimeSpan.FromDays(1),
            'w' => TimeSpan.FromDays(7),
            'h' => TimeSpan.FromHours(1),
            _ => null,
        };
        span = (unit ?? TimeSpan.Zero) * number;
        return unit is not null;
    }

    // A bare date is a whole UTC day: --since starts at its first second, --until takes it in whole.
    private static bool TryParseDate(string text, bool endOfDay, out DateTimeOffset at)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            at = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(endOfDay ? 1 : 0);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at)
            && text.Contains('T', StringComparison.Ordinal);
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

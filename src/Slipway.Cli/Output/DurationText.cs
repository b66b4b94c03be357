using System.Globalization;

namespace Slipway.Cli.Output;

/// <summary>Durations and rates as people read them: the two largest units (3d 4h, 2h 5m, 45s), percentages, per week.</summary>
public static class DurationText
{
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalSeconds}s");
        }

        if (span < TimeSpan.FromHours(1))
        {
            return Two((int)span.TotalMinutes, "m", span.Seconds, "s");
        }

        return span < TimeSpan.FromDays(1) ? Two((int)span.TotalHours, "h", span.Minutes, "m") : Two((int)span.TotalDays, "d", span.Hours, "h");
    }

    public static string Percent(double rate) => string.Create(CultureInfo.InvariantCulture, $"{rate * 100:0.#}%");

    /// <summary>A count per day or week, with the precision it deserves (12, 1.3, 0.25).</summary>
    public static string Rate(double value) =>
        value.ToString(value >= 10 ? "0" : value >= 1 ? "0.#" : "0.##", CultureInfo.InvariantCulture);

    /// <summary>The length of a window in days (90, or 1.5 for a part of a day).</summary>
    public static string Days(TimeSpan span) => span.TotalDays.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The last day a window ending at <paramref name="end"/> (excluded) covers: the day before when it ends at midnight.</summary>
    public static string LastDay(DateTimeOffset end) => Date(end.UtcDateTime.TimeOfDay == TimeSpan.Zero ? end.AddDays(-1) : end);

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Two(int big, string bigUnit, int small, string smallUnit) => small == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{big}{bigUnit}")
        : string.Create(CultureInfo.InvariantCulture, $"{big}{bigUnit} {small}{smallUnit}");
}

using System.Globalization;
using System.Text;
using Slipway.Core.Errors;

namespace Slipway.Core.Images;

/// <summary>Formats a date with the moment.js tokens metadata-action's {{date}} accepts (YYYY MM DD HH mm ss SSS, [literal], …) in a time zone.</summary>
internal static class MomentFormat
{
    // Longest tokens first, so YYYY wins over YY and MMMM over MM.
    private static readonly string[] Tokens =
    [
        "YYYY", "YY", "MMMM", "MMM", "MM", "M", "DDDD", "DDD", "DD", "Do", "D", "dddd", "ddd", "dd", "d",
        "HH", "H", "hh", "h", "kk", "k", "mm", "m", "ss", "s", "SSS", "SS", "S", "A", "a", "ZZ", "Z", "X", "x", "Q", "E", "e",
    ];

    /// <summary>Renders <paramref name="instant"/> in <paramref name="timeZone"/> (IANA id, default UTC); a null format gives moment's default.</summary>
    public static string Format(DateTimeOffset instant, string? format, string? timeZone)
    {
        var utc = timeZone is null or "UTC" or "Etc/UTC";
        var local = utc ? instant.ToUniversalTime() : TimeZoneInfo.ConvertTime(instant, Zone(timeZone!));
        format ??= utc ? "YYYY-MM-DDTHH:mm:ss[Z]" : "YYYY-MM-DDTHH:mm:ssZ";
        var output = new StringBuilder();
        var i = 0;
        while (i < format.Length)
        {
            if (format[i] == '[')
            {
                var end = format.IndexOf(']', i + 1);
                if (end > 0)
                {
                    output.Append(format, i + 1, end - i - 1);
                    i = end + 1;
                    continue;
                }
            }

            var token = Tokens.FirstOrDefault(t => string.CompareOrdinal(format, i, t, 0, t.Length) == 0);
            if (token is null)
            {
                output.Append(format[i]);
                i++;
                continue;
            }

            output.Append(Render(token, local));
            i += token.Length;
        }

        return output.ToString();
    }

    private static string Render(string token, DateTimeOffset d)
    {
        var c = CultureInfo.InvariantCulture;
        var hour12 = d.Hour % 12 == 0 ? 12 : d.Hour % 12;
        var offset = d.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return token switch
        {
            "YYYY" => d.Year.ToString("0000", c),
            "YY" => (d.Year % 100).ToString("00", c),
            "MMMM" => d.ToString("MMMM", c),
            "MMM" => d.ToString("MMM", c),
            "MM" => d.Month.ToString("00", c),
            "M" => d.Month.ToString(c),
            "DDDD" => d.DayOfYear.ToString("000", c),
            "DDD" => d.DayOfYear.ToString(c),
            "DD" => d.Day.ToString("00", c),
            "Do" => Ordinal(d.Day),
            "D" => d.Day.ToString(c),
            "dddd" => d.ToString("dddd", c),
            "ddd" => d.ToString("ddd", c),
            "dd" => d.ToString("ddd", c)[..2],
            "d" or "e" => ((int)d.DayOfWeek).ToString(c),
            "E" => (d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek).ToString(c),
            "HH" => d.Hour.ToString("00", c),
            "H" => d.Hour.ToString(c),
            "hh" => hour12.ToString("00", c),
            "h" => hour12.ToString(c),
            "kk" => (d.Hour == 0 ? 24 : d.Hour).ToString("00", c),
            "k" => (d.Hour == 0 ? 24 : d.Hour).ToString(c),
            "mm" => d.Minute.ToString("00", c),
            "m" => d.Minute.ToString(c),
            "ss" => d.Second.ToString("00", c),
            "s" => d.Second.ToString(c),
            "SSS" => d.Millisecond.ToString("000", c),
            "SS" => (d.Millisecond / 10).ToString("00", c),
            "S" => (d.Millisecond / 100).ToString(c),
            "A" => d.Hour < 12 ? "AM" : "PM",
            "a" => d.Hour < 12 ? "am" : "pm",
            "ZZ" => $"{sign}{abs.Hours:00}{abs.Minutes:00}",
            "Z" => $"{sign}{abs.Hours:00}:{abs.Minutes:00}",
            "X" => d.ToUnixTimeSeconds().ToString(c),
            "x" => d.ToUnixTimeMilliseconds().ToString(c),
            "Q" => ((d.Month + 2) / 3).ToString(c),
            _ => token,
        };
    }

    private static string Ordinal(int day) => day + (day % 100 is 11 or 12 or 13 ? "th" : (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    private static TimeZoneInfo Zone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new SlipwayException(SlipwayError.Usage($"time zone '{id}' is not known", "use an IANA time zone such as tz='Europe/Paris' or tz='Asia/Tokyo'"));
        }
    }
}

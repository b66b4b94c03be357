using System.Globalization;

namespace Slipway.Core.Deployments;

/// <summary>Durations written like Helm's and Go's: 500ms, 30s, 5m, 1h30m (each part a whole number and a unit).</summary>
public static class Duration
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start || i - start > 9)
            {
                return false;
            }

            var number = long.Parse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
            var unitStart = i;
            while (i < text.Length && char.IsAsciiLetterLower(text[i]))
            {
                i++;
            }

            TimeSpan? part = text[unitStart..i] switch
            {
                "ms" => TimeSpan.FromMilliseconds(number),
                "s" => TimeSpan.FromSeconds(number),
                "m" => TimeSpan.FromMinutes(number),
                "h" => TimeSpan.FromHours(number),
                _ => null,
            };
            if (part is null)
            {
                return false;
            }

            value += part.Value;
        }

        return true;
    }

    /// <summary>The duration as slipway.yml writes it (the reverse of <see cref="TryParse"/>): 10m, 1s, 1h30m, 500ms.</summary>
    public static string Format(TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new System.Text.StringBuilder();
        void Part(long number, string unit)
        {
            if (number > 0)
            {
                text.Append(number.ToString(CultureInfo.InvariantCulture)).Append(unit);
            }
        }

        Part((long)value.TotalHours, "h");
        Part(value.Minutes, "m");
        Part(value.Seconds, "s");
        Part(value.Milliseconds, "ms");
        return text.ToString();
    }
}

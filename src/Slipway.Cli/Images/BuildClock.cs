using System.Globalization;

namespace Slipway.Cli.Images;

/// <summary>The build time for {{date}} and the created label: SOURCE_DATE_EPOCH when set (reproducible builds), else now.</summary>
public static class BuildClock
{
    public static DateTimeOffset Now(Func<string, string?> environment) =>
        long.TryParse(environment("SOURCE_DATE_EPOCH"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.UtcNow;
}

using System.Globalization;
using Slipway.Adapters.Processes;

namespace Slipway.Adapters.Workspace;

/// <summary>
/// The one clock every command reads. <see cref="Now"/> is when things happen (a deployment's record); <see cref="BuildTime"/>
/// is the time written into what a release produces (the changelog's date, the image's `created` label and `{{date}}`
/// tags), which is SOURCE_DATE_EPOCH when it is set, so rebuilding a release gives the same bytes. Ledger records keep the
/// real time even then: a fixed date there would make every deployment look simultaneous.
/// </summary>
public sealed class Clock(TimeProvider time, Func<string, string?> environment)
{
    /// <summary>The machine's clock and environment.</summary>
    public static Clock System { get; } = new(TimeProvider.System, ProcessEnvironment.Variable);

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>SOURCE_DATE_EPOCH (seconds since 1970, UTC) when set and valid, else <see cref="Now"/>.</summary>
    public DateTimeOffset BuildTime =>
        long.TryParse(environment("SOURCE_DATE_EPOCH"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : Now;

    /// <summary>The date a release made now carries (its changelog section): <see cref="BuildTime"/>'s day, in UTC.</summary>
    public DateOnly ReleaseDate => DateOnly.FromDateTime(BuildTime.UtcDateTime);
}

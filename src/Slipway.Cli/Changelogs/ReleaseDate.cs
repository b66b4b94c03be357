namespace Slipway.Cli.Changelogs;

/// <summary>The date a new release carries in the changelog: today, in UTC (the same on every machine that cuts it).</summary>
public static class ReleaseDate
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
}

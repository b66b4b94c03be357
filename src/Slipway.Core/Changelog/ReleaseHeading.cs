namespace Slipway.Core.Changelog;

/// <summary>What names a release in the changelog: version and tag (both null for the unreleased commits), the tag before it, its date.</summary>
public sealed record ReleaseHeading(string? Version, string? Tag, string? PreviousTag, DateOnly? Date)
{
    public static ReleaseHeading Unreleased(string? previousTag) => new(null, null, previousTag, null);
}

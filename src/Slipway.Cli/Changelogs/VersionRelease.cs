using Slipway.Core.Changelog;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Changelogs;

/// <summary>The changelog release of one existing version, as `notes` and `publish` show it.</summary>
public static class VersionRelease
{
    /// <summary>The release of <paramref name="tag"/>: since the highest lower version (stable ones only, for a stable version) that is its ancestor.</summary>
    public static Task<ChangelogRelease> ForTagAsync(ChangelogSource source, VersionTag tag, CancellationToken cancellationToken) =>
        source.ReleaseOfAsync(tag, source.Repository.VersionTags, cancellationToken);
}

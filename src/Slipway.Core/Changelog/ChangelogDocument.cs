namespace Slipway.Core.Changelog;

/// <summary>What a template renders: the releases, newest first, and the GitHub repository to link to (if any).</summary>
/// <param name="IsWholeHistory">True when the releases are the whole history (a complete file: Keep a Changelog adds its title and intro).</param>
public sealed record ChangelogDocument(IReadOnlyList<ChangelogRelease> Releases, GitHubRemote? Remote, bool IsWholeHistory = false);

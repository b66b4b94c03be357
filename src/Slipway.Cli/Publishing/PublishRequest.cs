namespace Slipway.Cli.Publishing;

/// <summary>What `slipway publish` was asked to do.</summary>
/// <param name="Version">The version as typed (1.3.0, or the tag name v1.3.0).</param>
/// <param name="Assets">Paths of files to attach to the release.</param>
/// <param name="ImageScan">The image scan's one-line summary for the notes (`ci release` scans before it publishes), or null.</param>
public sealed record PublishRequest(string Version, bool Draft, IReadOnlyList<string> Assets, bool Clobber, bool AllowMissingImage, bool DryRun, string? ImageScan = null);

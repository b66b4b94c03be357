using Slipway.Core.Versioning;

namespace Slipway.Cli.Releasing;

/// <summary>What the user asked for: a bump (null = as configured), auto (from the commits) and an optional prerelease identifier.</summary>
public sealed record ReleaseRequest(BumpKind? Bump, string? PrereleaseId, bool Auto = false);

namespace Slipway.Cli.Images;

/// <summary>One tag of a promotion: its status, the digest it pointed at before (when it existed), and the error when it failed.</summary>
public sealed record TagOutcome(string Tag, TagStatus Status, string? PreviousDigest = null, string? Error = null);

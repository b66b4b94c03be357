namespace Slipway.Core.Changelog;

/// <summary>An author of commits in a release.</summary>
public sealed record Contributor(string Name, string Email);

namespace Slipway.Cli.Images;

/// <summary>The tags the rules give a version, and the floating tags withheld because a higher release holds them.</summary>
public sealed record TagPlan(IReadOnlyList<string> Tags, IReadOnlyList<KeyValuePair<string, string>> Withheld);

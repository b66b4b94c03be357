namespace Slipway.Core.Changelog;

/// <summary>One section of a release: a title and its entries, newest first.</summary>
public sealed record ChangelogGroup(string Title, IReadOnlyList<ChangelogEntry> Entries);

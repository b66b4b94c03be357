namespace Slipway.Core.Changelog;

/// <summary>One section of a release: a title and its entries, newest first.</summary>
/// <param name="IsOther">The section of commits no section names: an entry there shows its whole subject, type and scope included.</param>
public sealed record ChangelogGroup(string Title, IReadOnlyList<ChangelogEntry> Entries, bool IsOther = false);

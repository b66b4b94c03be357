namespace Slipway.Core.Changelog;

/// <summary>An issue or pull request a commit mentions (#123 in the description, or a `Fixes #12` footer).</summary>
/// <param name="Action">The footer's word (Fixes, Closes, Refs...) or null for a mention in the description.</param>
public sealed record IssueReference(int Number, string? Action);

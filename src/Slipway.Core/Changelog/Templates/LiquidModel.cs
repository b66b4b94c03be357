using System.Globalization;
using Fluid.Values;

namespace Slipway.Core.Changelog.Templates;

/// <summary>The changelog as Liquid values: plain dictionaries and lists, no reflection (Native AOT), every key always present.</summary>
/// <remarks>
/// Commit text enters as string values: Liquid prints them, it never parses them, so `{{ }}` in a message stays text.
/// Shape: releases[] / release { version, tag, previous_tag, date, unreleased, compare_url, breaking[], groups[] { title, commits[] },
/// commits[], contributors[] { name, email } }; commit { sha, short_sha, url, subject, description, type, scope, breaking,
/// breaking_note, conventional, body, author { name, email }, date, issues[] { number, action, url }, footers[] { token, value } };
/// remote { owner, name, url } or nil.
/// </remarks>
public static class LiquidModel
{
    public static FluidValue Remote(GitHubRemote? remote) => remote is null
        ? NilValue.Instance
        : Map(new()
        {
            ["owner"] = Text(remote.Owner),
            ["name"] = Text(remote.Name),
            ["url"] = Text(remote.Url),
        });

    public static FluidValue Release(ChangelogRelease release, GitHubRemote? remote)
    {
        var entries = new Dictionary<ChangelogEntry, FluidValue>(ReferenceEqualityComparer.Instance);
        FluidValue EntryValue(ChangelogEntry e) => entries.TryGetValue(e, out var v) ? v : entries[e] = Entry(e, remote);
        return Map(new()
        {
            ["version"] = Text(release.Version),
            ["tag"] = Text(release.Tag),
            ["previous_tag"] = Text(release.PreviousTag),
            ["date"] = Text(release.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ["unreleased"] = BooleanValue.Create(release.IsUnreleased),
            ["compare_url"] = Text(remote is null ? null
                : release.Tag is null ? release.PreviousTag is null ? null : remote.CompareUrl(release.PreviousTag, "HEAD")
                : remote.CompareUrl(release.PreviousTag, release.Tag)),
            ["breaking"] = List(release.Breaking.Select(EntryValue)),
            ["groups"] = List(release.Groups.Select(g => Map(new()
            {
                ["title"] = Text(g.Title),
                ["commits"] = List(g.Entries.Select(EntryValue)),
            }))),
            ["commits"] = List(release.Entries.Select(EntryValue)),
            ["contributors"] = List(release.Contributors.Select(c => Map(new()
            {
                ["name"] = Text(c.Name),
                ["email"] = Text(c.Email),
            }))),
        });
    }

    private static DictionaryValue Entry(ChangelogEntry entry, GitHubRemote? remote)
    {
        var commit = entry.Commit;
        return Map(new()
        {
            ["sha"] = Text(commit.Sha),
            ["short_sha"] = Text(commit.ShortSha),
            ["url"] = Text(remote?.CommitUrl(commit.Sha)),
            ["subject"] = Text(commit.Subject),
            ["description"] = Text(entry.Description),
            ["type"] = Text(entry.Type),
            ["scope"] = Text(entry.Scope),
            ["breaking"] = BooleanValue.Create(entry.IsBreaking),
            ["breaking_note"] = Text(entry.BreakingNote),
            ["conventional"] = BooleanValue.Create(entry.Parsed.IsConventional),
            ["body"] = Text(entry.Parsed.IsConventional ? entry.Parsed.Body : NullIfEmpty(commit.Body)),
            ["author"] = Map(new()
            {
                ["name"] = Text(commit.AuthorName),
                ["email"] = Text(commit.AuthorEmail),
            }),
            ["date"] = Text(commit.AuthorDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ["issues"] = List(entry.Issues.Select(i => Map(new()
            {
                ["number"] = NumberValue.Create(i.Number),
                ["action"] = Text(i.Action),
                ["url"] = Text(remote?.IssueUrl(i.Number)),
            }))),
            ["footers"] = List(entry.Parsed.Footers.Select(f => Map(new()
            {
                ["token"] = Text(f.Token),
                ["value"] = Text(f.Value),
            }))),
        });
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static FluidValue Text(string? text) => text is null ? NilValue.Instance : new StringValue(text);

    private static ArrayValue List(IEnumerable<FluidValue> values) => new(values.ToArray());

    private static DictionaryValue Map(Dictionary<string, FluidValue> values) => new(new FluidValueDictionaryFluidIndexable(values));
}

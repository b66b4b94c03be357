using Slipway.Core.Commits;
using Slipway.Core.Configuration;
using Slipway.Core.Releases;
using Slipway.Core.Versioning;

namespace Slipway.Core.Changelog;

/// <summary>Turns the commits of a range into a release of the changelog: breaking changes first, then the configured sections, then "Other".</summary>
/// <remarks>Data first, rendered last: templates only format what this decides. No commit is dropped except release commits.</remarks>
public static class ChangelogBuilder
{
    /// <param name="commits">The commits of the release, newest first (merges already left out by the caller).</param>
    /// <param name="parse">Reads a commit message as a Conventional Commit (a non-conventional one comes back with IsConventional false).</param>
    public static ChangelogRelease Build(ReleaseHeading heading, IEnumerable<Commit> commits, Func<Commit, ConventionalCommit> parse,
        ChangelogConfig config, TagNaming naming)
    {
        var sectionOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < config.Sections.Count; i++)
        {
            foreach (var type in config.Sections[i].Types)
            {
                sectionOf.TryAdd(type, i);
            }
        }

        var buckets = new List<ChangelogEntry>[config.Sections.Count + 1];
        var other = buckets.Length - 1;
        var entries = new List<ChangelogEntry>();
        var breaking = new List<ChangelogEntry>();
        foreach (var commit in commits)
        {
            if (ReleaseCommit.Is(commit, naming))
            {
                continue;
            }

            var entry = Entry(commit, parse(commit));
            entries.Add(entry);
            if (entry.IsBreaking)
            {
                breaking.Add(entry);
                continue;
            }

            var index = entry.Parsed.IsConventional && entry.Type is { } type && sectionOf.TryGetValue(type, out var s) ? s : other;
            (buckets[index] ??= []).Add(entry);
        }

        var groups = new List<ChangelogGroup>();
        for (var i = 0; i < buckets.Length; i++)
        {
            if (buckets[i] is { Count: > 0 } bucket)
            {
                groups.Add(i == other ? new ChangelogGroup(ChangelogSection.OtherTitle, bucket, IsOther: true) : new ChangelogGroup(config.Sections[i].Title, bucket));
            }
        }

        return new ChangelogRelease
        {
            Version = heading.Version,
            Tag = heading.Tag,
            PreviousTag = heading.PreviousTag,
            Date = heading.Date,
            Entries = entries,
            Breaking = breaking,
            Groups = groups,
            Contributors = config.Contributors ? Contributors(entries) : [],
        };
    }

    public static ChangelogEntry Entry(Commit commit, ConventionalCommit parsed)
    {
        var description = parsed.IsConventional && !string.IsNullOrWhiteSpace(parsed.Description) ? parsed.Description.Trim() : commit.Subject;
        string? note = null;
        if (parsed.IsBreaking)
        {
            var footer = parsed.Footers.FirstOrDefault(f => f.Token is "BREAKING CHANGE" or "BREAKING-CHANGE");
            note = footer is not null && !string.IsNullOrWhiteSpace(footer.Value) ? footer.Value.Trim() : description;
        }

        return new ChangelogEntry
        {
            Commit = commit,
            Parsed = parsed,
            Description = description,
            BreakingNote = note,
            Issues = IssueReferences.Find(description, parsed.Footers),
        };
    }

    private static List<Contributor> Contributors(List<ChangelogEntry> newestFirst)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<Contributor>();
        for (var i = newestFirst.Count - 1; i >= 0; i--)
        {
            var commit = newestFirst[i].Commit;
            if (seen.Add(commit.AuthorEmail.Length > 0 ? commit.AuthorEmail : commit.AuthorName))
            {
                result.Add(new Contributor(commit.AuthorName, commit.AuthorEmail));
            }
        }

        return result;
    }
}

using System.Globalization;
using Slipway.Core.Commits;

namespace Slipway.Core.Versioning;

/// <summary>Decides the bump from the commits of a release range with a preset's reading and rules, and says why.</summary>
public static class ConventionalBump
{
    /// <summary>
    /// What `versioning.bump: conventional` would decide for <paramref name="commits"/>, said when it is a bigger bump than
    /// <paramref name="chosen"/> and the range holds Conventional Commits; null otherwise.
    /// </summary>
    public static string? Suggestion(IReadOnlyList<Commit> commits, BumpPreset preset, string? since, SemanticVersion from, BumpKind chosen)
    {
        ArgumentNullException.ThrowIfNull(commits);
        if (!commits.Any(c => ConventionalCommitParser.Parse(c.Message).IsConventional))
        {
            return null;
        }

        var decision = Decide(commits, preset, since, from);
        return decision.Kind > chosen && decision.Version is null
            ? $"versioning.bump: conventional in slipway.yml would give {decision.Reason}"
            : null;
    }

    /// <param name="commits">The range, newest first, merge commits included (the tools see them too).</param>
    /// <param name="since">The tag the range starts after, for the reason (null: the whole history).</param>
    /// <param name="from">The version the bump applies to (the tag's, or versioning.initial): below 1.0.0 the preset's pre-1.0 rules apply.</param>
    public static BumpDecision Decide(IReadOnlyList<Commit> commits, BumpPreset preset, string? since, SemanticVersion from)
    {
        ArgumentNullException.ThrowIfNull(commits);
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(from);
        var where = since is null ? "since the beginning" : $"since {since}";
        var byPreset = preset.RulesConfigured ? $"(preset {preset.Name} with versioning.rules)" : $"(preset {preset.Name})";
        if (commits.Count == 0)
        {
            return new BumpDecision(BumpKind.None, $"no commits {where}");
        }

        var readings = preset.Reader.Read(commits);
        var kind = BumpKind.None;
        var releasing = new Dictionary<string, (BumpKind Kind, int Count)>(StringComparer.Ordinal);
        var breaking = new List<string>();
        var quiet = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var reading in readings)
        {
            var (readingKind, rule) = preset.Rules.Match(reading);
            if (readingKind == BumpKind.None || rule is null)
            {
                // A footer that releases nothing is a trailer (Signed-off-by, Co-authored-by), not a commit of that type.
                if (reading.IsFooter)
                {
                    continue;
                }

                quiet.Add(reading.IsCancelled ? "reverted" : reading.Type ?? "other");
                continue;
            }

            kind = readingKind > kind ? readingKind : kind;
            if (rule == BumpRules.BreakingKey)
            {
                breaking.Add(reading.Source.ShortSha);
            }

            releasing[rule] = (readingKind, releasing.GetValueOrDefault(rule).Count + 1);
        }

        var read = readings.Select(r => r.Source.Sha).ToHashSet(StringComparer.Ordinal);
        if (commits.Any(c => !read.Contains(c.Sha)))
        {
            quiet.Add("other");
        }

        if (preset.ReadsReleaseAs && readings.FirstOrDefault(r => r.ReleaseAs is not null) is { } forced)
        {
            return new BumpDecision(kind > BumpKind.Patch ? kind : BumpKind.Patch,
                $"{forced.ReleaseAs}: Release-As footer in {forced.Source.ShortSha} {byPreset}")
            { Version = forced.ReleaseAs };
        }

        if (kind == BumpKind.None)
        {
            return new BumpDecision(BumpKind.None, $"no releasable commits {where} (only {string.Join(", ", quiet)})");
        }

        var byBreaking = breaking.Count > 0 && kind == preset.Rules.Breaking;
        var (applied, preMajorRule) = preset.PreMajor.Apply(kind, byBreaking, from);
        var name = BumpDecision.Name(applied);
        if (preMajorRule is not null)
        {
            // "minor: breaking change in abc1234 since v0.4.2, a minor before 1.0.0 (preset x, versioning.breaking_...)"
            where += $", a {name} before 1.0.0";
            byPreset = $"{byPreset[..^1]}, {preMajorRule})";
        }

        if (byBreaking)
        {
            var shas = string.Join(", ", breaking.Distinct().Take(3));
            var more = breaking.Distinct().Count() > 3 ? $" and {breaking.Distinct().Count() - 3} more" : string.Empty;
            return new BumpDecision(applied, $"{name}: breaking change in {shas}{more} {where} {byPreset}");
        }

        var counts = releasing.Where(r => r.Key != BumpRules.BreakingKey)
            .OrderByDescending(r => r.Value.Kind).ThenByDescending(r => r.Value.Count).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Value.Count} {r.Key}"));
        return new BumpDecision(applied, $"{name}: {string.Join(", ", counts)} {where} {byPreset}");
    }
}

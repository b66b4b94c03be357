using System.Globalization;
using Slipway.Core.Commits;

namespace Slipway.Core.Versioning;

/// <summary>Decides the bump from the commits of a release range with a preset's reading and rules, and says why.</summary>
public static class ConventionalBump
{
    /// <param name="commits">The range, newest first, merge commits included (the tools see them too).</param>
    /// <param name="since">The tag the range starts after, for the reason (null: the whole history).</param>
    public static BumpDecision Decide(IReadOnlyList<Commit> commits, BumpPreset preset, string? since)
    {
        ArgumentNullException.ThrowIfNull(commits);
        ArgumentNullException.ThrowIfNull(preset);
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

        var name = BumpDecision.Name(kind);
        if (breaking.Count > 0 && kind == preset.Rules.Breaking)
        {
            var shas = string.Join(", ", breaking.Distinct().Take(3));
            var more = breaking.Distinct().Count() > 3 ? $" and {breaking.Distinct().Count() - 3} more" : string.Empty;
            return new BumpDecision(kind, $"{name}: breaking change in {shas}{more} {where} {byPreset}");
        }

        var counts = releasing.Where(r => r.Key != BumpRules.BreakingKey)
            .OrderByDescending(r => r.Value.Kind).ThenByDescending(r => r.Value.Count).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Value.Count} {r.Key}"));
        return new BumpDecision(kind, $"{name}: {string.Join(", ", counts)} {where} {byPreset}");
    }
}

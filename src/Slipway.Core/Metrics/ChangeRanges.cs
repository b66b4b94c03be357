using Slipway.Core.Deployments;

namespace Slipway.Core.Metrics;

/// <summary>
/// Which commits reached an environment, and when: each successful attempt brings the commits of its version's history that
/// are not in the history of the version that ran before it (the previous successful attempt's). A commit counts once, at the
/// first attempt that brought it (a version rolled back and deployed again does not bring its commits twice).
/// </summary>
/// <remarks>The first successful attempt in an environment has no version before it: the ledger does not say when its commits
/// arrived (they may predate the ledger), so it brings none. An attempt whose commit is not known (its tag is not in this
/// clone) brings none either, and the attempt after it has no known previous version.</remarks>
public static class ChangeRanges
{
    /// <summary>The ranges to read, oldest first, for the attempts that ended before <paramref name="until"/>, and the successful attempts whose commit is not known.</summary>
    /// <param name="attempts">One environment's attempts, oldest first, with the commit of each version filled in where the repository knows it.</param>
    public static (IReadOnlyList<DeployedRange> Ranges, IReadOnlyList<DeploymentRecord> WithoutCommit) Plan(IReadOnlyList<DeploymentRecord> attempts, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        var ranges = new List<DeployedRange>();
        var withoutCommit = new List<DeploymentRecord>();
        string? previous = null;
        foreach (var attempt in attempts.Where(a => a.Outcome == DeploymentOutcome.Succeeded && a.At < until))
        {
            if (attempt.Commit is not { } commit)
            {
                withoutCommit.Add(attempt);
                previous = null;
                continue;
            }

            if (previous is not null && previous != commit)
            {
                ranges.Add(new DeployedRange(attempt, previous, commit));
            }

            previous = commit;
        }

        return (ranges, withoutCommit);
    }

    /// <summary>Each commit once, at the first range (oldest first) that holds it.</summary>
    public static IReadOnlyList<Change> FirstReached(IEnumerable<(DeployedRange Range, IReadOnlyList<CommitTime> Commits)> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var changes = new List<Change>();
        foreach (var (range, commits) in read)
        {
            foreach (var commit in commits)
            {
                if (seen.Add(commit.Sha))
                {
                    changes.Add(new Change(commit.Sha, commit.CommittedAt, range.Deployment.At));
                }
            }
        }

        return changes;
    }
}

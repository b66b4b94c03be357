using Slipway.Adapters.Workspace;
using Slipway.Cli.Releasing;
using Slipway.Core.Deployments;
using Slipway.Core.Metrics;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Dashboard;

/// <summary>Reads what the delivery metrics need from the repository (each version's commit, the commits each deployment brought and their dates) and computes them.</summary>
public static class DeliveryReader
{
    public static async Task<DeliveryReport> ReportAsync(Workspace repository, DeploymentHistory history, string environment, MetricsWindow window,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(window);
        var attempts = await WithCommitsAsync(repository, [.. history.Records.Where(r => r.Environment == environment)], cancellationToken).ConfigureAwait(false);
        var (ranges, withoutCommit) = ChangeRanges.Plan(attempts, window.End);
        var read = new List<(DeployedRange, IReadOnlyList<CommitTime>)>(ranges.Count);
        foreach (var range in ranges)
        {
            read.Add((range, await repository.History.CommitTimesAsync(range.Since, range.Until, cancellationToken).ConfigureAwait(false)));
        }

        return DeliveryMetrics.Compute(environment, attempts, ChangeRanges.FirstReached(read), withoutCommit, window);
    }

    /// <summary>
    /// Each attempt with the commit of its version: the record's own (older records have none), else its tag's; none when
    /// this repository does not hold that commit (a deleted tag whose commit is gone, a commit never fetched here).
    /// </summary>
    public static async Task<IReadOnlyList<DeploymentRecord>> WithCommitsAsync(Workspace repository, IReadOnlyList<DeploymentRecord> attempts,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(attempts);
        var tags = TagCommits(repository);
        string? CommitOf(DeploymentRecord r) => r.Commit ?? tags.GetValueOrDefault(r.Version);
        var named = attempts.Select(CommitOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var present = await repository.History.PresentCommitsAsync(named, cancellationToken).ConfigureAwait(false);
        return [.. attempts.Select(a => CommitOf(a) is { } commit && present.Contains(commit)
            ? (a.Commit == commit ? a : a with { Commit = commit })
            : (a.Commit is null ? a : a with { Commit = null }))];
    }

    /// <summary>The commit of each version's tag (the first tag of a version with several), by version.</summary>
    public static IReadOnlyDictionary<SemanticVersion, string> TagCommits(Workspace repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var commits = new Dictionary<SemanticVersion, string>();
        foreach (var tag in repository.VersionTags)
        {
            commits.TryAdd(tag.Version, tag.Commit);
        }

        return commits;
    }
}

using System.Globalization;

namespace Slipway.Core.Gates;

/// <summary>`reviewed`: every commit of the release reached the branch through a merged pull request that a review approved.</summary>
public static class ReviewedRule
{
    /// <param name="commits">The release's commits, oldest first: the first one that fails is named.</param>
    /// <param name="branch">The branch the pull requests must have been merged into.</param>
    public static GateVerdict Judge(IReadOnlyList<CommitPullsFact> commits, string branch)
    {
        ArgumentNullException.ThrowIfNull(commits);
        const string Gate = ReleaseGate.Reviewed;
        foreach (var commit in commits)
        {
            var at = $"{(commit.Sha.Length > 7 ? commit.Sha[..7] : commit.Sha)} \"{commit.Subject}\"";
            var merged = commit.Pulls.Where(p => p.Merged && p.Base == branch).ToList();
            if (merged.Count == 0)
            {
                return GateVerdict.Fail(Gate, $"commit {at} did not reach {branch} through a merged pull request",
                    $"land changes on {branch} through reviewed pull requests (branch protection can require it)");
            }

            if (!merged.Any(p => p.Approved))
            {
                var numbers = string.Join(", ", merged.Select(p => "#" + p.Number.ToString(CultureInfo.InvariantCulture)));
                return GateVerdict.Fail(Gate, $"commit {at} came through pull request {numbers}, which no review approved",
                    "have the pull request reviewed and approved (branch protection can require it)");
            }
        }

        return GateVerdict.Pass(Gate, commits.Count == 1 ? "the commit came through an approved pull request" : $"all {commits.Count} commits came through approved pull requests");
    }

    /// <summary>Whether a pull request's reviews approve it, as GitHub counts them: each reviewer's last approval or change request
    /// (comments do not count); approved when one approves and none asks for changes.</summary>
    /// <param name="reviews">Reviewer and state (APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED…), oldest first.</param>
    public static bool Approved(IReadOnlyList<(string Reviewer, string State)> reviews)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var last = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (reviewer, state) in reviews)
        {
            if (state is "APPROVED" or "CHANGES_REQUESTED" or "DISMISSED")
            {
                last[reviewer] = state;
            }
        }

        return last.ContainsValue("APPROVED") && !last.ContainsValue("CHANGES_REQUESTED");
    }
}

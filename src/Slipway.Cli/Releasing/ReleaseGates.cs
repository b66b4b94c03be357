using Slipway.Adapters.Checks;
using Slipway.Adapters.GitHub;
using Slipway.Adapters.Workspace;
using Slipway.Core.Errors;
using Slipway.Core.Gates;
using Slipway.Core.Releases;

namespace Slipway.Cli.Releasing;

/// <summary>
/// `release.gates`: the facts each gate needs, read here (GitHub, git, CHANGELOG.md, the user's command), the verdicts Core's
/// (<see cref="CiGreenRule"/>, <see cref="BreakingDocumentedRule"/>, <see cref="ReviewedRule"/>). `release` runs them all;
/// `plan` and `doctor` run no command and skip the GitHub gates when there is no token.
/// </summary>
public static class ReleaseGates
{
    /// <param name="release">True for `release`: every gate runs and a missing token fails the GitHub gates; false for `plan`/`doctor`.</param>
    /// <param name="offline">`doctor --offline`: the GitHub gates are skipped, saying why.</param>
    public static async Task<IReadOnlyList<GateVerdict>> EvaluateAsync(Workspace repo, ReleasePlan plan, IReadOnlyList<GateSkip> skips, bool release,
        Action<string>? trace, CancellationToken cancellationToken, string? offline = null)
    {
        ArgumentNullException.ThrowIfNull(repo);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(skips);
        var gates = repo.Config.Release.Gates;
        if (gates.Count == 0)
        {
            return [];
        }

        var toRun = gates.Where(g => skips.All(s => s.Gate != g.Name) && (offline is null || !g.NeedsGitHub)).ToList();
        using var github = toRun.Any(g => g.NeedsGitHub) ? await GitHubAccess.OpenAsync(repo, trace, cancellationToken).ConfigureAwait(false) : null;
        var verdicts = new List<GateVerdict>();
        foreach (var gate in gates)
        {
            if (skips.FirstOrDefault(s => s.Gate == gate.Name) is { } skip)
            {
                verdicts.Add(GateVerdict.Skip(gate.Name, $"skipped by --skip-gate: {skip.Reason}"));
                continue;
            }

            if (gate.NeedsGitHub && offline is not null)
            {
                verdicts.Add(GateVerdict.Skip(gate.Name, offline));
                continue;
            }

            if (gate.NeedsGitHub && github!.Problem is { } problem)
            {
                verdicts.Add(release
                    ? GateVerdict.Fail(gate.Name, $"cannot ask GitHub: {problem.Message}", problem.Fix ?? "set GITHUB_TOKEN and the repository")
                    : GateVerdict.Skip(gate.Name, github.NoToken ? "skipped: no GITHUB_TOKEN" : $"skipped: {problem.Message}"));
                continue;
            }

            try
            {
                verdicts.Add(await JudgeAsync(repo, plan, gate, github?.Checks, release, cancellationToken).ConfigureAwait(false));
            }
            catch (SlipwayException e)
            {
                verdicts.Add(GateVerdict.Fail(gate.Name, e.Error.Message, e.Error.Fix ?? "see the message, then release again"));
            }
        }

        return verdicts;
    }

    private static async Task<GateVerdict> JudgeAsync(Workspace repo, ReleasePlan plan, ReleaseGate gate, GitHubCommitChecks? github, bool release, CancellationToken cancellationToken)
    {
        var head = repo.State.Head ?? string.Empty;
        switch (gate.Kind)
        {
            case ReleaseGateKind.CiGreen:
                var runs = github!.CheckRunsAsync(head, cancellationToken);
                var statuses = github.StatusesAsync(head, cancellationToken);
                return CiGreenRule.Judge(head,
                    [.. (await runs.ConfigureAwait(false)).Select(r => new CheckRunFact(r.Name, r.Status, r.Conclusion))],
                    [.. (await statuses.ConfigureAwait(false)).Select(s => new CommitStatusFact(s.Context, s.State))]);
            case ReleaseGateKind.Reviewed:
                var facts = new List<CommitPullsFact>();
                var approvals = new Dictionary<long, bool>();
                foreach (var commit in plan.Commits.Reverse())
                {
                    var pulls = new List<PullReviewFact>();
                    foreach (var pull in await github!.PullsAsync(commit.Sha, cancellationToken).ConfigureAwait(false))
                    {
                        var merged = pull.MergedAt is not null;
                        if (merged && pull.Base.Ref == repo.PushBranch && !approvals.ContainsKey(pull.Number))
                        {
                            var reviews = await github.ReviewsAsync(pull.Number, cancellationToken).ConfigureAwait(false);
                            approvals[pull.Number] = ReviewedRule.Approved([.. reviews.Select(r => (r.User?.Login ?? string.Empty, r.State))]);
                        }

                        pulls.Add(new PullReviewFact(pull.Number, merged, pull.Base.Ref, approvals.GetValueOrDefault(pull.Number)));
                    }

                    facts.Add(new CommitPullsFact(commit.Sha, commit.Subject, pulls));
                }

                return ReviewedRule.Judge(facts, repo.PushBranch);
            case ReleaseGateKind.BreakingDocumented:
                var changed = await repo.Git.ChangedFilesAsync(plan.Base?.Commit, cancellationToken).ConfigureAwait(false);
                var changelog = await repo.Git.FileAtHeadAsync(repo.Config.Changelog.File ?? "CHANGELOG.md", cancellationToken).ConfigureAwait(false);
                return BreakingDocumentedRule.Judge(plan.Commits, changelog?.Text, changed, gate.MigrationPaths);
            default:
                if (!release)
                {
                    return GateVerdict.Skip(gate.Name, $"not run by plan (`slipway release` runs {string.Join(' ', gate.Command!.Run)})");
                }

                var result = await new GateRunner(repo.State.TopLevel).RunAsync(gate.Command!, null, plan.Next.ToString(), plan.NextTag, cancellationToken).ConfigureAwait(false);
                return result.Passed
                    ? GateVerdict.Pass(gate.Name, "the command passed")
                    : GateVerdict.Fail(gate.Name, $"the command failed ({result.Detail})", $"fix what `{string.Join(' ', gate.Command!.Run)}` reports, then release again");
        }
    }

    /// <summary>The GitHub client of the gates, or why there is none (no token, no repository).</summary>
    private sealed class GitHubAccess : IDisposable
    {
        private GitHubHttp? _http;

        public GitHubCommitChecks? Checks { get; private set; }

        public SlipwayError? Problem { get; private set; }

        public bool NoToken { get; private set; }

        public static async Task<GitHubAccess> OpenAsync(Workspace repo, Action<string>? trace, CancellationToken cancellationToken)
        {
            var access = new GitHubAccess();
            try
            {
                var connection = GitHubConnection.FromEnvironment(repo.Environment, GitHubCommitChecks.Permission);
                var target = GitHubTarget.Resolve(repo.Environment, repo.Config.Release.GitHub?.Repo, repo.Config.Remote,
                    await repo.Git.RemoteUrlAsync(repo.Config.Remote, cancellationToken).ConfigureAwait(false));
                access._http = new GitHubHttp(connection) { Trace = trace };
                access.Checks = new GitHubCommitChecks(access._http, target);
            }
            catch (SlipwayException e)
            {
                access.Problem = e.Error;
                access.NoToken = string.IsNullOrWhiteSpace(repo.Environment("GITHUB_TOKEN")) && string.IsNullOrWhiteSpace(repo.Environment("GH_TOKEN"));
            }

            return access;
        }

        public void Dispose() => _http?.Dispose();
    }
}

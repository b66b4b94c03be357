using System.CommandLine;
using Slipway.Adapters.Actions;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Releasing.PullRequests;

namespace Slipway.Cli.Commands;

/// <summary>`slipway ci release-pr`: on every push to the release branch, the standing release pull request opened, updated or closed.</summary>
public static class CiReleasePrCommand
{
    public static Command Create()
    {
        var pre = ReleaseOptionsParser.PreOption();
        var command = new Command("release-pr", """
            Keep one pull request that always shows the next release (release.flow: pull_request; run it on every push to
            the release branch). It computes exactly what `slipway plan` computes, puts the release commit (changelog.file,
            bump_files, trailer Slipway-Release: vX.Y.Z) on slipway/release-BRANCH with --force-with-lease, and opens or
            updates the pull request `chore(release): vX.Y.Z` (label slipway: pending; the body's marked section is the
            changelog, text outside it is kept). It closes the pull request when nothing is releasable any more, leaves one a
            person closed alone until the proposal changes, and rebuilds a release branch changed by hand. A run with nothing
            new sends no write request. `/slipway bump minor` (or patch, major) on a line of the body changes the bump.
            Merging the pull request is the release: `slipway ci release` on the push tags the merged commit.
            With packages: one pull request for every releasable package (`chore(release): core-v1.0.1, cli-v2.0.1`, a
            section per package, one Slipway-Release trailer per tag), or one per package on slipway/release-BRANCH-PACKAGE
            with release_pr: { separate: true }. In the one pull request `/slipway bump minor core` bumps one package and
            `/slipway bump minor` every package it proposes; in a package's own pull request, that package.
            Needs GITHUB_TOKEN with pull-requests: write and contents: write.

            Examples:
              slipway ci release-pr
              slipway ci release-pr --pre rc
            """)
        {
            pre,
        };
        CommandRunner.SetHandler(command, async (parse, terminal, ct) =>
        {
            var request = ReleaseOptionsParser.Request(null, parse.GetValue(pre));
            using var repo = await Workspace.OpenAsync(Environment.CurrentDirectory, ct).ConfigureAwait(false);
            var outcomes = await ReleasePullRequestRun.RunAsync(repo, request, terminal, ct).ConfigureAwait(false);
            foreach (var outcome in outcomes)
            {
                if (outcome.BranchNote is { } note)
                {
                    await terminal.Out.WriteLineAsync(note).ConfigureAwait(false);
                }

                await terminal.Out.WriteLineAsync(outcome.Line).ConfigureAwait(false);
            }

            if (repo.Environment("GITHUB_OUTPUT") is { Length: > 0 } outputPath)
            {
                // One value per pull request, comma-separated (one pull request: its values alone, as without packages).
                await GitHubOutput.AppendAsync(outputPath, [
                    new("pr_number", string.Join(",", outcomes.Select(o => o.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty))),
                    new("version", string.Join(",", outcomes.Select(o => o.Version ?? string.Empty))),
                    new("change", string.Join(",", outcomes.Select(o => o.Action.Change.ToString().ToLowerInvariant()))),
                ], ct).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}

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
            var outcome = await ReleasePullRequestRun.RunAsync(repo, request, terminal, ct).ConfigureAwait(false);
            if (outcome.BranchNote is { } note)
            {
                await terminal.Out.WriteLineAsync(note).ConfigureAwait(false);
            }

            await terminal.Out.WriteLineAsync(outcome.Line).ConfigureAwait(false);
            if (repo.Environment("GITHUB_OUTPUT") is { Length: > 0 } outputPath)
            {
                await GitHubOutput.AppendAsync(outputPath, [
                    new("pr_number", outcome.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
                    new("version", outcome.Tag is null ? string.Empty : repo.Naming.TryParse(outcome.Tag, out var v) ? v.ToString() : string.Empty),
                    new("change", outcome.Action.Change.ToString().ToLowerInvariant()),
                ], ct).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}

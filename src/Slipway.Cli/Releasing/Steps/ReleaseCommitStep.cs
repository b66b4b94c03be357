using Slipway.Core.Releases;

namespace Slipway.Cli.Releasing.Steps;

/// <summary>Commits the changelog and version files as `chore(release): vX.Y.Z`, so the tag goes on that commit; done once the release is tagged.</summary>
public sealed class ReleaseCommitStep : IReleaseStep
{
    public string Name => "commit";

    public Task<StepStatus> CheckAsync(ReleaseContext context, CancellationToken cancellationToken) =>
        Task.FromResult(!ReleaseFiles.Configured(context.Repository) ? StepStatus.Skipped
            : context.Plan.TagExistsAtHead ? StepStatus.Done
            : StepStatus.ToDo);

    public string Describe(ReleaseContext context) =>
        $"commit {string.Join(", ", ReleaseFiles.Paths(context.Repository))} as \"{ReleaseCommit.Message(context.Plan.NextTag).TrimEnd()}\"";

    public async Task RunAsync(ReleaseContext context, CancellationToken cancellationToken)
    {
        var git = context.Repository.Git;
        var paths = ReleaseFiles.Paths(context.Repository);
        var changed = await git.UncommittedChangesAsync(cancellationToken).ConfigureAwait(false);
        var toCommit = paths.Where(changed.Contains).ToList();
        if (toCommit.Count == 0)
        {
            // The files already held this release (committed by hand): the tag goes on HEAD as it is.
            context.Terminal.Status("  nothing to commit: the files already hold the release");
            return;
        }

        await git.CommitPathsAsync(ReleaseCommit.Message(context.Plan.NextTag), toCommit, cancellationToken).ConfigureAwait(false);
    }
}

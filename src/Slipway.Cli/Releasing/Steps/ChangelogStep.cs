namespace Slipway.Cli.Releasing.Steps;

/// <summary>Adds the release's section to changelog.file (Keep a Changelog); done when the file already has it or the release is tagged.</summary>
public sealed class ChangelogStep : IReleaseStep
{
    public string Name => "changelog";

    public async Task<StepStatus> CheckAsync(ReleaseContext context, CancellationToken cancellationToken)
    {
        if (context.Repository.Config.Changelog.File is null)
        {
            return StepStatus.Skipped;
        }

        return context.Plan.TagExistsAtHead || await ChangeAsync(context, cancellationToken).ConfigureAwait(false) is null
            ? StepStatus.Done
            : StepStatus.ToDo;
    }

    public string Describe(ReleaseContext context) => $"add {context.Plan.Next} to {context.Repository.Config.Changelog.File}";

    public async Task RunAsync(ReleaseContext context, CancellationToken cancellationToken)
    {
        if (await ChangeAsync(context, cancellationToken).ConfigureAwait(false) is { } change)
        {
            await ReleaseFiles.WriteAsync(context.Repository, change, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task<ReleaseFiles.Change?> ChangeAsync(ReleaseContext context, CancellationToken cancellationToken) =>
        ReleaseFiles.ChangelogAsync(context.Repository, context.Plan, ReleaseFiles.WorkingTree(context.Repository), cancellationToken);
}

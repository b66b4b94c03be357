namespace Slipway.Cli.Releasing.Steps;

/// <summary>Writes the new version into each bump_files entry (only the value's characters change); done when they all hold it.</summary>
public sealed class BumpFilesStep : IReleaseStep
{
    public string Name => "bump";

    public async Task<StepStatus> CheckAsync(ReleaseContext context, CancellationToken cancellationToken)
    {
        if (context.Repository.Config.BumpFiles.Count == 0)
        {
            return StepStatus.Skipped;
        }

        // Reading and editing every file here means a missing key fails the release before anything is written.
        return context.Plan.TagExistsAtHead || (await ChangesAsync(context, cancellationToken).ConfigureAwait(false)).Count == 0
            ? StepStatus.Done
            : StepStatus.ToDo;
    }

    public string Describe(ReleaseContext context) =>
        $"write {context.Plan.Next} into {string.Join(", ", context.Repository.Config.BumpFiles.Select(b => b.Describe()))}";

    public async Task RunAsync(ReleaseContext context, CancellationToken cancellationToken)
    {
        foreach (var change in await ChangesAsync(context, cancellationToken).ConfigureAwait(false))
        {
            await ReleaseFiles.WriteAsync(context.Repository, change, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task<IReadOnlyList<ReleaseFiles.Change>> ChangesAsync(ReleaseContext context, CancellationToken cancellationToken) =>
        ReleaseFiles.BumpsAsync(context.Repository, context.Plan, ReleaseFiles.WorkingTree(context.Repository), cancellationToken);
}

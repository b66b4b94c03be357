using Slipway.Core.Releases;

namespace Slipway.Cli.Releasing.Steps;

/// <summary>Creates the annotated tag on HEAD; done when HEAD already carries it.</summary>
public sealed class TagStep : IReleaseStep
{
    public string Name => "tag";

    public Task<StepStatus> CheckAsync(ReleaseContext context, CancellationToken cancellationToken) =>
        Task.FromResult(context.Plan.TagExistsAtHead ? StepStatus.Done : StepStatus.ToDo);

    public string Describe(ReleaseContext context) =>
        ReleaseFiles.Configured(context.Repository)
            ? $"create annotated tag {context.Plan.NextTag} on the release commit"
            : $"create annotated tag {context.Plan.NextTag} on {context.Repository.State.Head?[..7]}";

    public Task RunAsync(ReleaseContext context, CancellationToken cancellationToken) =>
        context.Repository.Git.CreateAnnotatedTagAsync(context.Plan.NextTag, ReleasePlanner.TagMessage(context.Plan), cancellationToken);
}

using Slipway.Core.Releases;

namespace Slipway.Cli.Releasing.Steps;

/// <summary>Creates the annotated tag on HEAD; done when HEAD carries it with this release's message (or the remote has it already).</summary>
public sealed class TagStep : IReleaseStep
{
    public string Name => "tag";

    public async Task<StepStatus> CheckAsync(ReleaseContext context, CancellationToken cancellationToken)
    {
        if (!context.Plan.TagExistsAtHead)
        {
            return StepStatus.ToDo;
        }

        // The tag on HEAD must be the one this release makes: annotated, with the whole message. One that is not (a lightweight
        // tag, a message cut short by a kill) is made again, unless the remote has it already: a pushed tag is never touched.
        var tag = await context.Repository.Git.ReadTagAsync(context.Plan.NextTag, cancellationToken).ConfigureAwait(false);
        if (tag is { Target: not null } && Same(tag.Message, ReleasePlanner.TagMessage(context.Plan)))
        {
            return StepStatus.Done;
        }

        // A remote that did not answer may have it: the tag is then left as it is.
        return context.RemoteAnswered && context.RemoteTagCommit is null ? StepStatus.ToDo : StepStatus.Done;
    }

    public string Describe(ReleaseContext context) =>
        context.Plan.TagExistsAtHead
            ? $"make annotated tag {context.Plan.NextTag} again (the local one, not pushed, lacks the release's message)"
            : ReleaseFiles.Configured(context.Repository)
                ? $"create annotated tag {context.Plan.NextTag} on the release commit"
                : $"create annotated tag {context.Plan.NextTag} on {context.Repository.State.Head?[..7]}";

    public Task RunAsync(ReleaseContext context, CancellationToken cancellationToken) =>
        context.Repository.Git.CreateAnnotatedTagAsync(context.Plan.NextTag, ReleasePlanner.TagMessage(context.Plan), replace: context.Plan.TagExistsAtHead, cancellationToken);

    /// <summary>The same message, or the same with the lines of gates skipped by the run that tagged it (a re-run need not repeat --skip-gate).</summary>
    private static bool Same(string message, string expected)
    {
        var (actual, wanted) = (message.TrimEnd('\n'), expected.TrimEnd('\n'));
        return actual == wanted
            || (actual.StartsWith(wanted + "\n\n", StringComparison.Ordinal)
                && actual[(wanted.Length + 2)..].Split('\n').All(l => l.StartsWith("Skipped gate ", StringComparison.Ordinal)));
    }
}

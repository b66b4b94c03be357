using Slipway.Core.Errors;

namespace Slipway.Cli.Releasing.Steps;

/// <summary>Pushes the tag, and the branch when it is ahead, in one atomic push; done when the remote has the tag on HEAD.</summary>
public sealed class PushStep : IReleaseStep
{
    public string Name => "push";

    public async Task<StepStatus> CheckAsync(ReleaseContext context, CancellationToken cancellationToken)
    {
        if (context.Options.NoPush)
        {
            return StepStatus.Skipped;
        }

        var tagRef = $"refs/tags/{context.Plan.NextTag}";
        var refs = await context.Repository.Git.ListRemoteRefsAsync(context.Remote, [tagRef, tagRef + "^{}"], cancellationToken).ConfigureAwait(false);
        if (!refs.TryGetValue(tagRef + "^{}", out var remoteCommit) && !refs.TryGetValue(tagRef, out remoteCommit))
        {
            return StepStatus.ToDo;
        }

        return remoteCommit == context.Repository.State.Head
            ? StepStatus.Done
            : throw new SlipwayException(SlipwayError.Precondition(
                $"tag {context.Plan.NextTag} already exists on {context.Remote} on another commit ({remoteCommit[..7]})",
                "someone released this version already: fetch, then release the next version"));
    }

    /// <summary>Whether the remote has the tag at all (on any commit); when the remote cannot be asked, true: the tag is then left as it is.</summary>
    public static async Task<bool> RemoteHasTagAsync(ReleaseContext context, CancellationToken cancellationToken)
    {
        var tagRef = $"refs/tags/{context.Plan.NextTag}";
        try
        {
            var refs = await context.Repository.Git.ListRemoteRefsAsync(context.Remote, [tagRef], cancellationToken).ConfigureAwait(false);
            return refs.ContainsKey(tagRef);
        }
        catch (SlipwayException)
        {
            return true;
        }
    }

    public string Describe(ReleaseContext context) =>
        $"push {string.Join(" and ", RefNames(context))} to {context.Remote} (atomic)";

    public Task RunAsync(ReleaseContext context, CancellationToken cancellationToken) =>
        context.Repository.Git.PushAsync(context.Remote, Refspecs(context), atomic: true, cancellationToken);

    private static List<string> Refspecs(ReleaseContext context)
    {
        var refspecs = new List<string>();
        if (context.Repository.State.Branch == context.Branch)
        {
            // Pushing the branch when it is not ahead is a no-op, so it is always part of the atomic push.
            refspecs.Add($"refs/heads/{context.Branch}:refs/heads/{context.Branch}");
        }

        refspecs.Add($"refs/tags/{context.Plan.NextTag}:refs/tags/{context.Plan.NextTag}");
        return refspecs;
    }

    private static IEnumerable<string> RefNames(ReleaseContext context) =>
        Refspecs(context).Select(r => r[(r.IndexOf(':', StringComparison.Ordinal) + 1)..].Replace("refs/heads/", string.Empty, StringComparison.Ordinal).Replace("refs/tags/", string.Empty, StringComparison.Ordinal));
}

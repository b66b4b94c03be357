using Slipway.Adapters.Workspace;
using Slipway.Cli.Output;
using Slipway.Cli.Publishing;
using Slipway.Core.Errors;

namespace Slipway.Cli.Releasing.Steps;

/// <summary>Publishes the GitHub release of the new tag (as `slipway publish` does) when `release.github` is configured; done when the release already matches.</summary>
public sealed class PublishStep : IReleaseStep
{
    public string Name => "publish";

    public async Task<StepStatus> CheckAsync(ReleaseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Applies(context))
        {
            return StepStatus.Skipped;
        }

        if (!context.Plan.TagExistsAtHead)
        {
            return StepStatus.ToDo;
        }

        try
        {
            var outcome = await Publisher(context.Repository, context).PublishAsync(Request(context, dryRun: true), cancellationToken).ConfigureAwait(false);
            return outcome.NothingChanged ? StepStatus.Done : StepStatus.ToDo;
        }
        catch (SlipwayException)
        {
            // Not publishable yet (the tag is not pushed, the image is not there): the step runs, and fails then with the reason.
            return StepStatus.ToDo;
        }
    }

    /// <summary>Whether the release publishes here: `release.github` is configured, it pushes, and the GitHub release is not left to CI.</summary>
    public static bool Applies(ReleaseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Repository.Config.Release.GitHub is not null && !context.Options.NoPush && !LeftToCi(context);
    }

    /// <summary>
    /// With an image configured, the image is built by CI from the pushed tag, after this command ends: the release notes' `docker pull`
    /// line would name nothing yet, so the GitHub release is `slipway ci release`'s step (run by the tag push), not this one.
    /// </summary>
    public static bool LeftToCi(ReleaseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Repository.Config.Image.Names.Count > 0;
    }

    public string Describe(ReleaseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return $"create or update the GitHub release {context.Plan.NextTag}";
    }

    public async Task RunAsync(ReleaseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Opened again: the tag made by the earlier steps is now part of the repository's tags.
        using var repo = await Workspace.OpenAsync(context.Repository.State.TopLevel, cancellationToken).ConfigureAwait(false);
        var outcome = await Publisher(repo, context).PublishAsync(Request(context, dryRun: false), cancellationToken).ConfigureAwait(false);
        context.Terminal.Status("  " + PublishRenderer.Text(outcome).TrimEnd('\n').Replace("\n", "\n  ", StringComparison.Ordinal));
    }

    private static ReleasePublisher Publisher(Workspace repo, ReleaseContext context) =>
        new(repo, repo.Environment, context.Terminal.Detail);

    private static PublishRequest Request(ReleaseContext context, bool dryRun) =>
        new(context.Plan.Next.ToString(), Draft: false, Assets: [], Clobber: false, AllowMissingImage: false, DryRun: dryRun);
}

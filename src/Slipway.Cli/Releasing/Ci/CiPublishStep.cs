using Slipway.Cli.Output;
using Slipway.Cli.Publishing;
using Slipway.Core.Errors;

namespace Slipway.Cli.Releasing.Ci;

/// <summary>The GitHub release of the tag, as `slipway publish` makes it (notes naming only image tags that exist); done when it already matches.</summary>
public sealed class CiPublishStep : IPipelineStep<CiReleaseContext>
{
    public string Name => "publish";

    public async Task<StepStatus> CheckAsync(CiReleaseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var outcome = await Publisher(context).PublishAsync(Request(context, dryRun: true), cancellationToken).ConfigureAwait(false);
            if (outcome.NothingChanged)
            {
                context.ReleaseUrl = outcome.Url;
                return StepStatus.Done;
            }

            return StepStatus.ToDo;
        }
        catch (SlipwayException)
        {
            // Not publishable as things are (no token, GitHub down): the step runs, and fails then with the reason.
            return StepStatus.ToDo;
        }
    }

    public string Describe(CiReleaseContext context) => $"create or update the GitHub release {context?.Tag}";

    public async Task RunAsync(CiReleaseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = await Publisher(context).PublishAsync(Request(context, dryRun: false), cancellationToken).ConfigureAwait(false);
        context.ReleaseUrl = outcome.Url;
        context.Terminal.Status("  " + PublishRenderer.Text(outcome).TrimEnd('\n').Replace("\n", "\n  ", StringComparison.Ordinal));
    }

    private static ReleasePublisher Publisher(CiReleaseContext context) =>
        new(context.Repository, context.Repository.Environment, context.Terminal.Detail);

    private static PublishRequest Request(CiReleaseContext context, bool dryRun) =>
        new(context.Version.ToString(), Draft: false, Assets: [], Clobber: false, AllowMissingImage: false, DryRun: dryRun);
}

using Slipway.Cli.Images;
using Slipway.Core.Ci;
using Slipway.Core.Errors;

namespace Slipway.Cli.Releasing.Ci;

/// <summary>
/// Scans the image built for the tagged commit, by digest, before the image step gives it any version tag: findings at or above
/// image.scan.fail_on that are not ignored stop `ci release` here (exit 3), so nothing is tagged, published or deployed.
/// It changes nothing, so it runs on every run (a finding published since the last run blocks the re-run too).
/// </summary>
public sealed class CiScanStep : IPipelineStep<CiReleaseContext>
{
    public string Name => "scan";

    public Task<StepStatus> CheckAsync(CiReleaseContext context, CancellationToken cancellationToken) => Task.FromResult(StepStatus.ToDo);

    public string Describe(CiReleaseContext context) =>
        $"scan the image built for {context?.Release.Commit[..7]} with {Path.GetFileName(context?.Repository.Config.Image.Scan?.Run[0])} before it gets the tags of {context?.Version}";

    public async Task RunAsync(CiReleaseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var repo = context.Repository;
        var scan = repo.Config.Image.Scan!;
        var state = await CiImageStep.StateAsync(context, cancellationToken).ConfigureAwait(false);
        if (state.State.Status == VersionImageStatus.Missing)
        {
            throw CiImageStep.Missing(context, state);
        }

        var verdict = await ImageScan.RunAsync(scan, repo.Root, state.Image, state.State.Digest!, context.Version.ToString(), context.Tag, repo.Clock.Now,
            context.Terminal.Detail, cancellationToken).ConfigureAwait(false);
        context.ImageScan = verdict;
        context.Terminal.Status($"  {verdict.SummaryLine()}");
        if (verdict.Blocked)
        {
            throw new SlipwayException(verdict.Refusal(state.State.Status == VersionImageStatus.Done
                ? $"{context.Version} is not published or deployed"
                : $"the image gets no version tags and {context.Version} is not published or deployed"));
        }
    }
}

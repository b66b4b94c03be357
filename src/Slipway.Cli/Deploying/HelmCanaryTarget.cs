using Slipway.Adapters.Helm;
using Slipway.Adapters.Processes;
using Slipway.Cli.Output;
using Slipway.Core.Deployments;

namespace Slipway.Cli.Deploying;

/// <summary>kind: helm's canary moves: `helm upgrade --install` with the chart's image keys and the canary's values as --set.</summary>
internal sealed class HelmCanaryTarget(DeploymentContext context, Terminal terminal, Action<string> progress, HelmRelease release) : ICanaryTarget
{
    public async Task<CanaryApplied> ApplyAsync(RolloutMove move, string label, Action<string> stage, CancellationToken cancellationToken)
    {
        var helm = new HelmClient(context.Root);
        var arguments = HelmClient.UpgradeArguments(release, move.Values.Chart(release.ImageKey, release.DigestKey));
        progress($"{label}: {ShellQuote.Join(helm.Program, arguments)}");
        stage("helm");
        var result = await helm.RunAsync(arguments, cancellationToken).ConfigureAwait(false);
        terminal.Detail(result.Output + result.ErrorOutput);
        return result.Succeeded ? new CanaryApplied(true, null) : new CanaryApplied(false, $"helm: {result.Problem}");
    }
}

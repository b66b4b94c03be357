using Slipway.Cli.Deploying;
using Slipway.Core.Deployments;

namespace Slipway.Cli.Releasing.Ci;

/// <summary>Deploys the version to an environment with `on_release: true`, as `slipway deploy ENV VERSION` does; done when it is already running there.</summary>
public sealed class CiDeployStep(DeploymentEnvironment environment) : IPipelineStep<CiReleaseContext>
{
    public string Name => $"deploy {environment.Name}";

    public DeploymentEnvironment Environment => environment;

    public async Task<StepStatus> CheckAsync(CiReleaseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var deployment = await DeploymentContext.OpenAsync(context.Repository.Root, context.Repository.Clock, context.Repository.Environment, cancellationToken, package: context.Repository.Package?.Name).ConfigureAwait(false);
        var history = (await deployment.Ledger.ReadAsync(cancellationToken).ConfigureAwait(false)).History();
        return OnRelease.AlreadyDeployed(history, environment.Name, context.Version) ? StepStatus.Done : StepStatus.ToDo;
    }

    public string Describe(CiReleaseContext context) => $"deploy {context?.Version} to {environment.Name}";

    public async Task RunAsync(CiReleaseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var deployment = await DeploymentContext.OpenAsync(context.Repository.Root, context.Repository.Clock, context.Repository.Environment, cancellationToken, notify: context.Terminal, package: context.Repository.Package?.Name).ConfigureAwait(false);
        var history = (await deployment.Ledger.ReadAsync(cancellationToken).ConfigureAwait(false)).History();
        var env = deployment.Environment(environment.Name);
        _ = await new Deployer(deployment, context.Terminal).RunAsync(new DeploymentRequest(env, context.Version, DeploymentAction.Deploy) { Scanned = context.ImageScan is { Blocked: false } scan ? scan.Image : null }, history, cancellationToken).ConfigureAwait(false);
    }
}

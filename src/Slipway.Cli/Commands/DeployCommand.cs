using System.CommandLine;
using Slipway.Adapters.Processes;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Deploying;
using Slipway.Core.Deployments;

namespace Slipway.Cli.Commands;

/// <summary>`slipway deploy ENV [VERSION]`: gates, helm upgrade --install, health check, record.</summary>
public static class DeployCommand
{
    public static Command Create()
    {
        var environment = new Argument<string>("environment") { Description = "An environment from slipway.yml (environments:)" };
        var version = new Argument<string?>("version") { Description = "The version to deploy, 1.3.0 or v1.3.0 (default: the current version)", Arity = ArgumentArity.ZeroOrOne };
        var dryRun = DeploymentOptions.DryRun();
        var reason = DeploymentOptions.Reason();
        var force = DeploymentOptions.Force();
        var digest = DeploymentOptions.Digest();
        var package = PackageOption.Create();
        var command = new Command("deploy", """
            Deploy a version to an environment with `helm upgrade --install ... --set image.tag=vX.Y.Z --wait`: first the
            environment's gates, then helm, then its health check (with auto_rollback, a failure redeploys the last good
            version). Every attempt is recorded in the ledger on the remote (refs/slipway/ledger).

            Examples:
              slipway deploy staging 1.3.0
              slipway deploy staging --dry-run
              slipway deploy production 1.3.1 --force --reason "hotfix for incident 42"
            """)
        {
            environment, version, dryRun, reason, force, digest, package,
        };
        CommandRunner.SetHandler(command, async (parse, terminal, ct) =>
        {
            var why = DeploymentOptions.CheckedReason(parse.GetValue(reason), parse.GetValue(force));
            var imageDigest = DeploymentOptions.CheckedDigest(parse.GetValue(digest));
            var context = await DeploymentContext.OpenAsync(Environment.CurrentDirectory, Clock.System, ProcessEnvironment.Variable, ct, notify: terminal, package: parse.GetValue(package)).ConfigureAwait(false);
            var env = context.Environment(parse.GetValue(environment)!);
            var v = await context.VersionAsync(parse.GetValue(version), ct).ConfigureAwait(false);
            var history = (await context.Ledger.ReadAsync(ct).ConfigureAwait(false)).History();
            var request = new DeploymentRequest(env, v, DeploymentAction.Deploy)
            {
                Reason = why,
                Force = parse.GetValue(force),
                DryRun = parse.GetValue(dryRun),
                Digest = imageDigest,
            };
            return await new Deployer(context, terminal).RunAsync(request, history, ct).ConfigureAwait(false);
        });
        return command;
    }
}

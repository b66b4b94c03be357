using System.CommandLine;
using Slipway.Adapters.Processes;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Deploying;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Commands;

/// <summary>`slipway promote FROM TO`: deploys to TO the version that is good in FROM, under TO's requirements.</summary>
public static class PromoteCommand
{
    public static Command Create()
    {
        var from = new Argument<string>("from") { Description = "The environment whose good version is promoted" };
        var to = new Argument<string>("to") { Description = "The environment that receives it" };
        var dryRun = DeploymentOptions.DryRun();
        var reason = DeploymentOptions.Reason();
        var force = DeploymentOptions.Force();
        var package = PackageOption.Create();
        var command = new Command("promote", """
            Deploy to TO the version last deployed successfully to FROM (and not failed or rolled back there since),
            with TO's gates, approval and health check, exactly like `slipway deploy TO VERSION`.

            Examples:
              slipway promote staging production
              slipway promote staging production --dry-run
            """)
        {
            from, to, dryRun, reason, force, package,
        };
        CommandRunner.SetHandler(command, async (parse, terminal, ct) =>
        {
            var why = DeploymentOptions.CheckedReason(parse.GetValue(reason), parse.GetValue(force));
            var context = await DeploymentContext.OpenAsync(Environment.CurrentDirectory, Clock.System, ProcessEnvironment.Variable, ct, notify: terminal, package: parse.GetValue(package)).ConfigureAwait(false);
            var source = context.Environment(parse.GetValue(from)!);
            var target = context.Environment(parse.GetValue(to)!);
            if (source == target)
            {
                throw new SlipwayException(SlipwayError.Usage($"cannot promote {source.Name} to itself", "name two different environments, e.g. slipway promote staging production"));
            }

            var history = (await context.Ledger.ReadAsync(ct).ConfigureAwait(false)).History();
            var good = history.LastGood(source.Name) ?? throw new SlipwayException(SlipwayError.Precondition(
                $"{source.Name} has no good version to promote (nothing succeeded there that has not failed or been rolled back since)",
                $"deploy a version to {source.Name} first: slipway deploy {source.Name} VERSION"));
            var request = new DeploymentRequest(target, good.Version, DeploymentAction.Promote)
            {
                From = source.Name,
                Reason = why,
                Force = parse.GetValue(force),
                DryRun = parse.GetValue(dryRun),
                Digest = good.Digest,
            };
            return await new Deployer(context, terminal).RunAsync(request, history, ct).ConfigureAwait(false);
        });
        return command;
    }
}

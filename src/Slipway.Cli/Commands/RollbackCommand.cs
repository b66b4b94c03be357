using System.CommandLine;
using Slipway.Adapters.Processes;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Deploying;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Commands;

/// <summary>`slipway rollback ENV [--to VERSION]`: redeploys the last good version before the current one and marks the current one bad.</summary>
public static class RollbackCommand
{
    public static Command Create()
    {
        var environment = new Argument<string>("environment") { Description = "An environment from slipway.yml" };
        var to = new Option<string?>("--to") { Description = "The version to go back to (default: the last version that succeeded before the current one)", HelpName = "VERSION" };
        var dryRun = DeploymentOptions.DryRun();
        var reason = DeploymentOptions.Reason();
        var force = DeploymentOptions.Force();
        var package = PackageOption.Create();
        var command = new Command("rollback", """
            Redeploy the last version that succeeded in ENV before the current one, skipping versions that failed or were
            rolled back (this is not Helm's "previous revision"), and mark the current version as rolled back so that
            `promote` never picks it. Gates do not run; the health check and approval do.

            Examples:
              slipway rollback staging
              slipway rollback production --to 1.2.2 --reason "memory leak in 1.3.0"
            """)
        {
            environment, to, dryRun, reason, force, package,
        };
        CommandRunner.SetHandler(command, async (parse, terminal, ct) =>
        {
            var why = DeploymentOptions.CheckedReason(parse.GetValue(reason), parse.GetValue(force));
            var context = await DeploymentContext.OpenAsync(Environment.CurrentDirectory, Clock.System, ProcessEnvironment.Variable, ct, notify: terminal, package: parse.GetValue(package)).ConfigureAwait(false);
            var env = context.Environment(parse.GetValue(environment)!);
            var explicitVersion = parse.GetValue(to) is { } text ? await context.VersionAsync(text, ct).ConfigureAwait(false) : null;
            var history = (await context.Ledger.ReadAsync(ct).ConfigureAwait(false)).History();
            var rollback = Rollback.Decide(history, env.Name, explicitVersion);
            var request = new DeploymentRequest(env, rollback.Target, DeploymentAction.Rollback)
            {
                Reason = why,
                Force = parse.GetValue(force),
                DryRun = parse.GetValue(dryRun),
                MarkBad = rollback.MarkBad,
            };
            return await new Deployer(context, terminal).RunAsync(request, history, ct).ConfigureAwait(false);
        });
        return command;
    }
}

using System.CommandLine;
using Slipway.Adapters.Processes;
using Slipway.Cli.Doctor;
using Slipway.Cli.Output;
using Slipway.Core.Doctor;

namespace Slipway.Cli.Commands;

/// <summary>`slipway doctor`: everything the release pipeline needs, checked here before a tag is pushed; nothing is written.</summary>
public static class DoctorCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the checks as JSON: {\"checks\": [{name, status, detail, fix}]}" };
        var env = new Option<string?>("--env") { Description = "Check only this environment's chart and cluster", HelpName = "ENV" };
        var offline = new Option<bool>("--offline") { Description = "Skip the checks that need the network (registry, GitHub, the ledger, the cluster)" };
        var command = new Command("doctor", """
            Check what a release needs before the tag is pushed: slipway.yml, that the next tag starts the release
            workflow, the workflows and their permissions, the Dockerfile, the registry and its push credentials, the
            GitHub token, helm and each environment's chart, the cluster, and the deployment ledger. Each check is
            passed, failed (with its fix) or skipped (with why). Nothing is written: no tag, image, release or record.
            Exit 0 when no check failed, 3 otherwise.

            Examples:
              slipway doctor
              slipway doctor --env staging
              slipway doctor --offline --json
            """)
        {
            json, env, offline,
        };
        CommandRunner.SetHandler(command, async (parse, terminal, ct) =>
        {
            var checks = await DoctorRun.RunAsync(Environment.CurrentDirectory, parse.GetValue(env), parse.GetValue(offline), ProcessEnvironment.Variable, ct).ConfigureAwait(false);
            await terminal.Out.WriteAsync(parse.GetValue(json) ? DoctorRenderer.Json(checks) : DoctorRenderer.Text(checks, terminal)).ConfigureAwait(false);
            return DoctorCheck.ExitCode(checks);
        });
        return command;
    }
}

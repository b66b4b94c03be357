using System.CommandLine;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Output;
using Slipway.Cli.Releasing;
using Slipway.Cli.Releasing.Ci;
using Slipway.Cli.Releasing.Packages;
using Slipway.Core.Releases;

namespace Slipway.Cli.Commands;

/// <summary>`slipway plan`: the whole release, computed and checked, without changing anything.</summary>
public static class PlanCommand
{
    public static Command Create()
    {
        var bump = new Option<string?>("--bump") { Description = "The bump to plan; auto decides it from the commits (default: as configured: auto with versioning.bump: conventional, else patch)", HelpName = "auto|patch|minor|major" };
        bump.AcceptOnlyFromAmong(ReleaseOptionsParser.BumpNames);
        var pre = ReleaseOptionsParser.PreOption();
        var json = new Option<bool>("--json") { Description = "Print the plan as JSON (schema: docs/plan-json.md)" };
        var package = new Option<string?>("--package") { Description = "With packages: in slipway.yml, this package's plan only (a --bump for it forces a release)", HelpName = "NAME" };
        var command = new Command("plan", """
            Show the next release without changing anything: current and next version and why, the commits and
            changelog since the last release, the checks `slipway release` would run, and its gates (release.gates).

            Examples:
              slipway plan
              slipway plan --bump auto
              slipway plan --bump minor
              slipway plan --bump major --pre rc --json
              slipway plan --package api      (a monorepo's package, see packages: in slipway.yml)
            """)
        {
            bump, pre, json, package,
        };
        CommandRunner.SetHandler(command, async (parse, terminal, ct) =>
        {
            var request = ReleaseOptionsParser.Request(parse.GetValue(bump), parse.GetValue(pre));
            using var repo = await Workspace.OpenAsync(Environment.CurrentDirectory, ct).ConfigureAwait(false);
            terminal.Detail(repo.Discovery);
            if (repo.Config.Packages.Count > 0)
            {
                var (monorepo, packageChecks) = await PackageReleaseRun.PlanAsync(repo, request, parse.GetValue(package), fetch: false, push: true, ct).ConfigureAwait(false);
                var plans = monorepo.Plans;
                await terminal.Out.WriteAsync(parse.GetValue(json)
                    ? PackagePlanRenderer.Json(plans, repo.State.Head, repo.State.Branch) + "\n"
                    : PackagePlanRenderer.Text(plans, packageChecks, terminal)).ConfigureAwait(false);
                return 0;
            }

            if (parse.GetValue(package) is { } name)
            {
                throw new Core.Errors.SlipwayException(Core.Errors.SlipwayError.Usage($"--package {name}: slipway.yml has no packages: section", "leave --package out, or declare the packages under packages: in slipway.yml"));
            }

            // The preflight checks (git processes) run beside the planning (reading the files, on another thread); only the
            // tag check waits for the plan.
            var planning = Task.Run(() => ReleasePlanning.PlanAsync(repo, request, ct), ct);
            var checks = await Preflight.RunAsync(repo, planning, fetch: false, push: true, ct).ConfigureAwait(false);
            var plan = (await planning.ConfigureAwait(false)) with { Checks = checks };
            plan = plan with { Gates = await ReleaseGates.EvaluateAsync(repo, plan, [], release: false, terminal.Detail, ct).ConfigureAwait(false) };
            terminal.Detail(repo.History.Detail);
            await terminal.Out.WriteAsync(parse.GetValue(json)
                ? PlanRenderer.Json(plan, repo.State.Head, repo.State.Branch) + "\n"
                : PlanRenderer.Text(plan, terminal, plan.Status == ReleaseStatus.AlreadyTagged ? [.. CiReleasePipeline.Steps(repo.Config).Select(s => s.Name)] : null)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Notifying;
using Slipway.Cli.Output;
using Slipway.Cli.Releasing;
using Slipway.Cli.Releasing.Ci;
using Slipway.Cli.Releasing.Packages;
using Slipway.Core.Errors;
using Slipway.Core.Gates;

namespace Slipway.Cli.Commands;

/// <summary>`slipway release`: preflight, annotated tag, atomic push; a re-run after a failure finishes the release.</summary>
public static class ReleaseCommand
{
    public static Command Create()
    {
        var bump = new Argument<string?>("bump") { Description = "auto (from the Conventional Commits since the last release), patch, minor or major (default: as configured)", Arity = ArgumentArity.ZeroOrOne, HelpName = string.Join('|', ReleaseOptionsParser.BumpNames) };
        bump.AcceptOnlyFromAmong(ReleaseOptionsParser.BumpNames);
        var pre = ReleaseOptionsParser.PreOption();
        var dryRun = new Option<bool>("--dry-run") { Description = "Run the checks and show the steps, change nothing" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation (required when stdin is not a terminal)" };
        var noPush = new Option<bool>("--no-push") { Description = "Tag locally; do not push (a later run without it pushes)" };
        var package = new Option<string?>("--package") { Description = "With packages: in slipway.yml, release this package only (a bump forces its release, commits or not)", HelpName = "NAME" };
        var skipGate = new Option<string[]>("--skip-gate") { Description = "Release although this gate of release.gates would fail; needs --reason (repeatable, in pairs)", HelpName = "NAME" };
        var reason = new Option<string[]>("--reason") { Description = "Why the --skip-gate before it is skipped; the tag message records it", HelpName = "TEXT" };
        var command = new Command("release", """
            Cut a release: check the repository, create the annotated tag vX.Y.Z (message: "Release vX.Y.Z" and the
            changelog) and push it with the branch, atomically. If a run fails after tagging, run the same command
            again: it finishes the release instead of failing.

            Examples:
              slipway release minor
              slipway release auto --yes     (the bump the commits call for; exit 3 when none)
              slipway release patch --yes          (in CI)
              slipway release major --pre rc --dry-run
              slipway release --yes                (with packages: every package with commits, one push)
              slipway release patch --package api  (one package, forced)
              slipway release patch --skip-gate ci_green --reason "hotfix, CI is down"
            """)
        {
            bump, pre, dryRun, yes, noPush, package, skipGate, reason,
        };
        // A Ctrl-C before the first step (planning, the checks, the question) is "at step preflight": nothing was written yet.
        CommandRunner.SetHandler(command, (parse, terminal, ct) => StepCancelledException.AtAsync("preflight", async () =>
        {
            var request = ReleaseOptionsParser.Request(parse.GetValue(bump), parse.GetValue(pre));
            var options = new ReleaseOptions(parse.GetValue(dryRun), parse.GetValue(noPush));
            using var repo = await Workspace.OpenAsync(Environment.CurrentDirectory, ct).ConfigureAwait(false);
            var skips = GateSkip.Pair(parse.GetValue(skipGate) ?? [], parse.GetValue(reason) ?? [], repo.Config.Release.Gates);
            if (repo.Config.Packages.Count > 0)
            {
                return await PackageReleaseRun.ReleaseAsync(repo, request, parse.GetValue(package), skips, options, parse.GetValue(yes), terminal, ct).ConfigureAwait(false);
            }

            if (parse.GetValue(package) is { } name)
            {
                throw new SlipwayException(SlipwayError.Usage($"--package {name}: slipway.yml has no packages: section", "leave --package out, or declare the packages under packages: in slipway.yml"));
            }

            var plan = await ReleasePlanning.PlanAsync(repo, request, ct).ConfigureAwait(false);
            repo.History.CloseFiles("the release writes to the repository from here on");
            plan = plan with { Checks = await Preflight.RunAsync(repo, plan, fetch: !options.NoPush, push: !options.NoPush, ct).ConfigureAwait(false) };
            var failed = plan.Checks.FirstOrDefault(c => !c.Ok);
            if (failed is null && !plan.TagExistsAtHead)
            {
                // The gates, after preflight and before any write; a release resumed after its tag passed them in the run that tagged it.
                plan = plan with
                {
                    Gates = await ReleaseGates.EvaluateAsync(repo, plan, skips, release: true, terminal.Detail, ct).ConfigureAwait(false),
                    SkippedGates = skips,
                };
            }

            if (options.DryRun)
            {
                await terminal.Out.WriteAsync(PlanRenderer.Text(plan, terminal)).ConfigureAwait(false);
            }

            if (failed is not null)
            {
                throw new SlipwayException(SlipwayError.Precondition($"{failed.Name}: {failed.Message}", failed.Fix));
            }

            if (plan.Gates.FirstOrDefault(g => g.Failed) is { } red)
            {
                throw new SlipwayException(SlipwayError.Precondition($"gate {red.Gate}: {red.Message}", red.Fix));
            }

            foreach (var skip in skips)
            {
                terminal.Status($"gate {skip.Gate} skipped: {skip.Reason} (recorded in the tag message)");
            }

            var context = new ReleaseContext(repo, plan, terminal, options) { Notifications = CommandNotifications.Prepare(repo.Config, repo.State.TopLevel, terminal, repo.Environment) };
            var steps = await ReleasePipeline.CheckAsync(context, ct).ConfigureAwait(false);
            if (steps.All(s => s.Status != StepStatus.ToDo))
            {
                await terminal.Out.WriteLineAsync($"{plan.NextTag} is already released").ConfigureAwait(false);
                return 0;
            }

            if (options.DryRun)
            {
                await PipelineSteps.WriteDryRunAsync(terminal, steps, context).ConfigureAwait(false);
                return 0;
            }

            if (!parse.GetValue(yes))
            {
                if (!Terminal.Interactive)
                {
                    throw new SlipwayException(SlipwayError.Usage(
                        $"release {plan.NextTag} needs confirmation and there is no terminal to ask", "pass --yes to confirm (e.g. in CI)"));
                }

                await terminal.Error.WriteAsync(PlanRenderer.Text(plan, terminal)).ConfigureAwait(false);
                if (!terminal.Confirm($"Release {plan.NextTag}?"))
                {
                    terminal.Status("not released");
                    return (int)ExitCode.Precondition;
                }
            }

            await ReleasePipeline.RunAsync(context, steps, ct).ConfigureAwait(false);
            // The command that finishes it: the same request (a stable release would otherwise cut a new version beside an rc).
            var finish = string.Join(' ', new[] { "slipway release", parse.GetValue(bump), request.PrereleaseId is { } id ? $"--pre {id}" : null, "--yes" }.OfType<string>());
            await terminal.Out.WriteLineAsync(options.NoPush
                ? $"tagged {plan.NextTag} (not pushed: `{finish}` pushes it)"
                : $"released {plan.NextTag}").ConfigureAwait(false);
            if (!options.NoPush && CiReleasePipeline.Steps(repo.Config) is { Count: > 0 } next && Releasing.Steps.PublishStep.LeftToCi(context))
            {
                terminal.Status($"next: the tag push runs `slipway ci release` in CI ({string.Join(", ", next.Select(s => s.Name))}); without CI, run it here once the image is built");
            }

            return 0;
        }, ct));
        return command;
    }
}

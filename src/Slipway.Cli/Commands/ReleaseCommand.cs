using System.CommandLine;
using Slipway.Adapters.Workspace;
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

            var (outcome, context) = await ReleasePipeline.ReleaseAsync(repo, request, skips, options, parse.GetValue(yes), terminal, ct).ConfigureAwait(false);
            var plan = context.Plan;
            switch (outcome)
            {
                case ReleaseOutcome.AlreadyReleased:
                    await terminal.Out.WriteLineAsync($"{plan.NextTag} is already released").ConfigureAwait(false);
                    return 0;
                case ReleaseOutcome.DryRun:
                    return 0;
                case ReleaseOutcome.NotConfirmed:
                    terminal.Status("not released");
                    return (int)ExitCode.Precondition;
            }

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

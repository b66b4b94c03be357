using System.CommandLine;
using Slipway.Adapters.Files;
using Slipway.Adapters.Git;
using Slipway.Adapters.Setup;
using Slipway.Cli.Output;
using Slipway.Cli.Setup;
using Slipway.Core.Configuration;
using Slipway.Core.Errors;
using Slipway.Core.Setup;

namespace Slipway.Cli.Commands;

/// <summary>`slipway init`: slipway.yml and the release and production workflows, from what the repository holds.</summary>
public static class InitCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the files instead of writing them" };
        var force = new Option<bool>("--force") { Description = "Overwrite files that exist" };
        var releasePage = new Option<string?>("--release-page")
        {
            Description = "Also write .github/workflows/release-page.yml, which renders the release page (status --html) after each release and deployment: artifact (the run's artifact) or pages (GitHub Pages)",
            HelpName = "artifact|pages",
        };
        var flow = new Option<string?>("--flow")
        {
            Description = "How releases reach the branch: direct (slipway release tags and pushes; default) or pull_request (a standing release pull request, merged to release)",
            HelpName = "direct|pull_request",
        };
        flow.AcceptOnlyFromAmong("direct", "pull_request");
        var command = new Command("init", """
            Write slipway.yml, .github/workflows/release.yml and (with a production environment)
            .github/workflows/deploy-production.yml from what this repository holds: its Dockerfile, Helm chart and
            values-*.yaml files, version files, GitHub remote, default branch, tags and commits. What it cannot find is
            a comment in slipway.yml, never a guess. At a terminal it shows what it found and asks before writing;
            without one it writes. An existing file is kept (exit 3) unless --force is given.

            Examples:
              slipway init --dry-run
              slipway init
              slipway init --force
              slipway init --flow pull_request   (main is protected: release through a pull request)
              slipway init --release-page pages
            """)
        {
            dryRun, force, flow, releasePage,
        };
        CommandRunner.SetHandler(command, async (parse, terminal, ct) =>
        {
            var state = await new GitRepository(Environment.CurrentDirectory).GetStateAsync(ct).ConfigureAwait(false);
            var survey = await RepositorySurveyor.SurveyAsync(new GitRepository(state.TopLevel), state, ct).ConfigureAwait(false);
            var page = ReleasePageWorkflowWriter.Parse(parse.GetValue(releasePage))
                ?? throw new SlipwayException(SlipwayError.Usage($"--release-page '{parse.GetValue(releasePage)}' is not a place to publish the page", "use --release-page artifact or --release-page pages"));
            var layout = ProjectDetector.Detect(survey) with { Flow = parse.GetValue(flow) == "pull_request" ? ReleaseFlow.PullRequest : ReleaseFlow.Direct };
            var plan = InitPlan.For(layout, ToolVersion.Current, page);
            if (parse.GetValue(dryRun))
            {
                foreach (var file in plan.Files)
                {
                    await terminal.Out.WriteAsync($"==> {file.Path} <==\n{file.Text}\n").ConfigureAwait(false);
                }

                return 0;
            }

            var existing = FilePresence.Existing(state.TopLevel, plan.Files.Select(f => f.Path));
            if (existing.Count > 0 && !parse.GetValue(force))
            {
                throw new SlipwayException(SlipwayError.Precondition($"{string.Join(", ", existing)} already exist{(existing.Count == 1 ? "s" : string.Empty)}",
                    "keep it and write the others by hand (slipway init --dry-run prints them), or pass --force to overwrite"));
            }

            if (Terminal.Interactive)
            {
                terminal.Status("Found:");
                foreach (var line in plan.Findings())
                {
                    terminal.Status("  " + TextSanitizer.OneLine(line));
                }

                terminal.Status("Files:");
                foreach (var file in plan.Files)
                {
                    terminal.Status($"  {file.Path}{(existing.Contains(file.Path) ? " (overwritten)" : string.Empty)}");
                }

                if (!terminal.Confirm("Write these files?"))
                {
                    terminal.Status("nothing written");
                    return (int)ExitCode.Precondition;
                }
            }

            foreach (var file in plan.Files)
            {
                await AtomicFile.WriteAsync(Path.Combine(state.TopLevel, file.Path), new TextFile(file.Text, Utf8Bom: false), ct).ConfigureAwait(false);
                await terminal.Out.WriteLineAsync($"wrote {file.Path}").ConfigureAwait(false);
            }

            foreach (var note in plan.Layout.Notes)
            {
                terminal.Status("note: " + TextSanitizer.OneLine(note.Text));
            }

            terminal.Status("next: review the files, commit them; give the `production` environment required reviewers in GitHub (Settings > Environments) and the secret KUBECONFIG to deploy");
            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using Slipway.Adapters.Actions;
using Slipway.Adapters.Processes;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Notifying;
using Slipway.Cli.Publishing;
using Slipway.Cli.Releasing.Ci;
using Slipway.Core.Ci;
using Slipway.Core.Errors;

namespace Slipway.Cli.Commands;

/// <summary>`slipway ci release [VERSION]`: after a tag push, the version's image tags, the GitHub release and the on_release deployments, each skipped when done.</summary>
public static class CiReleaseCommand
{
    public static Command Create()
    {
        var version = new Argument<string?>("VERSION") { Description = "The version (1.3.0 or v1.3.0; default: the tag the workflow runs on, else the version tag on HEAD)", Arity = ArgumentArity.ZeroOrOne };
        var package = PackageOption.Create();
        var command = new Command("release", """
            Finish a release after its tag is pushed, as resumable steps, each skipped when already done:
              image     the image built for the tagged commit (image.source; main-abc1234 by default) gets the
                        version's tags by manifest PUT (when image: is configured)
              publish   the GitHub release, as `slipway publish` makes it (when release.github is configured)
              deploy    each environment with on_release: true, as `slipway deploy ENV VERSION`
            On a push to the branch (no VERSION, not on a tag) it first looks for a merged release pull request
            (`slipway ci release-pr`): the commit with the trailer Slipway-Release: vX.Y.Z gets that tag (pushed
            atomically), the steps run, and the pull request is relabelled slipway: released.
            A second run changes nothing; after a failure, running it again finishes what is left.
            In GitHub Actions it writes the step outputs version, tag, released, image_tags, release_url and
            deployed to $GITHUB_OUTPUT, a summary to $GITHUB_STEP_SUMMARY, and an ::error annotation on failure.
            With packages: also each package's keys prefixed with its name (core--version, core--tag, ...) and
            releases, a JSON list of the run's releases; the keys without a prefix only when it released one package.

            Examples:
              slipway ci release            (in the tag push's workflow, or on a tagged checkout)
              slipway ci release 1.3.0
              slipway ci release 1.3.0 --package api   (with packages:, which a pushed tag such as api-v1.3.0 names by itself)
            """)
        {
            version, package,
        };
        CommandRunner.SetHandler(command, async (parse, terminal, ct) =>
        {
            var actions = ActionsContext.From(ProcessEnvironment.Variable);
            var workflowTag = actions.PushedTag;
            var done = new List<(string Package, CiReleaseReport Report)>(); // a monorepo's package releases so far, for the outputs
            Core.Versioning.VersionTag? merged = null;
            if (parse.GetValue(version) is null && workflowTag is null)
            {
                // A push to the branch: the merged release pull request's commit, if this push brought one, is tagged first.
                using var before = await Workspace.OpenAsync(Environment.CurrentDirectory, ct).ConfigureAwait(false);
                if (before.Config.Packages.Count > 0)
                {
                    // A monorepo's: every package tag its trailers name, then each package's steps in its own workspace.
                    var tags = await MergedPackageReleaseTags.TagAsync(before, terminal, ct).ConfigureAwait(false);
                    if (tags is null)
                    {
                        await terminal.Out.WriteLineAsync("no release pull request merged in this push: nothing to release").ConfigureAwait(false);
                        return 0;
                    }

                    foreach (var tag in tags)
                    {
                        await ReleaseAsync(Core.Packages.PackageNaming.Owner(before.Config.Packages, tag.Name)!.Name, tag, alone: tags.Count == 1).ConfigureAwait(false);
                    }

                    return 0;
                }

                merged = await MergedReleaseTag.TagAsync(before, terminal, ct).ConfigureAwait(false);
                if (merged is null && before.HeadTags.Count == 0 && actions.RefType == "branch")
                {
                    await terminal.Out.WriteLineAsync("no release pull request merged in this push and no version tag on HEAD: nothing to release").ConfigureAwait(false);
                    return 0;
                }
            }

            // With packages, the pushed tag says whose release it is (api-v1.3.0 is api's).
            await ReleaseAsync(parse.GetValue(package) ?? (workflowTag is null ? null
                : Core.Packages.PackageNaming.Owner(Workspace.LoadConfig(Environment.CurrentDirectory).Packages, workflowTag)?.Name), merged, alone: true).ConfigureAwait(false);
            return 0;

            // The steps for one release (of the repository, or of one package): image, publish, deploy (and relabel a merged pull request).
            // alone: the run releases this package only, so the outputs without a package's prefix name it too.
            async Task ReleaseAsync(string? packageName, Core.Versioning.VersionTag? mergedTag, bool alone)
            {
                using var repo = await Workspace.OpenAsync(Environment.CurrentDirectory, ct, packageName).ConfigureAwait(false);
                var chosen = mergedTag?.Version ?? CiReleaseVersion.Choose(parse.GetValue(version), workflowTag, repo.HeadTags, repo.Naming);
                var tag = repo.Naming.TagFor(chosen);
                var release = repo.VersionTags.FirstOrDefault(t => t.Name == tag) ?? throw new SlipwayException(SlipwayError.Precondition(
                    $"tag {tag} is not in this repository", $"fetch the tags (git fetch {repo.Config.Remote} --tags; actions/checkout with fetch-depth: 0), or release it first (slipway release)"));

                var context = new CiReleaseContext(repo, release, terminal) { Notifications = CommandNotifications.Prepare(repo.Config, repo.Root, terminal, repo.Environment) };
                var (steps, failure) = await CiReleasePipeline.RunAsync(context, CiReleasePipeline.Steps(repo.Config, mergedPullRequest: mergedTag is not null), ct).ConfigureAwait(false);
                var report = new CiReleaseReport
                {
                    Version = chosen.ToString(),
                    Tag = tag,
                    Changelog = await ChangelogOrNullAsync(repo, release, ct).ConfigureAwait(false),
                    Image = repo.Config.Image.Rules().Images.FirstOrDefault(i => i.Enabled)?.Name.ToLowerInvariant(),
                    ImageTags = context.ImageTags,
                    ImageDigest = context.ImageDigest,
                    ImageScan = context.ImageScan,
                    ReleaseUrl = context.ReleaseUrl,
                    Steps = steps,
                };
                if (actions.OutputPath is { Length: > 0 } outputPath)
                {
                    if (packageName is not null)
                    {
                        done.Add((packageName, report));
                    }

                    await GitHubOutput.AppendAsync(outputPath, packageName is null ? report.Outputs() : CiReleaseOutputs.After(done, alone), ct).ConfigureAwait(false);
                }

                if (actions.StepSummaryPath is { Length: > 0 } summaryPath)
                {
                    await GitHubStepSummary.AppendAsync(summaryPath, report.Summary(), ct).ConfigureAwait(false);
                }

                if (failure is not null)
                {
                    if (actions.InActions)
                    {
                        await terminal.Out.WriteLineAsync(WorkflowCommand.Error($"slipway ci release: {steps.First(s => s.Outcome == CiStepOutcome.Failed).Name}", failure.Error.OneLine())).ConfigureAwait(false);
                    }

                    throw failure;
                }

                await terminal.Out.WriteLineAsync(report.Released
                    ? $"released {tag}: {string.Join(", ", steps.Where(s => s.Outcome == CiStepOutcome.Ran).Select(s => s.Name))}"
                    : $"{tag} is already released: nothing to do").ConfigureAwait(false);
            }
        });
        return command;
    }

    /// <summary>The summary's changelog; a history that cannot be read leaves it out rather than hiding what the steps did.</summary>
    private static async Task<string?> ChangelogOrNullAsync(Workspace repo, Core.Versioning.VersionTag release, CancellationToken cancellationToken)
    {
        try
        {
            return await PublishedNotes.ChangelogAsync(repo, release, cancellationToken).ConfigureAwait(false);
        }
        catch (SlipwayException)
        {
            return null;
        }
    }
}

using System.CommandLine;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Output;
using Slipway.Cli.Publishing;
using Slipway.Cli.Releasing;

namespace Slipway.Cli.Commands;

/// <summary>`slipway publish VERSION`: creates or updates the GitHub release of a pushed tag; a second run changes nothing.</summary>
public static class PublishCommand
{
    public static Command Create()
    {
        var version = new Argument<string>("version") { Description = "The version whose tag to publish, e.g. 1.3.0 (the tag v1.3.0 must be pushed)" };
        var draft = new Option<bool>("--draft") { Description = "Publish as a draft (not visible to the public, never Latest)" };
        var assets = new Option<string[]>("--asset") { Description = "A file to attach (repeat for more); skipped when the release has it with the same size", HelpName = "PATH" };
        var clobber = new Option<bool>("--clobber") { Description = "Replace assets that the release already has" };
        var allowMissingImage = new Option<bool>("--allow-missing-image") { Description = "Publish even if the image tag named in the notes is not in the registry" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would change on GitHub, change nothing" };
        var json = new Option<bool>("--json") { Description = "Print the outcome as JSON" };
        var package = PackageOption.Create();
        var command = new Command("publish", """
            Create the GitHub release of a version, or update it to match: title vX.Y.Z, notes (the changelog, then the
            docker pull and helm commands), prerelease for prerelease versions, Latest only for the highest version.
            Running it again changes nothing and says so. Needs GITHUB_TOKEN (or GH_TOKEN) with contents: write.

            Examples:
              slipway publish 1.3.0
              slipway publish 1.3.0 --asset dist/app.zip --asset dist/checksums.txt
              slipway publish 1.4.0-rc.1 --draft --dry-run
            """)
        {
            version, draft, assets, clobber, allowMissingImage, dryRun, json, package,
        };
        CommandRunner.SetHandler(command, async (parse, terminal, ct) =>
        {
            var request = new PublishRequest(parse.GetValue(version)!, parse.GetValue(draft), parse.GetValue(assets) ?? [],
                parse.GetValue(clobber), parse.GetValue(allowMissingImage), parse.GetValue(dryRun));
            using var repo = await Workspace.OpenAsync(Environment.CurrentDirectory, ct, parse.GetValue(package)).ConfigureAwait(false);
            var publisher = new ReleasePublisher(repo, repo.Environment, terminal.Detail);
            var outcome = await publisher.PublishAsync(request, ct).ConfigureAwait(false);
            await terminal.Out.WriteAsync(parse.GetValue(json) ? PublishRenderer.Json(outcome) : PublishRenderer.Text(outcome)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}

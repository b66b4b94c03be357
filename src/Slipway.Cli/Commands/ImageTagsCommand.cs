using System.CommandLine;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Images;
using Slipway.Cli.Output;
using Slipway.Cli.Releasing;

namespace Slipway.Cli.Commands;

/// <summary>`slipway image tags [VERSION]`: the tags and OCI labels a build gets, from the GitHub Actions event or the local repository.</summary>
public static class ImageTagsCommand
{
    public static Command Create()
    {
        var version = new Argument<string?>("VERSION") { Description = "The release version (default: the version tag on HEAD, else the tag pushed; none: a branch build)", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print tags, labels and the floating tags withheld as JSON" };
        var format = new Option<string>("--format") { Description = "lines (one image:tag per line), csv, or docker-args (--tag=… and --label=…, one per line)", DefaultValueFactory = _ => "lines", HelpName = "lines|csv|docker-args" };
        format.AcceptOnlyFromAmong(ImageTagsRenderer.Formats);
        var package = PackageOption.Create();
        var command = new Command("tags", """
            Print the image tags and OCI labels for a build, from image.tags in slipway.yml (docker/metadata-action
            syntax; default: vX.Y.Z, vX.Y, vX, <branch>-<sha>, latest) and the GitHub Actions event it runs in
            (GITHUB_EVENT_NAME, GITHUB_REF, GITHUB_SHA, …) or, outside Actions, the local repository's HEAD.
            Floating tags (vX, vX.Y, latest) only move forward: a release below an existing one does not get them.

            Examples:
              slipway image tags
              slipway image tags 1.3.0 --json
              mapfile -t args < <(slipway image tags --format docker-args); docker build "${args[@]}" .
            """)
        {
            version, json, format, package,
        };
        CommandRunner.SetHandler(command, async (parse, terminal, ct) =>
        {
            using var repo = await Workspace.OpenAsync(Environment.CurrentDirectory, ct, parse.GetValue(package)).ConfigureAwait(false);
            var build = await ImageBuildReader.ReadAsync(repo, parse.GetValue(version), ct).ConfigureAwait(false);
            var set = build.Plan(repo.Config.Image.Rules());
            if (parse.GetValue(json))
            {
                await terminal.Out.WriteAsync(ImageTagsRenderer.Json(set, build)).ConfigureAwait(false);
                return 0;
            }

            await terminal.Out.WriteAsync(parse.GetValue(format) switch
            {
                "csv" => ImageTagsRenderer.Csv(set),
                "docker-args" => ImageTagsRenderer.DockerArgs(set),
                _ => ImageTagsRenderer.Lines(set),
            }).ConfigureAwait(false);
            foreach (var withheld in set.Withheld)
            {
                terminal.Status($"{terminal.Dim("-")} {withheld.Tag} not given: {TextSanitizer.OneLine(withheld.Reason)}");
            }

            if (set.References.Count == 0)
            {
                terminal.Status("no tags: no rule in image.tags applies to this build");
            }

            return 0;
        });
        return command;
    }
}

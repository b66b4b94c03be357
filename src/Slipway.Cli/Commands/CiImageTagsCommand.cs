using System.CommandLine;
using Slipway.Adapters.Actions;
using Slipway.Adapters.Processes;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Images;
using Slipway.Cli.Output;
using Slipway.Cli.Releasing;
using Slipway.Core.Errors;

namespace Slipway.Cli.Commands;

/// <summary>`slipway ci image-tags`: the build's tags, labels and version as step outputs.</summary>
public static class CiImageTagsCommand
{
    public static Command Create()
    {
        var version = new Argument<string?>("VERSION") { Description = "The release version (default: as `slipway image tags`)", Arity = ArgumentArity.ZeroOrOne };
        var package = PackageOption.Create();
        var command = new Command("image-tags", """
            Write the build's image tags, labels and version to $GITHUB_OUTPUT as the step outputs `tags`
            (one image:tag per line), `labels` (key=value per line) and `version` (the main tag), each between
            random delimiters, so a value holding EOF, newlines or ${{ }} cannot end it or add outputs.

            Example (a workflow step with id: meta):
              - run: slipway ci image-tags
                id: meta
              - uses: docker/build-push-action@v6
                with: { tags: "${{ steps.meta.outputs.tags }}", labels: "${{ steps.meta.outputs.labels }}" }
            """)
        {
            version, package,
        };
        CommandRunner.SetHandler(command, async (parse, terminal, ct) =>
        {
            var outputPath = ActionsContext.From(ProcessEnvironment.Variable).OutputPath;
            if (string.IsNullOrEmpty(outputPath))
            {
                throw new SlipwayException(SlipwayError.Usage("GITHUB_OUTPUT is not set", "run this in a GitHub Actions step, or set GITHUB_OUTPUT to a file path (use `slipway image tags` to print the tags)"));
            }

            using var repo = await Workspace.OpenAsync(Environment.CurrentDirectory, ct, parse.GetValue(package)).ConfigureAwait(false);
            var build = await ImageBuildReader.ReadAsync(repo, parse.GetValue(version), ct).ConfigureAwait(false);
            var set = build.Plan(repo.Config.Image.Rules());
            await GitHubOutput.AppendAsync(outputPath, [
                new("tags", string.Join('\n', set.References)),
                new("labels", string.Join('\n', set.Labels.Select(ImageTagsRenderer.Label))),
                new("version", set.Version ?? string.Empty),
            ], ct).ConfigureAwait(false);

            await terminal.Out.WriteAsync(ImageTagsRenderer.Lines(set)).ConfigureAwait(false);
            terminal.Status($"wrote tags ({set.References.Count}), labels ({set.Labels.Count}) and version to GITHUB_OUTPUT");
            return 0;
        });
        return command;
    }
}

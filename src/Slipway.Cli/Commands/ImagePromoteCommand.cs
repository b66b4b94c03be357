using System.CommandLine;
using Slipway.Adapters.Actions;
using Slipway.Adapters.Configuration;
using Slipway.Adapters.Processes;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Images;
using Slipway.Cli.Output;
using Slipway.Core.Errors;
using Slipway.Core.Images;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Commands;

/// <summary>`slipway image promote SOURCE --version V`: the version's tags on an image already in the registry, by manifest PUT only.</summary>
public static class ImagePromoteCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("SOURCE") { Description = "The image to promote, by tag or digest: host/path:tag or host/path@sha256:…" };
        var version = new Option<string>("--version") { Description = "The version whose tags the image gets (1.3.0 or v1.3.0)", Required = true, HelpName = "VERSION" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the tags that would be added or moved; change nothing" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var username = new Option<string?>("--username", "-u") { Description = "Registry user name (with --password-stdin)" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the registry password or token from standard input" };
        var command = new Command("promote", """
            Give an image that is already in the registry the tags of a version (image.tags rules; by default
            vX.Y.Z, vX.Y, vX and latest), by PUTting its manifest under each tag: same digest, no layer moves.
            Floating tags (vX, vX.Y, latest) only move forward: the registry's version tags decide. A tag already
            on the image is skipped, so re-running after a failure finishes the job.

            Credentials, first found: --username + --password-stdin, REGISTRY_USERNAME + REGISTRY_PASSWORD,
            ~/.docker/config.json (auths), GITHUB_TOKEN for ghcr.io. localhost and 127.0.0.0/8 are reached over
            plain HTTP, every other registry over HTTPS unless slipway.yml says image.insecure: true.

            Examples:
              slipway image promote ghcr.io/o/app:main-abc1234 --version 1.3.0
              slipway image promote 127.0.0.1:5000/app@sha256:… --version 1.3.0 --dry-run
              echo "$TOKEN" | slipway image promote ghcr.io/o/app:main-abc1234 --version 1.3.0 -u me --password-stdin --json
            """)
        {
            source, version, dryRun, json, username, passwordStdin,
        };
        CommandRunner.SetHandler(command, async (parse, terminal, ct) =>
        {
            var config = Workspace.LoadConfig(Environment.CurrentDirectory);
            var image = ParseSource(parse.GetValue(source)!);
            var naming = new TagNaming(config.Tag.Prefixes);
            var target = naming.ParseVersion(parse.GetValue(version)!, "--version");
            var credential = RegistryConnection.FromFlags(parse.GetValue(username), parse.GetValue(passwordStdin), Console.In);
            var dry = parse.GetValue(dryRun);
            var environment = ProcessEnvironment.Variable;
            using var client = RegistryConnection.Open(image, credential, config.Image.Insecure, push: !dry, environment);
            var rules = config.Image.Rules();
            var result = await ImagePromotion.RunAsync(client, image, target, rules, naming,
                PromotionTags.For(config, rules, naming.TagFor(target), target, ActionsContext.From(environment).Sha ?? string.Empty, Clock.System.BuildTime), dry, ct).ConfigureAwait(false);

            await terminal.Out.WriteAsync(parse.GetValue(json) ? PromotionRenderer.Json(result) : PromotionRenderer.Text(result, terminal)).ConfigureAwait(false);
            foreach (var (tag, reason) in result.Withheld)
            {
                terminal.Status($"{terminal.Dim("-")} {tag} not given: {reason}");
            }

            if (result.Failures.ToList() is [var first, .. var more])
            {
                throw new SlipwayException(SlipwayError.Failed(
                    $"could not tag {image.Name}:{first.Tag}{(more.Count > 0 ? $" (and {more.Count} more)" : string.Empty)}: {first.Error}",
                    $"re-run the same command to finish (tags already on {result.Digest[..19]}… are skipped)"));
            }

            terminal.Status(PromotionRenderer.Summary(result));
            return 0;
        });
        return command;
    }

    private static ImageReference ParseSource(string text) =>
        ImageReference.TryParse(text, out var image, out var why)
            ? image
            : throw new SlipwayException(SlipwayError.Usage($"'{text}' is not an image reference: {why}", "write it as host/path:tag or host/path@sha256:<digest>"));
}

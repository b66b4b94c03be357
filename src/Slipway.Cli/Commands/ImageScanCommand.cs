using System.CommandLine;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Images;
using Slipway.Cli.Output;
using Slipway.Core.Errors;

namespace Slipway.Cli.Commands;

/// <summary>`slipway image scan [VERSION]`: runs image.scan on the version's image by digest, as `ci release` and `deploy` do, and says whether it would pass.</summary>
public static class ImageScanCommand
{
    public static Command Create()
    {
        var version = new Argument<string?>("VERSION") { Description = "The version whose image to scan (1.3.0 or v1.3.0; default: the latest release)", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print the findings, counts by severity, verdict and ignore entries as JSON (exit 3 still says blocked)" };
        var digest = new Option<string?>("--image-digest") { Description = "Scan this digest of the image instead of the one the version's tag points at", HelpName = "sha256:…" };
        var command = new Command("scan", """
            Scan a version's image with the scanner of image.scan in slipway.yml, by digest (the version's main
            tag, v1.3.0 with the default rules), as `slipway ci release` does before it tags an image and
            `slipway deploy` before it deploys one. Prints the counts by severity; exits 3 when findings at or
            above image.scan.fail_on are not in image.scan.ignore (or their entry has expired). With --json,
            stdout is one JSON object (version, tag, image, fail_on, verdict, counts, blocking, findings,
            ignored, expired) and the exit code is the same.

            Examples:
              slipway image scan
              slipway image scan 1.3.0
              slipway image scan 1.3.0 --json
            """)
        {
            version, digest, json,
        };
        CommandRunner.SetHandler(command, async (parse, terminal, ct) =>
        {
            using var repo = await Workspace.OpenAsync(Environment.CurrentDirectory, ct).ConfigureAwait(false);
            var scan = repo.Config.Image.Scan ?? throw new SlipwayException(SlipwayError.Usage("image.scan is not configured",
                "add image.scan: { run: [trivy, image, --format, json, --output, \"{report}\", \"{image}\"] } to slipway.yml"));
            var chosen = parse.GetValue(version) is { } text ? repo.Naming.ParseVersion(text)
                : repo.Line.Latest?.Version ?? throw new SlipwayException(SlipwayError.Precondition("there is no version tag to scan yet", "pass the version (slipway image scan 1.3.0)"));
            var tag = repo.Naming.TagFor(chosen);
            var commit = repo.VersionTags.FirstOrDefault(t => t.Name == tag)?.Commit;
            var found = parse.GetValue(digest) ?? await VersionImage.DigestAsync(repo.Config, chosen, tag, commit, repo.Clock.Now, repo.Environment, ct).ConfigureAwait(false)
                ?? throw new SlipwayException(SlipwayError.Precondition($"image.tags give {chosen} no tag to find its image by", "pass the digest: --image-digest sha256:…"));
            var image = repo.Config.Image.Rules().Images.FirstOrDefault(i => i.Enabled)?.Name.ToLowerInvariant() ?? throw new SlipwayException(SlipwayError.Usage(
                "every image of image.names is disabled", "enable the image to scan in slipway.yml"));
            var verdict = await ImageScan.RunAsync(scan, repo.Root, image, found, chosen.ToString(), tag, repo.Clock.Now, terminal.Detail, ct).ConfigureAwait(false);
            await terminal.Out.WriteAsync(parse.GetValue(json) ? ScanRenderer.Json(verdict, chosen.ToString(), tag) : verdict.SummaryLine() + "\n").ConfigureAwait(false);
            return verdict.Blocked ? throw new SlipwayException(verdict.Refusal($"{chosen} would not be released or deployed")) : 0;
        });
        return command;
    }
}

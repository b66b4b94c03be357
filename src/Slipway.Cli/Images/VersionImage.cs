using Slipway.Adapters.Registry;
using Slipway.Core.Configuration;
using Slipway.Core.Errors;
using Slipway.Core.Images;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Images;

/// <summary>The image a version deploys: the first configured image under the version's main tag (v1.3.0 with the seed's rules), and its digest in the registry.</summary>
public static class VersionImage
{
    /// <summary>image:tag for the version, or null when slipway.yml configures no image (or the rules give the version no tag).</summary>
    /// <param name="commit">The tag's commit (for rules that use the sha), or null when unknown.</param>
    public static ImageReference? For(SlipwayConfig config, SemanticVersion version, string tag, string? commit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Image.Names.Count == 0)
        {
            return null;
        }

        var context = new ImageBuildContext
        {
            EventName = "push",
            Ref = $"refs/tags/{tag}",
            Sha = commit ?? string.Empty,
            DefaultBranch = config.Branch,
            TagBranch = config.Branch,
            Now = now,
        };
        var set = ImageTagPlanner.Plan(config.Image.Rules(), context, version, []);
        return set.Version is null || set.Images.Count == 0 ? null : ImageReference.Parse($"{set.Images[0]}:{set.Version}");
    }

    /// <summary>
    /// The digest the version's image tag points at; a precondition failure (exit 3) naming the tag when the registry does not have it,
    /// so nothing is deployed that was not released. Null when no image is configured.
    /// </summary>
    public static async Task<string?> DigestAsync(SlipwayConfig config, SemanticVersion version, string tag, string? commit, DateTimeOffset now,
        Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (For(config, version, tag, commit, now) is not { } image)
        {
            return null;
        }

        var credential = RegistryCredentials.Resolve(image.Registry, null, environment);
        using var registry = new RegistryClient(image, credential, new RegistryClientOptions { Insecure = config.Image.Insecure });
        var found = await registry.HeadManifestAsync(image.Repository, image.Reference, cancellationToken).ConfigureAwait(false);
        return found?.Digest ?? throw new SlipwayException(SlipwayError.Precondition(
            $"the image {image} is not in the registry, so {version} has nothing to deploy",
            "build and push it, then give it the version's tags (`slipway ci release` on the tag does; or `slipway image promote`), or pass --image-digest"));
    }
}

using Slipway.Adapters.Registry;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Releasing;
using Slipway.Core.Errors;
using Slipway.Core.Images;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Publishing;

/// <summary>The image a release's notes tell people to pull, and the check that the registry has it (notes name only what exists).</summary>
public static class ReleaseImage
{
    /// <summary>image:tag for the first configured image and the version's main tag under the image tag rules (v1.3.0 with the seed's rules); null without `image:`.</summary>
    public static string? For(Workspace repo, SemanticVersion version, string tag, string tagCommit)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var config = repo.Config.Image;
        if (config.Names.Count == 0)
        {
            return null;
        }

        var context = new ImageBuildContext
        {
            Ref = $"refs/tags/{tag}",
            Sha = tagCommit,
            DefaultBranch = repo.Config.Branch,
            TagBranch = repo.Config.Branch,
            Now = repo.Clock.BuildTime,
        };
        var set = ImageTagPlanner.Plan(config.Rules(), context, version, repo.VersionTags.Select(t => t.Version).ToList());
        return set.Version is null || set.Images.Count == 0 ? null : $"{set.Images[0]}:{set.Version}";
    }

    /// <summary>Fails with exit 3 when the registry does not have <paramref name="reference"/>.</summary>
    public static async Task CheckExistsAsync(string reference, bool insecure, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var image = ImageReference.Parse(reference);
        var credential = RegistryCredentials.Resolve(image.Registry, null, environment);
        using var registry = new RegistryClient(image, credential, new RegistryClientOptions { Insecure = insecure });
        if (await registry.HeadManifestAsync(image.Repository, image.Reference, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new SlipwayException(SlipwayError.Precondition(
                $"the image tag {reference} is not in the registry, so the notes' `docker pull` line would name nothing",
                "push or promote the image first (slipway image promote), or pass --allow-missing-image to publish anyway"));
        }
    }
}

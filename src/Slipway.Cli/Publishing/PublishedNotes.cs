using Slipway.Adapters.Files;
using Slipway.Adapters.Helm;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Changelogs;
using Slipway.Cli.Output;
using Slipway.Cli.Releasing;
using Slipway.Core.Changelog;
using Slipway.Core.Changelog.Templates;
using Slipway.Core.Configuration;
using Slipway.Core.Errors;
using Slipway.Core.Publishing;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Publishing;

/// <summary>The body of a version's GitHub release, from `release.notes`: the built-in notes, or the user's Liquid template.</summary>
public static class PublishedNotes
{
    /// <param name="image">The image reference the notes tell people to pull (already checked in the registry), or null.</param>
    /// <param name="imageScan">The image scan's one-line summary when `ci release` scanned the image, else null.</param>
    public static async Task<string> RenderAsync(Workspace repo, VersionTag tag, string? image, string? imageScan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repo);
        ArgumentNullException.ThrowIfNull(tag);
        var document = await DocumentAsync(repo, tag, cancellationToken).ConfigureAwait(false);
        var pull = image is null ? null : $"docker pull {image}";
        var helm = HelmCommand(repo.Config, tag.Name);
        var notes = repo.Config.Release.Notes;
        if (notes == ReleaseConfig.DefaultNotes)
        {
            // `slipway notes` renders the same changelog section: what the release page shows can be previewed.
            return ReleaseNotes.Default(ChangelogTemplates.BuiltIn(GitHubReleaseTemplate.TemplateName)!.Render(document), pull, helm, imageScan);
        }

        var text = await TemplateFile.ReadAsync(Path.Combine(repo.State.TopLevel, notes), cancellationToken).ConfigureAwait(false)
            ?? throw new SlipwayException(SlipwayError.Usage($"release.notes: the template {notes} does not exist",
                "create it (a Liquid file, relative to the repository root) or use notes: default"));
        return LiquidTemplate.Parse(text, notes).Render(document, new Dictionary<string, string?>
        {
            ["version"] = tag.Version.ToString(),
            ["tag"] = tag.Name,
            ["image"] = image,
            ["docker_pull"] = pull,
            ["helm_upgrade"] = helm,
            ["image_scan"] = imageScan,
        });
    }

    /// <summary>The version's changelog section as the built-in release notes show it (without the docker and helm lines).</summary>
    public static async Task<string> ChangelogAsync(Workspace repo, VersionTag tag, CancellationToken cancellationToken) =>
        ChangelogTemplates.BuiltIn(GitHubReleaseTemplate.TemplateName)!.Render(await DocumentAsync(repo, tag, cancellationToken).ConfigureAwait(false));

    private static async Task<ChangelogDocument> DocumentAsync(Workspace repo, VersionTag tag, CancellationToken cancellationToken)
    {
        var source = await ChangelogSource.OpenAsync(repo, cancellationToken).ConfigureAwait(false);
        var release = await VersionRelease.ForTagAsync(source, tag, cancellationToken).ConfigureAwait(false);
        return source.Document([release]);
    }

    /// <summary>The seed's "Helm installation command": `helm upgrade --install` of this version into the environment deployed on release (else the first one), as `slipway deploy` runs it.</summary>
    public static string? HelmCommand(SlipwayConfig config, string imageTag)
    {
        ArgumentNullException.ThrowIfNull(config);
        var helmed = config.Environments.Where(e => e.Helm is not null).ToList();
        var environment = helmed.FirstOrDefault(e => e.OnRelease) ?? (helmed.Count > 0 ? helmed[0] : null);
        if (environment is null)
        {
            return null;
        }

        // The kube context is the maintainer's own; readers of the notes have theirs.
        var arguments = HelmClient.UpgradeArguments(environment.Helm! with { KubeContext = null }, imageTag);
        return ShellQuote.Join("helm", arguments);
    }
}

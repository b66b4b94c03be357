using System.Text.RegularExpressions;
using Slipway.Adapters.GitHub;
using Slipway.Core.Errors;

namespace Slipway.Cli.Publishing;

/// <summary>The --asset files: checked before anything is published, then uploaded, skipped when the release has them with the same size, replaced with --clobber.</summary>
public static partial class ReleaseAssets
{
    public static IReadOnlyList<AssetFile> Check(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<AssetFile>();
        foreach (var path in paths)
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new SlipwayException(SlipwayError.Usage($"--asset {path}: no such file", "pass the path of a file to attach to the release"));
            }

            // GitHub renames other names silently, after which a re-run could not recognise the asset.
            if (!AssetName().IsMatch(info.Name))
            {
                throw new SlipwayException(SlipwayError.Usage($"--asset {path}: GitHub would rename '{info.Name}'",
                    "give the file a name of letters, digits, '.', '-' and '_' (not starting or ending with '.')"));
            }

            if (files.Any(f => f.Name == info.Name))
            {
                throw new SlipwayException(SlipwayError.Usage($"--asset: two files are named {info.Name}", "attach files with different names"));
            }

            files.Add(new AssetFile(info.FullName, info.Name, info.Length));
        }

        return files;
    }

    /// <param name="release">The release (null in a dry run that would create it).</param>
    public static async Task<IReadOnlyList<AssetOutcome>> PublishAsync(IGitHubReleases github, GitHubRelease? release, IReadOnlyList<AssetFile> files,
        bool clobber, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(github);
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            return [];
        }

        var existing = release is null ? [] : await github.ListAssetsAsync(release.Id, cancellationToken).ConfigureAwait(false);
        var outcomes = new List<AssetOutcome>();
        foreach (var file in files)
        {
            var there = existing.FirstOrDefault(a => a.Name == file.Name);
            // An upload that failed halfway leaves an asset that is not "uploaded": it is replaced like any stale one.
            var complete = there is { State: "uploaded" };
            if (there is not null && complete && there.Size == file.Size && !clobber)
            {
                outcomes.Add(new AssetOutcome(file.Name, file.Size, AssetAction.Skipped));
                continue;
            }

            if (there is not null && complete && !clobber)
            {
                throw new SlipwayException(SlipwayError.Precondition(
                    $"the release {release!.TagName} already has {file.Name} with a different size ({there.Size} bytes, this file has {file.Size})",
                    "pass --clobber to replace it"));
            }

            if (!dryRun)
            {
                if (there is not null)
                {
                    await github.DeleteAssetAsync(there.Id, cancellationToken).ConfigureAwait(false);
                }

                await github.UploadAssetAsync(release!, file.Name, file.Path, cancellationToken).ConfigureAwait(false);
            }

            outcomes.Add(new AssetOutcome(file.Name, file.Size, there is null ? AssetAction.Uploaded : AssetAction.Replaced));
        }

        return outcomes;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-][A-Za-z0-9._-]*(?<!\.)$")]
    private static partial Regex AssetName();
}

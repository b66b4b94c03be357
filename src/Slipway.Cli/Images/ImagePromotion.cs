using System.Collections.Concurrent;
using Slipway.Adapters.Registry;
using Slipway.Core.Errors;
using Slipway.Core.Images;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Images;

/// <summary>Gives an image that is already in the registry the tags of a version: one GET of the manifest, then a PUT of the same bytes per missing tag, concurrently; no layer moves.</summary>
/// <remarks>Idempotent: a tag already on the digest is reported and skipped, so a re-run after a failure finishes the rest.</remarks>
public static class ImagePromotion
{
    private const int Concurrency = 8;

    /// <param name="planTags">The tag rules for the version, given the versions the registry already has (floating tags move forward only).</param>
    public static async Task<PromotionResult> RunAsync(IRegistryClient client, ImageReference source, SemanticVersion version, ImageTagRules rules, TagNaming naming,
        Func<IReadOnlyList<SemanticVersion>, TagPlan> planTags, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(planTags);
        var manifest = await client.GetManifestAsync(source.Repository, source.Reference, cancellationToken).ConfigureAwait(false);
        var existing = await client.ListTagsAsync(source.Repository, cancellationToken).ConfigureAwait(false);
        var plan = planTags(ReleasedImageVersions.From(existing, rules, naming));
        var tags = plan.Tags.Distinct(StringComparer.Ordinal).ToList();
        if (tags.FirstOrDefault(t => !ImageReference.IsValidTag(t)) is { } invalid)
        {
            throw new SlipwayException(SlipwayError.Usage($"the image tag rules give '{invalid}', which is not a valid tag", "fix image.tags in slipway.yml (at most 128 letters, digits, '_', '.', '-')"));
        }

        var known = existing.ToHashSet(StringComparer.Ordinal);
        var outcomes = new ConcurrentDictionary<string, TagOutcome>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(tags, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (tag, ct) =>
            outcomes[tag] = await PromoteTagAsync(client, source, manifest, tag, known.Contains(tag), dryRun, ct).ConfigureAwait(false)).ConfigureAwait(false);

        return new PromotionResult
        {
            Source = source,
            Version = version,
            Digest = manifest.Digest,
            MediaType = manifest.MediaType,
            IsIndex = manifest.IsIndex,
            DryRun = dryRun,
            Tags = [.. tags.Select(t => outcomes[t])],
            Withheld = plan.Withheld,
            Requests = client.RequestCount,
        };
    }

    private static async Task<TagOutcome> PromoteTagAsync(IRegistryClient client, ImageReference source, Manifest manifest, string tag, bool listed, bool dryRun, CancellationToken cancellationToken)
    {
        try
        {
            // Only a tag the list showed can already exist; asking where it points costs one HEAD, and saves a PUT when it is done.
            var previous = listed ? await client.HeadManifestAsync(source.Repository, tag, cancellationToken).ConfigureAwait(false) : null;
            if (previous?.Digest == manifest.Digest)
            {
                return new TagOutcome(tag, TagStatus.Unchanged, previous.Digest);
            }

            if (dryRun)
            {
                return new TagOutcome(tag, TagStatus.Planned, previous?.Digest);
            }

            await client.PutManifestAsync(source.Repository, tag, manifest, cancellationToken).ConfigureAwait(false);
            return new TagOutcome(tag, previous is null ? TagStatus.Added : TagStatus.Moved, previous?.Digest);
        }
        catch (SlipwayException e)
        {
            return new TagOutcome(tag, TagStatus.Failed, Error: e.Error.Message);
        }
    }
}

using Slipway.Adapters.Registry;
using Slipway.Cli.Images;
using Slipway.Core.Ci;
using Slipway.Core.Errors;
using Slipway.Core.Images;

namespace Slipway.Cli.Releasing.Ci;

/// <summary>Gives the image built for the tagged commit (image.source: main-abc1234) the version's tags by manifest PUT; done when they are all on one image.</summary>
public sealed class CiImageStep : IPipelineStep<CiReleaseContext>
{
    public string Name => "image";

    public async Task<StepStatus> CheckAsync(CiReleaseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = await StateAsync(context, cancellationToken).ConfigureAwait(false);
        return state.State.Status switch
        {
            VersionImageStatus.Done => StepStatus.Done,
            VersionImageStatus.ToDo => StepStatus.ToDo,
            _ => throw Missing(context, state),
        };
    }

    /// <summary>Neither the commit's build nor the version's main tag is in the registry: the one error for the scan and image steps.</summary>
    internal static SlipwayException Missing(CiReleaseContext context, (string Image, string Source, IReadOnlyList<string> Tags, VersionImageState State) state) =>
        new(SlipwayError.Precondition(
            $"the image built for {context.Release.Commit[..7]} ({state.Image}:{state.Source}) is not in the registry, nor {state.Image}:{(state.Tags.Count > 0 ? state.Tags[0] : "?")}",
            "build and push it first (the release workflow's image job does), or set image.source in slipway.yml to the rule that names the commit's build"));

    public string Describe(CiReleaseContext context) => $"give the image built for {context?.Release.Commit[..7]} the tags of {context?.Version}";

    public async Task RunAsync(CiReleaseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var found = await StateAsync(context, cancellationToken).ConfigureAwait(false);
        var config = context.Repository.Config;
        var rules = config.Image.Rules();
        var source = ImageReference.Parse($"{found.Image}:{found.State.From}");
        using var client = RegistryConnection.Open(source, null, config.Image.Insecure, push: true, context.Repository.Environment);
        var result = await ImagePromotion.RunAsync(client, source, context.Version, rules, context.Repository.Naming,
            PromotionTags.For(config, rules, context.Tag, context.Version, context.Repository.Actions.Sha ?? string.Empty, context.Repository.Clock.BuildTime), dryRun: false, cancellationToken).ConfigureAwait(false);
        if (result.Failures.ToList() is [var first, .. var more])
        {
            throw new SlipwayException(SlipwayError.Failed(
                $"could not tag {source.Name}:{first.Tag}{(more.Count > 0 ? $" (and {more.Count} more)" : string.Empty)}: {first.Error}",
                "re-run the job (slipway ci release): the tags already on the image are skipped"));
        }

        context.ImageTags = [.. result.Tags.Select(t => t.Tag)];
        context.ImageDigest = result.Digest;
        context.Terminal.Status($"  {string.Join(", ", result.Tags.Select(t => $"{t.Tag} ({t.Status.ToString().ToLowerInvariant()})"))} on {result.Digest}");
    }

    /// <summary>The registry's answer, read only: the image, the source tag, the version's tags, and the decision.</summary>
    internal static async Task<(string Image, string Source, IReadOnlyList<string> Tags, VersionImageState State)> StateAsync(CiReleaseContext context, CancellationToken cancellationToken)
    {
        var repo = context.Repository;
        var config = repo.Config;
        var rules = config.Image.Rules();
        var image = rules.Images.First(i => i.Enabled);
        var sourceTag = await SourceTagAsync(context, rules, cancellationToken).ConfigureAwait(false);
        var reference = ImageReference.Parse($"{image.Name.ToLowerInvariant()}:{sourceTag}");
        using var client = RegistryConnection.Open(reference, null, config.Image.Insecure, push: false, repo.Environment);
        var existing = await client.ListTagsAsync(reference.Repository, cancellationToken).ConfigureAwait(false);
        var plan = PromotionTags.For(config, rules, context.Tag, context.Version, repo.Actions.Sha ?? string.Empty, repo.Clock.BuildTime)(ReleasedImageVersions.From(existing, rules, repo.Naming));
        var listed = existing.ToHashSet(StringComparer.Ordinal);
        var digests = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in plan.Tags.Distinct(StringComparer.Ordinal).Where(listed.Contains))
        {
            digests[tag] = (await client.HeadManifestAsync(reference.Repository, tag, cancellationToken).ConfigureAwait(false))?.Digest;
        }

        var sourceDigest = listed.Contains(sourceTag) ? (await client.HeadManifestAsync(reference.Repository, sourceTag, cancellationToken).ConfigureAwait(false))?.Digest : null;
        var state = VersionImageState.Decide(plan.Tags, digests, sourceTag, sourceDigest);
        if (state.Status == VersionImageStatus.Done)
        {
            context.ImageTags = plan.Tags;
            context.ImageDigest = state.Digest;
        }

        return (reference.Name, sourceTag, plan.Tags, state);
    }

    /// <summary>
    /// The commit's build tag: image.source's rule for a push of the commit to its release branch (main-abc1234; a maintenance
    /// release's, release-4.1-abc1234, when main does not contain it).
    /// </summary>
    private static async Task<string> SourceTagAsync(CiReleaseContext context, ImageTagRules rules, CancellationToken cancellationToken)
    {
        var repo = context.Repository;
        var config = repo.Config;
        var branch = TagBranch.Choose(await repo.Git.BranchesContainingAsync(context.Release.Commit, cancellationToken).ConfigureAwait(false),
            config.Branches, null) ?? config.Branch;
        var build = new ImageBuildContext
        {
            EventName = "push",
            Ref = $"refs/heads/{branch}",
            Sha = context.Release.Commit,
            DefaultBranch = config.Branch,
            Now = context.Repository.Clock.Now,
        };
        var set = ImageTagPlanner.Plan(rules with { Tags = ImageTagRules.Parse(config.Image.Source) }, build, null, []);
        return set.Version ?? throw new SlipwayException(SlipwayError.Usage($"image.source '{config.Image.Source}' gives no tag for a push of {context.Release.Commit[..7]} to {branch}",
            "write a rule that names every commit's build, e.g. type=sha,prefix={{branch}}-"));
    }
}

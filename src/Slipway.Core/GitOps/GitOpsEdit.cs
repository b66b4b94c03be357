namespace Slipway.Core.GitOps;

/// <summary>What a GitOps deployment sets in its file: exactly one of values paths, a kustomization image, or Flux setter markers.</summary>
public sealed record GitOpsEdit
{
    /// <summary>Dotted YAML paths (a Helm values file) and the value each gets, with {version}, {tag}, {digest}, {environment} replaced.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Set { get; init; }

    /// <summary>A kustomization's `images:` entry, by its `name:`: its `newTag` (and `digest`, when the image's digest is known) are set.</summary>
    public string? KustomizeImage { get; init; }

    /// <summary>A Flux image policy (NAMESPACE:NAME): the lines marked `# {"$imagepolicy": "NAMESPACE:NAME[:tag|:digest]"}` are set.</summary>
    public string? FluxPolicy { get; init; }

    /// <summary>What is set, for messages: "image.tag, image.digest", "images[name=X]", "setters of flux-system:app".</summary>
    public string Describe() =>
        Set is { } set ? string.Join(", ", set.Select(s => s.Key))
        : KustomizeImage is { } image ? $"images[name={image}]"
        : $"$imagepolicy setters of {FluxPolicy}";
}

using Slipway.Core.Images;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Images;

/// <summary>A promotion's outcome: the image (digest, media type), every tag's outcome, the withheld floating tags, and the HTTP requests it took.</summary>
public sealed record PromotionResult
{
    public required ImageReference Source { get; init; }

    public required SemanticVersion Version { get; init; }

    public required string Digest { get; init; }

    public required string MediaType { get; init; }

    public bool IsIndex { get; init; }

    public bool DryRun { get; init; }

    public required IReadOnlyList<TagOutcome> Tags { get; init; }

    /// <summary>Tag to the reason it is not given (a higher release holds it).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Withheld { get; init; } = [];

    public int Requests { get; init; }

    public IEnumerable<TagOutcome> Failures => Tags.Where(t => t.Status == TagStatus.Failed);
}

using System.Text.Json.Serialization;

namespace Slipway.Adapters.GitHub;

/// <summary>Source-generated JSON for the GitHub types: no reflection, so Native AOT and trimming stay clean.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GitHubRelease))]
[JsonSerializable(typeof(List<GitHubRelease>))]
[JsonSerializable(typeof(GitHubReleaseAsset))]
[JsonSerializable(typeof(List<GitHubReleaseAsset>))]
[JsonSerializable(typeof(GitHubRepositoryInfo))]
[JsonSerializable(typeof(ReleaseFields))]
public sealed partial class GitHubJsonContext : JsonSerializerContext;

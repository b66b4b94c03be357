using System.Text.Json.Serialization;

namespace Slipway.Adapters.GitHub;

/// <summary>Source-generated JSON for the pull request and label operations (no reflection: Native AOT stays clean).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GitHubPull))]
[JsonSerializable(typeof(List<GitHubPull>))]
[JsonSerializable(typeof(List<GitHubLabel>))]
[JsonSerializable(typeof(PullFields))]
[JsonSerializable(typeof(LabelFields))]
public sealed partial class GitHubPullsJsonContext : JsonSerializerContext;

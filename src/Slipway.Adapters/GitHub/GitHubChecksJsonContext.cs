using System.Text.Json.Serialization;

namespace Slipway.Adapters.GitHub;

/// <summary>Source-generated JSON for the release gates' reads: check runs, statuses, a commit's pull requests and their reviews.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(GitHubCheckRuns))]
[JsonSerializable(typeof(GitHubCombinedStatus))]
[JsonSerializable(typeof(List<GitHubCommitPull>))]
[JsonSerializable(typeof(List<GitHubReview>))]
public sealed partial class GitHubChecksJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace Slipway.Adapters.GitHub;

/// <summary>Source-generated JSON for the Deployments API (no reflection: Native AOT stays clean).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeploymentFields))]
[JsonSerializable(typeof(DeploymentStatusFields))]
[JsonSerializable(typeof(GitHubDeployment))]
public sealed partial class GitHubDeploymentsJsonContext : JsonSerializerContext;

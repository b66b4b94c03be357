using System.Globalization;

namespace Slipway.Adapters.GitHub;

/// <summary>GitHub's Deployments API over the shared HTTP core: one deployment per attempt, then its statuses.</summary>
public sealed class GitHubDeployments(GitHubHttp http, GitHubRepositoryName repository)
{
    /// <summary>What mirroring needs from a token (the GitHub Actions `permissions:` name).</summary>
    public const string Permission = "deployments: write";

    public GitHubRepositoryName Repository { get; } = repository;

    private static GitHubDeploymentsJsonContext Json => GitHubDeploymentsJsonContext.Default;

    public Task<GitHubDeployment> CreateAsync(DeploymentFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return http.SendJsonAsync(HttpMethod.Post, http.Api($"{Repository.ApiPath}/deployments"), fields, Json.DeploymentFields, Json.GitHubDeployment,
            Call($"create a deployment of {fields.Ref} to {fields.Environment} in {Repository}"), cancellationToken);
    }

    public async Task SetStatusAsync(long deploymentId, DeploymentStatusFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var url = http.Api(string.Create(CultureInfo.InvariantCulture, $"{Repository.ApiPath}/deployments/{deploymentId}/statuses"));
        await http.SendJsonAsync(HttpMethod.Post, url, fields, Json.DeploymentStatusFields, Json.GitHubDeployment,
            Call($"set deployment {deploymentId} to {fields.State} in {Repository}"), cancellationToken).ConfigureAwait(false);
    }

    private static GitHubCall Call(string what) => new(what, Permission);
}

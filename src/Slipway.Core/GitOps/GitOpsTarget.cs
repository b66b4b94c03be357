namespace Slipway.Core.GitOps;

/// <summary>
/// How a `kind: gitops` environment is deployed: the version is written into a file of a GitOps repository (a Helm values
/// file, a kustomization or Flux setter markers), committed, and pushed (or proposed as a pull request); Argo CD, when
/// configured, is then asked until the application runs that commit.
/// </summary>
public sealed record GitOpsTarget
{
    /// <summary>What `repo: .` stands for: this repository (its remote).</summary>
    public const string ThisRepository = ".";

    /// <summary>The GitOps repository's URL (or a path), or <see cref="ThisRepository"/>.</summary>
    public required string Repo { get; init; }

    /// <summary>The branch Argo CD or Flux watches.</summary>
    public string Branch { get; init; } = "main";

    /// <summary>The file to edit, relative to the GitOps repository's root.</summary>
    public required string File { get; init; }

    /// <summary>What to set in the file.</summary>
    public required GitOpsEdit Edit { get; init; }

    /// <summary>Pushed to <see cref="Branch"/>, or proposed as a pull request into it.</summary>
    public GitOpsVia Via { get; init; } = GitOpsVia.Push;

    /// <summary>The GitOps repository on GitHub (owner/name) that a pull request is opened in; null: read from <see cref="Repo"/>'s URL.</summary>
    public string? GitHub { get; init; }

    /// <summary>When given, the deployment waits for this Argo CD application to run the pushed commit.</summary>
    public ArgoCdWait? ArgoCd { get; init; }

    /// <summary>The branch a pull request is proposed from: one per environment and version.</summary>
    public static string PullRequestBranch(string environment, string version) => $"slipway/deploy-{environment}-{version}";
}

/// <summary>How a GitOps change reaches its branch.</summary>
public enum GitOpsVia
{
    /// <summary>Pushed straight to the branch (compare-and-swap: another writer means fetch, re-apply, retry).</summary>
    Push,

    /// <summary>Pushed to a branch of its own and opened as a pull request (a protected branch).</summary>
    PullRequest,
}

/// <summary>The Argo CD application to wait for: synced to the pushed commit and healthy, within <see cref="Timeout"/>.</summary>
public sealed record ArgoCdWait
{
    /// <summary>The Argo CD server, e.g. https://argocd.example.com.</summary>
    public required Uri Url { get; init; }

    public required string Application { get; init; }

    /// <summary>The environment variable holding the bearer token (never the token itself).</summary>
    public string TokenEnv { get; init; } = "ARGOCD_TOKEN";

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The pause between two reads of the application.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);
}

using System.Text.RegularExpressions;
using Slipway.Core.Deployments;
using Slipway.Core.GitOps;
using YamlDotNet.RepresentationModel;

namespace Slipway.Adapters.Configuration;

/// <summary>An environment's `gitops:` (kind: gitops): the repository, branch and file, what to set, how it lands, Argo CD.</summary>
public static partial class ConfigLoader
{
    private static GitOpsTarget ReadGitOps(YamlNodeReader gitops)
    {
        var repo = gitops.Text("repo") ?? throw Missing(gitops, "repo", "the GitOps repository's URL, or . for this repository");
        if (repo.Length == 0 || repo.StartsWith('-') || repo.Any(char.IsControl))
        {
            throw YamlNodeReader.Error(gitops.File, gitops.Node("repo")!, gitops.KeyPath("repo"), $"'{repo}' is not a repository", "write a URL (https://github.com/OWNER/NAME.git) or . for this repository");
        }

        var branch = gitops.Text("branch") ?? "main";
        if (!Slipway.Core.Git.RefName.IsValid(branch))
        {
            throw YamlNodeReader.Error(gitops.File, gitops.Node("branch")!, gitops.KeyPath("branch"), $"'{branch}' is not a branch name", "write the branch Argo CD or Flux watches, e.g. main");
        }

        var file = gitops.Text("file") ?? throw Missing(gitops, "file", "the file to edit in the GitOps repository, e.g. apps/agent-bus/values-staging.yaml");
        if (file.Length == 0 || Path.IsPathRooted(file) || file.Split('/', '\\').Any(p => p is ".." or "") || file.Any(char.IsControl))
        {
            throw YamlNodeReader.Error(gitops.File, gitops.Node("file")!, gitops.KeyPath("file"), $"'{file}' is not a path inside the repository", "write a relative path such as apps/agent-bus/values.yaml");
        }

        var via = gitops.Choice("via", "push", "pull_request") ?? "push";
        var argo = gitops.Mapping("argocd") is { } argocd ? ReadArgoCd(argocd) : null;
        if (argo is not null && via == "pull_request")
        {
            throw YamlNodeReader.Error(gitops.File, gitops.Node("argocd")!, gitops.KeyPath("argocd"), "cannot be waited for with via: pull_request (the change runs once the pull request is merged)",
                "remove argocd:, or use via: push");
        }

        var github = gitops.Text("github");
        if (github is not null && !Slipway.Adapters.GitHub.GitHubRepositoryName.TryParse(github, out _))
        {
            throw YamlNodeReader.Error(gitops.File, gitops.Node("github")!, gitops.KeyPath("github"), $"'{github}' is not owner/name",
                "write the GitOps repository on GitHub, e.g. acme/gitops (the pull request of via: pull_request is opened there)");
        }

        var result = new GitOpsTarget
        {
            Repo = repo,
            Branch = branch,
            File = file,
            Edit = ReadGitOpsEdit(gitops),
            Via = via == "pull_request" ? GitOpsVia.PullRequest : GitOpsVia.Push,
            GitHub = github,
            ArgoCd = argo,
        };
        gitops.RejectUnknownKeys();
        return result;
    }

    private static readonly string[] GitOpsEdits = ["set", "kustomize", "flux"];

    private static GitOpsEdit ReadGitOpsEdit(YamlNodeReader gitops)
    {
        var given = GitOpsEdits.Where(k => gitops.Node(k) is not null).ToList();
        if (given.Count != 1)
        {
            throw YamlNodeReader.Error(gitops.File, given.Count == 0 ? gitops.Where : gitops.Node(given[1])!, gitops.Path, "needs exactly one of set, kustomize and flux",
                "write set: { image.tag: \"{tag}\" } (a values file), kustomize: { image: NAME } or flux: { policy: NAMESPACE:NAME }");
        }

        switch (given[0])
        {
            case "set":
                var setReader = gitops.Mapping("set") ?? throw YamlNodeReader.Error(gitops.File, gitops.Node("set")!, gitops.KeyPath("set"), "expected a mapping", "write set: { image.tag: \"{tag}\" }");
                var set = new List<KeyValuePair<string, string>>();
                foreach (var (keyNode, valueNode) in ((YamlMappingNode)setReader.Where).Children)
                {
                    var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
                    if (valueNode is not YamlScalarNode { Value: { } value })
                    {
                        throw YamlNodeReader.Error(gitops.File, valueNode, setReader.KeyPath(key), "expected a single value", "write it as image.tag: \"{tag}\"");
                    }

                    if (!ValuesPath().IsMatch(key))
                    {
                        throw YamlNodeReader.Error(gitops.File, keyNode, setReader.KeyPath(key), "is not a YAML path", "use a dotted path of keys such as image.tag");
                    }

                    if (CommandDeploy.UnknownPlaceholder(value) is { } unknown)
                    {
                        throw YamlNodeReader.Error(gitops.File, valueNode, setReader.KeyPath(key), $"{unknown} is not a placeholder",
                            $"use {string.Join(", ", CommandDeploy.Placeholders.Select(p => "{" + p + "}"))}");
                    }

                    set.Add(new(key, value));
                }

                return set.Count > 0 ? new GitOpsEdit { Set = set }
                    : throw YamlNodeReader.Error(gitops.File, gitops.Node("set")!, gitops.KeyPath("set"), "is empty", "write set: { image.tag: \"{tag}\" }");
            case "kustomize":
                var kustomize = gitops.Mapping("kustomize") ?? throw YamlNodeReader.Error(gitops.File, gitops.Node("kustomize")!, gitops.KeyPath("kustomize"), "expected a mapping",
                    "write kustomize: { image: ghcr.io/OWNER/NAME }");
                var image = kustomize.Text("image") ?? throw Missing(kustomize, "image", "the name: of the images: entry, e.g. ghcr.io/tefj-fun/agent_bus");
                kustomize.RejectUnknownKeys();
                return new GitOpsEdit { KustomizeImage = image };
            default:
                var flux = gitops.Mapping("flux") ?? throw YamlNodeReader.Error(gitops.File, gitops.Node("flux")!, gitops.KeyPath("flux"), "expected a mapping",
                    "write flux: { policy: flux-system:agent-bus }");
                var policy = flux.Text("policy") ?? throw Missing(flux, "policy", "the image policy as the markers name it, NAMESPACE:NAME");
                if (!FluxPolicy().IsMatch(policy))
                {
                    throw YamlNodeReader.Error(flux.File, flux.Node("policy")!, flux.KeyPath("policy"), $"'{policy}' is not NAMESPACE:NAME", "write it as the markers do, e.g. flux-system:agent-bus");
                }

                flux.RejectUnknownKeys();
                return new GitOpsEdit { FluxPolicy = policy };
        }
    }

    private static ArgoCdWait ReadArgoCd(YamlNodeReader argocd)
    {
        var url = argocd.Text("url") ?? throw Missing(argocd, "url", "the Argo CD server, e.g. https://argocd.example.com");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw YamlNodeReader.Error(argocd.File, argocd.Node("url")!, argocd.KeyPath("url"), $"'{url}' is not an http(s) URL", "write it like https://argocd.example.com");
        }

        var application = Word(argocd, "application", KubernetesName()) ?? throw Missing(argocd, "application", "the Argo CD Application's name");
        var tokenEnv = argocd.Text("token_env") ?? "ARGOCD_TOKEN";
        if (!EnvironmentVariable().IsMatch(tokenEnv))
        {
            throw YamlNodeReader.Error(argocd.File, argocd.Node("token_env")!, argocd.KeyPath("token_env"), $"'{tokenEnv}' is not an environment variable name",
                "name the variable that holds the token, e.g. ARGOCD_TOKEN (never the token itself)");
        }

        var defaults = new ArgoCdWait { Url = uri, Application = application };
        var result = defaults with
        {
            TokenEnv = tokenEnv,
            Timeout = DurationValue(argocd, "timeout") ?? defaults.Timeout,
            Interval = DurationValue(argocd, "interval") ?? defaults.Interval,
        };
        argocd.RejectUnknownKeys();
        return result;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$")]
    private static partial Regex ValuesPath();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?:[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex FluxPolicy();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentVariable();
}

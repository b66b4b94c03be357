using System.Text.RegularExpressions;
using Slipway.Core.Deployments;
using Slipway.Core.GitOps;
using YamlDotNet.RepresentationModel;

namespace Slipway.Adapters.Configuration;

/// <summary>The `environments:` section: per environment its Helm release, gates, health check, rollback and requirements.</summary>
public static partial class ConfigLoader
{
    private static List<DeploymentEnvironment> ReadEnvironments(YamlNodeReader? reader)
    {
        if (reader is null)
        {
            return [];
        }

        var environments = new List<DeploymentEnvironment>();
        foreach (var (name, env) in reader.NamedMappings())
        {
            if (!EnvironmentName().IsMatch(name))
            {
                throw YamlNodeReader.Error(reader.File, env.Where, env.Path, $"'{name}' is not a usable environment name",
                    "use letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. staging)");
            }

            environments.Add(ReadEnvironment(name, env));
        }

        foreach (var env in environments)
        {
            if (env.Requires.PromotedFrom is { } source && (source == env.Name || environments.All(e => e.Name != source)))
            {
                var requires = reader.Mapping(env.Name)!.Mapping("requires")!;
                throw YamlNodeReader.Error(reader.File, requires.Node("promoted_from")!, requires.KeyPath("promoted_from"),
                    $"'{source}' is not another environment in this file", $"use one of: {string.Join(", ", environments.Where(e => e != env).Select(e => e.Name))}");
            }
        }

        return environments;
    }

    private static DeploymentEnvironment ReadEnvironment(string name, YamlNodeReader env)
    {
        var kind = env.Text("kind") ?? "helm";
        HelmRelease? helm = null;
        CommandDeploy? command = null;
        GitOpsTarget? gitops = null;
        if (kind != "gitops" && env.Node("gitops") is { } strayGitOps)
        {
            throw YamlNodeReader.Error(env.File, strayGitOps, env.KeyPath("gitops"), "is for kind: gitops", $"add kind: gitops under {env.Path}, or remove gitops:");
        }

        switch (kind)
        {
            case "helm":
                if (env.Node("command") is { } stray)
                {
                    throw YamlNodeReader.Error(env.File, stray, env.KeyPath("command"), "is for kind: command", $"add kind: command under {env.Path}, or remove command:");
                }

                helm = ReadHelm(env.Mapping("helm") ?? throw YamlNodeReader.Error(env.File, env.Where, env.KeyPath("helm"),
                    "is required", $"add helm: {{ release: NAME, chart: PATH }} under {env.Path} (or kind: command with command: {{ run: [...] }})"));
                break;
            case "command":
                if (env.Node("helm") is { } helmNode)
                {
                    throw YamlNodeReader.Error(env.File, helmNode, env.KeyPath("helm"), "is for kind: helm", "remove helm:, or kind: command");
                }

                command = ReadCommandDeploy(env.Mapping("command") ?? throw YamlNodeReader.Error(env.File, env.Where, env.KeyPath("command"),
                    "is required for kind: command", $"add command: {{ run: [docker, compose, up, -d] }} under {env.Path}"));
                break;
            case "gitops":
                foreach (var other in new[] { "helm", "command" })
                {
                    if (env.Node(other) is { } otherNode)
                    {
                        throw YamlNodeReader.Error(env.File, otherNode, env.KeyPath(other), $"is for kind: {other}", $"remove {other}:, or kind: {other}");
                    }
                }

                gitops = ReadGitOps(env.Mapping("gitops") ?? throw YamlNodeReader.Error(env.File, env.Where, env.KeyPath("gitops"),
                    "is required for kind: gitops", $"add gitops: {{ repo: URL, file: PATH, set: {{ image.tag: \"{{tag}}\" }} }} under {env.Path}"));
                break;
            default:
                throw YamlNodeReader.Error(env.File, env.Node("kind")!, env.KeyPath("kind"), $"'{kind}' is not an environment kind", "use helm (the default), command or gitops");
        }

        var gates = (env.MappingList("gates") ?? []).Select(ReadGate).ToList();
        var requires = env.Mapping("requires");
        var healthCheck = env.Mapping("health") is { } health ? ReadHealth(health) : null;
        var rollout = env.Mapping("rollout");
        if (rollout is not null && helm is null && gitops is null)
        {
            throw YamlNodeReader.Error(env.File, rollout.Where, env.KeyPath("rollout"), $"is for kind: helm or gitops, not kind: {kind}", "remove rollout:, or deploy with helm: or gitops:");
        }

        if (rollout is not null && gitops is not null && gitops.Edit.Set is null)
        {
            // A canary is the chart's canary values: a kustomization or Flux markers have no place for its weight.
            throw YamlNodeReader.Error(env.File, rollout.Where, env.KeyPath("rollout"), $"needs gitops.set (a Helm values file with the canary's values), not {gitops.Edit.Describe()}",
                "write the version with gitops.set into a values file whose chart has a canary Deployment, or remove rollout:");
        }

        if (rollout is not null && gitops is { Via: GitOpsVia.PullRequest })
        {
            throw YamlNodeReader.Error(env.File, rollout.Where, env.KeyPath("rollout"), "cannot step through pull requests (gitops.via: pull_request): each step must land before its analysis",
                "use gitops.via: push, or remove rollout:");
        }

        var result = new DeploymentEnvironment
        {
            Name = name,
            Helm = helm,
            Command = command,
            GitOps = gitops,
            Rollout = rollout is null ? null : ReadRollout(rollout, helm is null ? [.. gitops!.Edit.Set!.Select(s => s.Key)] : [helm.ImageKey, helm.DigestKey], healthCheck),
            Gates = gates,
            Health = healthCheck,
            AutoRollback = env.Bool("auto_rollback") ?? false,
            OnRelease = env.Bool("on_release") ?? false,
            Requires = requires is null
                ? DeploymentRequirements.None
                : new DeploymentRequirements(requires.Bool("approval") ?? false, Word(requires, "promoted_from", EnvironmentName())),
        };
        requires?.RejectUnknownKeys();
        if (gates.Select(g => g.Name).Distinct(StringComparer.Ordinal).Count() != gates.Count)
        {
            throw YamlNodeReader.Error(env.File, env.Node("gates")!, env.KeyPath("gates"), "two gates have the same name", "give each gate its own name");
        }

        env.RejectUnknownKeys();
        return result;
    }

    private static HelmRelease ReadHelm(YamlNodeReader helm)
    {
        var release = Word(helm, "release", KubernetesName()) ?? throw Missing(helm, "release", "the Helm release name, e.g. agent-bus");
        var chart = Argument(helm, "chart") ?? throw Missing(helm, "chart", "a chart path such as ./helm/agent-bus, or oci://REGISTRY/CHART");
        var imageKey = Argument(helm, "image_key") ?? "image.tag";
        var digestKey = Argument(helm, "digest_key") ?? "image.digest";
        if (digestKey == imageKey || digestKey.Any(c => char.IsWhiteSpace(c) || c is '=' or ','))
        {
            throw YamlNodeReader.Error(helm.File, helm.Node("digest_key") ?? helm.Node("image_key")!, helm.KeyPath("digest_key"),
                digestKey == imageKey ? "is the same key as image_key" : $"'{digestKey}' is not a Helm values key", "use a dotted key such as image.digest");
        }

        var set = new List<KeyValuePair<string, string>>();
        if (helm.Mapping("set") is { } setReader)
        {
            foreach (var (keyNode, valueNode) in ((YamlMappingNode)setReader.Where).Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
                if (valueNode is not YamlScalarNode value)
                {
                    throw YamlNodeReader.Error(helm.File, valueNode, setReader.KeyPath(key), "expected a single value", "write it as key: value");
                }

                if (key.Length == 0 || key.StartsWith('-') || key.Any(c => char.IsWhiteSpace(c) || c is '=' or ','))
                {
                    throw YamlNodeReader.Error(helm.File, keyNode, setReader.KeyPath(key), "is not a Helm values key", "use a dotted key such as replicaCount or api.replicas");
                }

                if (key == imageKey || key == digestKey)
                {
                    throw YamlNodeReader.Error(helm.File, keyNode, setReader.KeyPath(key), key == imageKey
                            ? "is the image key, which Slipway sets to the version being deployed"
                            : "is the digest key, which Slipway sets to the image's digest",
                        key == imageKey ? "remove it from set (use image_key to name another key)" : "remove it from set (use digest_key to name another key)");
                }

                set.Add(new(key, value.Value ?? string.Empty));
            }
        }

        var timeoutText = helm.Text("timeout") ?? "5m";
        if (!Duration.TryParse(timeoutText, out _))
        {
            throw YamlNodeReader.Error(helm.File, helm.Node("timeout")!, helm.KeyPath("timeout"), $"'{timeoutText}' is not a duration", "write it like 5m, 90s or 1m30s");
        }

        var result = new HelmRelease
        {
            Release = release,
            Chart = chart,
            Values = (helm.StringList("values") ?? []).Select(v => NotAnOption(helm, "values", v)).ToList(),
            Namespace = Word(helm, "namespace", KubernetesName()),
            CreateNamespace = helm.Bool("create_namespace") ?? false,
            Set = set,
            ImageKey = imageKey,
            DigestKey = digestKey,
            Timeout = timeoutText,
            KubeContext = Argument(helm, "kube_context"),
        };
        helm.RejectUnknownKeys();
        return result;
    }

    private static CommandDeploy ReadCommandDeploy(YamlNodeReader command)
    {
        var run = Command(command, "run") ?? throw Missing(command, "run", "the deploy command as a list, e.g. run: [docker, compose, up, -d]");
        var status = Command(command, "status");
        foreach (var (key, argv) in new[] { ("run", run), ("status", status) })
        {
            if (argv?.Select(CommandDeploy.UnknownPlaceholder).OfType<string>().FirstOrDefault() is { } unknown)
            {
                throw YamlNodeReader.Error(command.File, command.Node(key)!, command.KeyPath(key), $"{unknown} is not a placeholder",
                    $"use {string.Join(", ", CommandDeploy.Placeholders.Select(p => "{" + p + "}"))}");
            }
        }

        var result = new CommandDeploy { Run = run, Status = status, Timeout = DurationValue(command, "timeout") ?? CommandDeploy.DefaultTimeout };
        command.RejectUnknownKeys();
        return result;
    }

    private static Gate ReadGate(YamlNodeReader gate)
    {
        var name = gate.Text("name") ?? throw Missing(gate, "name", "a short name such as integration-tests");
        var run = Command(gate, "run") ?? throw Missing(gate, "run", "the command as a list, e.g. run: [make, integration-test]");
        gate.RejectUnknownKeys();
        return new Gate(name, run);
    }

    private static HealthCheck ReadHealth(YamlNodeReader health)
    {
        var url = health.Text("url");
        var run = Command(health, "run");
        if ((url is null) == (run is null))
        {
            throw YamlNodeReader.Error(health.File, health.Where, health.Path, "needs exactly one of url and run",
                "write url: https://HOST/health, or run: [COMMAND, ARG...]");
        }

        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            throw YamlNodeReader.Error(health.File, health.Node("url")!, health.KeyPath("url"), $"'{url}' is not an http(s) URL", "write it like https://staging.example.com/health");
        }

        var defaults = new HealthCheck();
        var result = new HealthCheck
        {
            Url = url,
            Run = run,
            Timeout = DurationValue(health, "timeout") ?? defaults.Timeout,
            Interval = DurationValue(health, "interval") ?? defaults.Interval,
            Retries = health.Number("retries", 0, 1000) ?? defaults.Retries,
        };
        health.RejectUnknownKeys();
        return result;
    }

    /// <summary>A command as an argument list; a single string is refused, because it would need a shell to split it.</summary>
    private static IReadOnlyList<string>? Command(YamlNodeReader reader, string key)
    {
        var node = reader.Node(key);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlSequenceNode || reader.StringList(key) is not { Count: > 0 } argv || argv[0].Length == 0)
        {
            throw YamlNodeReader.Error(reader.File, node, reader.KeyPath(key), "expected the command as a non-empty list of arguments",
                "write it like run: [make, integration-test] (no shell: each argument is its own item)");
        }

        return argv;
    }

    private static TimeSpan? DurationValue(YamlNodeReader reader, string key)
    {
        var text = reader.Text(key);
        if (text is null)
        {
            return null;
        }

        return Duration.TryParse(text, out var value) && value > TimeSpan.Zero
            ? value
            : throw YamlNodeReader.Error(reader.File, reader.Node(key)!, reader.KeyPath(key), $"'{text}' is not a duration", "write it like 10s, 500ms or 2m");
    }

    private static string? Word(YamlNodeReader reader, string key, Regex pattern)
    {
        var text = reader.Text(key);
        return text is null || pattern.IsMatch(text)
            ? text
            : throw YamlNodeReader.Error(reader.File, reader.Node(key)!, reader.KeyPath(key), $"'{text}' is not a valid name",
                "use lower-case letters, digits and '-' (Kubernetes names)");
    }

    /// <summary>A value passed to Helm as an argument: it must not start with '-', or Helm would read it as an option.</summary>
    private static string? Argument(YamlNodeReader reader, string key) =>
        reader.Text(key) is { } text ? NotAnOption(reader, key, text) : null;

    private static string NotAnOption(YamlNodeReader reader, string key, string text) =>
        text.Length > 0 && !text.StartsWith('-') && !text.Any(char.IsControl)
            ? text
            : throw YamlNodeReader.Error(reader.File, reader.Node(key)!, reader.KeyPath(key), $"'{text}' cannot be passed to helm",
                "use a path or name that is not empty and does not start with '-'");

    private static Slipway.Core.Errors.SlipwayException Missing(YamlNodeReader reader, string key, string what) =>
        YamlNodeReader.Error(reader.File, reader.Where, reader.KeyPath(key), "is required", $"add {key}: ({what})");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")]
    private static partial Regex EnvironmentName();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,51}[a-z0-9])?$")]
    private static partial Regex KubernetesName();
}

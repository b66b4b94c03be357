using Slipway.Adapters.Processes;
using Slipway.Core.Deployments;
using Slipway.Core.Rollouts;

namespace Slipway.Adapters.Helm;

/// <summary>The `helm` command: builds its argument arrays from an environment's Helm settings and runs them (never through a shell).</summary>
public sealed class HelmClient(string workingDirectory, string program = "helm")
{
    /// <summary>`helm upgrade --install` of the image tag, waiting for the rollout.</summary>
    public static IReadOnlyList<string> UpgradeArguments(HelmRelease helm, string imageTag, string? digest = null) =>
        UpgradeArguments(helm, ImageValues(helm, imageTag, digest));

    /// <summary>`helm upgrade --install` with these values first (a canary step's: the image keys and the canary's), waiting for the rollout.</summary>
    public static IReadOnlyList<string> UpgradeArguments(HelmRelease helm, IReadOnlyList<HelmValue> values)
    {
        ArgumentNullException.ThrowIfNull(helm);
        List<string> arguments = ["upgrade", "--install", helm.Release, helm.Chart];
        AddValues(arguments, helm, values);
        if (helm.Namespace is { } ns)
        {
            arguments.AddRange(["--namespace", ns]);
        }

        if (helm.CreateNamespace)
        {
            arguments.Add("--create-namespace");
        }

        arguments.AddRange(["--wait", "--timeout", helm.Timeout]);
        if (helm.KubeContext is { } context)
        {
            arguments.AddRange(["--kube-context", context]);
        }

        return arguments;
    }

    /// <summary>`helm template` with the same chart and values: renders locally, needs no cluster.</summary>
    public static IReadOnlyList<string> TemplateArguments(HelmRelease helm, string imageTag, string? digest = null)
    {
        List<string> arguments = ["template", helm.Release, helm.Chart];
        AddValues(arguments, helm, ImageValues(helm, imageTag, digest));
        if (helm.Namespace is { } ns)
        {
            arguments.AddRange(["--namespace", ns]);
        }

        return arguments;
    }

    /// <summary>`helm lint` of the chart with the same values: the chart's own checks, no cluster.</summary>
    public static IReadOnlyList<string> LintArguments(HelmRelease helm, string imageTag)
    {
        ArgumentNullException.ThrowIfNull(helm);
        List<string> arguments = ["lint", helm.Chart];
        AddValues(arguments, helm, ImageValues(helm, imageTag, digest: null));
        if (helm.Namespace is { } ns)
        {
            arguments.AddRange(["--namespace", ns]);
        }

        return arguments;
    }

    public string Program => program;

    /// <summary>Runs helm; a failure is a value (Helm's own "Error: ..." line), not an exception.</summary>
    public async Task<HelmResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(ProcessRunner.StartInfo(program, arguments, workingDirectory), null, cancellationToken).ConfigureAwait(false);
        return new HelmResult(result);
    }

    private static List<HelmValue> ImageValues(HelmRelease helm, string imageTag, string? digest)
    {
        // The digest is --set-string: it is text, whatever helm's type guessing would make of it.
        List<HelmValue> values = [new(helm.ImageKey, imageTag, false)];
        if (digest is not null)
        {
            values.Add(new(helm.DigestKey, digest, true));
        }

        return values;
    }

    private static void AddValues(List<string> arguments, HelmRelease helm, IReadOnlyList<HelmValue> values)
    {
        foreach (var value in values)
        {
            arguments.AddRange([value.Text ? "--set-string" : "--set", $"{value.Key}={value.Value}"]);
        }

        foreach (var (key, value) in helm.Set)
        {
            arguments.AddRange(["--set", $"{key}={value}"]);
        }

        foreach (var file in helm.Values)
        {
            arguments.AddRange(["-f", file]);
        }
    }
}

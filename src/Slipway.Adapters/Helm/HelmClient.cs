using Slipway.Adapters.Processes;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;
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

    /// <summary>`helm status RELEASE -o json` in the environment's namespace and kube context.</summary>
    public static IReadOnlyList<string> StatusArguments(HelmRelease helm) => ReadArguments("status", helm);

    /// <summary>`helm history RELEASE -o json` in the environment's namespace and kube context.</summary>
    public static IReadOnlyList<string> HistoryArguments(HelmRelease helm) => ReadArguments("history", helm);

    public string Program => program;

    /// <summary>The release's latest revision with its image tag, or null when helm says there is no such release.</summary>
    /// <exception cref="SlipwayException">helm could not answer (not installed, cluster unreachable, not JSON).</exception>
    public async Task<HelmRevision?> StatusAsync(HelmRelease helm, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(helm);
        var result = await RunAsync(StatusArguments(helm), cancellationToken).ConfigureAwait(false);
        return NotFound(result) ? null : Read(result, "status", json => HelmReleaseJson.ParseStatus(json, helm.ImageKey));
    }

    /// <summary>The release's revisions, oldest first; empty when helm says there is no such release.</summary>
    /// <exception cref="SlipwayException">helm could not answer (not installed, cluster unreachable, not JSON).</exception>
    public async Task<IReadOnlyList<HelmRevision>> HistoryAsync(HelmRelease helm, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(helm);
        var result = await RunAsync(HistoryArguments(helm), cancellationToken).ConfigureAwait(false);
        return NotFound(result) ? [] : Read(result, "history", HelmReleaseJson.ParseHistory);
    }

    /// <summary>What helm reports for the environment's release, or why it could not say (one line): never an exception for an unreachable cluster.</summary>
    public async Task<LiveRelease> LiveAsync(HelmRelease helm, CancellationToken cancellationToken)
    {
        try
        {
            var latest = await StatusAsync(helm, cancellationToken).ConfigureAwait(false);
            return latest is null ? LiveRelease.None : LiveRelease.Of(latest, await HistoryAsync(helm, cancellationToken).ConfigureAwait(false));
        }
        catch (SlipwayException e) when (e.Error.Code == ExitCode.Failed)
        {
            return LiveRelease.Unreachable(e.Error.Message);
        }
    }

    /// <summary>`helm version --short`.</summary>
    public Task<HelmResult> VersionAsync(CancellationToken cancellationToken) => RunAsync(["version", "--short"], cancellationToken);

    /// <summary>`helm lint` of the release's chart with its values files, as a deployment of <paramref name="imageTag"/> passes them.</summary>
    public Task<HelmResult> LintAsync(HelmRelease helm, string imageTag, CancellationToken cancellationToken) =>
        RunAsync(LintArguments(helm, imageTag), cancellationToken);

    /// <summary>`helm template` of the release's chart with its values files, as a deployment of <paramref name="imageTag"/> renders it.</summary>
    public Task<HelmResult> TemplateAsync(HelmRelease helm, string imageTag, CancellationToken cancellationToken) =>
        RunAsync(TemplateArguments(helm, imageTag), cancellationToken);

    /// <summary>Runs helm; a failure is a value (Helm's own "Error: ..." line), not an exception.</summary>
    public async Task<HelmResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(ProcessRunner.StartInfo(program, arguments, workingDirectory), null, cancellationToken).ConfigureAwait(false);
        return new HelmResult(result);
    }

    private static List<string> ReadArguments(string command, HelmRelease helm)
    {
        ArgumentNullException.ThrowIfNull(helm);
        List<string> arguments = [command, helm.Release, "--output", "json"];
        if (helm.Namespace is { } ns)
        {
            arguments.AddRange(["--namespace", ns]);
        }

        if (helm.KubeContext is { } context)
        {
            arguments.AddRange(["--kube-context", context]);
        }

        return arguments;
    }

    // Helm's words for a release that does not exist (helm 3 and 4: "Error: release: not found").
    private static bool NotFound(HelmResult result) => !result.Succeeded && result.Problem.Contains("release: not found", StringComparison.Ordinal);

    private static T Read<T>(HelmResult result, string command, Func<string, T> parse)
    {
        if (!result.Succeeded)
        {
            var problem = result.Problem;
            throw new SlipwayException(SlipwayError.Failed($"helm {command}: {(problem.StartsWith("Error: ", StringComparison.Ordinal) ? problem[7..] : problem)}"));
        }

        try
        {
            return parse(result.Output);
        }
        catch (FormatException e)
        {
            throw new SlipwayException(SlipwayError.Failed(e.Message));
        }
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

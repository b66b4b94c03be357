using Slipway.Adapters.Files;
using Slipway.Adapters.Helm;
using Slipway.Core.Deployments;
using Slipway.Core.Doctor;
using Slipway.Core.Errors;

namespace Slipway.Cli.Doctor;

/// <summary>The Helm checks: helm on PATH, each environment's chart linted and rendered for real, and the cluster (skipped without a kubeconfig).</summary>
public static partial class DoctorRun
{
    private static async Task<IReadOnlyList<DoctorCheck>> HelmChecksAsync(string root, string tag, IReadOnlyList<DeploymentEnvironment> environments, bool offline,
        Func<string, string?> environment, CancellationToken cancellationToken)
    {
        if (environments.Count == 0)
        {
            return [DoctorCheck.Skip("helm", "no environments: in slipway.yml")];
        }

        var checks = new List<DoctorCheck>();
        foreach (var env in environments.Where(e => e.Command is not null))
        {
            checks.Add(CommandCheck(root, env, environment));
        }

        var helmEnvironments = environments.Where(e => e.Helm is not null).ToList();
        if (helmEnvironments.Count == 0)
        {
            return checks;
        }

        var helm = new HelmClient(root);
        var version = await HelmVersionAsync(helm, cancellationToken).ConfigureAwait(false);
        checks.Add(version);
        var kubeconfig = Kubeconfig.Locate(environment);
        var (cluster, kubeconfigProblem) = kubeconfig.Count == 0 ? (null, null) : Kubeconfig.Read(kubeconfig);
        foreach (var env in helmEnvironments)
        {
            var name = $"chart:{env.Name}";
            if (version.Status != CheckStatus.Passed)
            {
                checks.Add(DoctorCheck.Skip(name, "helm is not usable here (see the helm check)"));
            }
            else if (offline && env.Helm!.Chart.StartsWith("oci://", StringComparison.Ordinal))
            {
                checks.Add(DoctorCheck.Skip(name, $"{Offline} (the chart {env.Helm.Chart} is in a registry)"));
            }
            else
            {
                checks.Add(await ChartCheckAsync(helm, root, env, tag, name, cancellationToken).ConfigureAwait(false));
            }

            checks.Add(ClusterCheck(env, kubeconfig, cluster, kubeconfigProblem, offline));
        }

        return checks;
    }

    /// <summary>A `kind: command` environment: its deploy (and status) program can be started from here.</summary>
    private static DoctorCheck CommandCheck(string root, DeploymentEnvironment env, Func<string, string?> environment)
    {
        var name = $"command:{env.Name}";
        var command = env.Command!;
        var programs = command.Status is { } status ? new[] { command.Run[0], status[0] } : [command.Run[0]];
        var missing = programs.Distinct(StringComparer.Ordinal).Where(p => !FilePresence.ProgramExists(root, p, environment("PATH"))).ToList();
        return missing.Count == 0
            ? DoctorCheck.Pass(name, $"{string.Join(" and ", programs.Distinct(StringComparer.Ordinal))} found")
            : DoctorCheck.Fail(name, $"{string.Join(", ", missing)} cannot be started from here (not on PATH, nor a file in the repository)",
                $"install it, or fix environments.{env.Name}.command in slipway.yml");
    }

    private static async Task<DoctorCheck> HelmVersionAsync(HelmClient helm, CancellationToken cancellationToken)
    {
        HelmResult result;
        try
        {
            result = await helm.VersionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SlipwayException)
        {
            return HelmVersionRule.Check(output: null, problem: null);
        }

        return HelmVersionRule.Check(result.Output, result.Succeeded ? null : result.Problem);
    }

    /// <summary>`helm lint` and `helm template` with the environment's values files, as deploy passes them.</summary>
    private static async Task<DoctorCheck> ChartCheckAsync(HelmClient helm, string root, DeploymentEnvironment env, string tag, string name, CancellationToken cancellationToken)
    {
        var values = env.Helm!.Values.Count == 0 ? "no values file" : string.Join(", ", env.Helm.Values);
        var fix = $"fix the chart {env.Helm.Chart} or {values} (helm lint {env.Helm.Chart}{string.Concat(env.Helm.Values.Select(v => " -f " + v))} shows every problem)";
        var missing = FilePresence.Missing(root, env.Helm.Values);
        if (missing.Count > 0)
        {
            return DoctorCheck.Fail(name, $"the values file {missing[0]} does not exist", $"create {missing[0]} or fix environments.{env.Name}.helm.values in slipway.yml");
        }

        var lint = await helm.LintAsync(env.Helm, tag, cancellationToken).ConfigureAwait(false);
        if (!lint.Succeeded)
        {
            return DoctorCheck.Fail(name, $"helm lint of {env.Helm.Chart} with {values} failed: {LintProblem(lint)}", fix);
        }

        var template = await helm.TemplateAsync(env.Helm, tag, cancellationToken).ConfigureAwait(false);
        if (!template.Succeeded)
        {
            return DoctorCheck.Fail(name, $"helm template of {env.Helm.Chart} with {values} failed: {template.Problem}", fix);
        }

        var resources = template.Output.Split('\n').Count(l => l.StartsWith("kind:", StringComparison.Ordinal));
        return DoctorCheck.Pass(name, $"{env.Helm.Chart} lints and renders {resources} resource(s) with {values}");
    }

    /// <summary>helm lint's "[ERROR] templates/x.yaml: ..." line (it names the file and line), else its Error: line.</summary>
    private static string LintProblem(HelmResult lint) =>
        lint.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("[ERROR]", StringComparison.Ordinal)) ?? lint.Problem;

    /// <summary>The cluster checks need a kubeconfig; without one they are skipped, saying so.</summary>
    private static DoctorCheck ClusterCheck(DeploymentEnvironment env, IReadOnlyList<string> files, Kubeconfig? kubeconfig, string? problem, bool offline)
    {
        var name = $"cluster:{env.Name}";
        if (files.Count == 0)
        {
            return DoctorCheck.Skip(name, "no kubeconfig here (no file KUBECONFIG names exists, nor ~/.kube/config without it): the cluster, namespace and pull-secret checks need one");
        }

        if (problem is not null)
        {
            return DoctorCheck.Fail(name, problem, "fix the kubeconfig (kubectl config view shows how it reads)");
        }

        var context = env.Helm!.KubeContext ?? kubeconfig!.CurrentContext;
        if (context is null)
        {
            return DoctorCheck.Fail(name, $"no kube context: environments.{env.Name}.helm.kube_context is not set and the kubeconfig has no current-context",
                "set kube_context in slipway.yml, or kubectl config use-context NAME");
        }

        if (!kubeconfig!.Contexts.Contains(context))
        {
            return DoctorCheck.Fail(name, $"the kube context '{context}' is not in the kubeconfig ({string.Join(", ", files)})",
                $"use one of: {(kubeconfig.Contexts.Count == 0 ? "(none)" : string.Join(", ", kubeconfig.Contexts))}");
        }

        return DoctorCheck.Skip(name, offline
            ? $"{Offline}; the context '{context}' exists; the cluster was not asked"
            : $"the context '{context}' exists; asking the cluster itself (reachability, namespace {env.Helm.Namespace ?? "default"}, pull secret) is not implemented yet");
    }
}

using Slipway.Adapters.Actions;
using Slipway.Adapters.Configuration;
using Slipway.Adapters.Files;
using Slipway.Adapters.Git;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Commands;
using Slipway.Cli.Releasing;
using Slipway.Core.Configuration;
using Slipway.Core.Deployments;
using Slipway.Core.Doctor;
using Slipway.Core.Errors;
using Slipway.Core.Packages;
using Slipway.Core.Setup;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Doctor;

/// <summary>
/// `slipway doctor`: what the release pipeline needs, checked before a tag is pushed — each check's facts read by an adapter,
/// its verdict a <see cref="DoctorCheck"/>. Nothing is written anywhere: no tag, no blob, no release, no ledger record.
/// </summary>
public static partial class DoctorRun
{
    public const string ReleaseWorkflow = ".github/workflows/release.yml";

    /// <param name="environmentName">--env: only this environment's checks (null: every environment).</param>
    /// <param name="offline">--offline: skip what needs the network (registry, GitHub, the ledger on the remote, the cluster).</param>
    public static async Task<IReadOnlyList<DoctorCheck>> RunAsync(string directory, string? environmentName, bool offline, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var state = RepositoryFiles.TryReadState(directory, out _) ?? await new GitRepository(directory).GetStateAsync(cancellationToken).ConfigureAwait(false);
        var root = state.TopLevel;
        var checks = new List<DoctorCheck>();
        var (config, configCheck) = LoadConfig(directory, root);
        checks.Add(configCheck);

        IReadOnlyList<WorkflowRead> workflows = [.. WorkflowReader.Files(root).Select(f => WorkflowReader.Read(f, Path.GetRelativePath(root, f).Replace('\\', '/')))];
        checks.Add(WorkflowsCheck(workflows));
        if (config is null)
        {
            checks.AddRange(new[] { TagTriggerRule.Name, "permissions", "dockerfile", "registry", "registry-push", "github", "helm", "ledger" }
                .Select(n => DoctorCheck.Skip(n, "slipway.yml does not load (see the config check)")));
            return checks;
        }

        var environments = SelectEnvironments(config, environmentName);
        var imageOnGhcr = config.Image.Names.Any(n => n.StartsWith("ghcr.io/", StringComparison.OrdinalIgnoreCase));
        var (nextTag, planProblem, gates) = await NextTagAsync(directory, environment, offline, cancellationToken).ConfigureAwait(false);
        var release = workflows.FirstOrDefault(w => w.File == ReleaseWorkflow);
        if (config.Packages.Count > 0)
        {
            // A monorepo: each package's next tag (api-v1.3.0) must start the release workflow.
            try
            {
                foreach (var (package, tag) in await PackageTagsAsync(directory, environment, cancellationToken).ConfigureAwait(false))
                {
                    checks.Add(TagTriggerRule.Check(ReleaseWorkflow, release?.Workflow, release is not null, tag,
                        WorkflowSettings.TagPatterns(PackageNaming.For(package).Prefixes)) with
                    { Name = $"{TagTriggerRule.Name} {package.Name}" });
                }
            }
            catch (SlipwayException e)
            {
                checks.Add(DoctorCheck.Fail(TagTriggerRule.Name, $"the packages' next tags cannot be computed: {e.Error.Message}", e.Error.Fix ?? "run slipway plan to see why"));
            }
        }
        else
        {
            checks.Add(nextTag is null
                ? DoctorCheck.Fail(TagTriggerRule.Name, $"the next tag cannot be computed: {planProblem!.Message}", planProblem.Fix ?? "run slipway plan to see why")
                : TagTriggerRule.Check(ReleaseWorkflow, release?.Workflow, release is not null, nextTag, WorkflowSettings.TagPatterns(config.Tag.Prefixes)));
        }

        checks.Add(PermissionsCheck(workflows, imageOnGhcr));
        checks.Add(DockerfileCheck(root, config, workflows));
        checks.AddRange(await RegistryChecksAsync(config, offline, environment, cancellationToken).ConfigureAwait(false));
        checks.Add(await GitHubCheckAsync(root, config, offline, environment, cancellationToken).ConfigureAwait(false));
        checks.AddRange(await HelmChecksAsync(root, nextTag ?? new TagNaming(config.Tag.Prefixes).TagFor(new SemanticVersion(0, 1, 0)), environments, offline, environment, cancellationToken).ConfigureAwait(false));
        var (ledgerCheck, ledger) = await LedgerCheckAsync(root, config, offline, cancellationToken).ConfigureAwait(false);
        checks.Add(ledgerCheck);
        checks.AddRange(await DriftChecksAsync(root, config, environments, checks, ledger, offline, environment, cancellationToken).ConfigureAwait(false));
        checks.AddRange(gates.Select(g => new DoctorCheck($"gate {g.Gate}", g.Status, g.Message, g.Fix)));
        return checks;
    }

    private static IReadOnlyList<DeploymentEnvironment> SelectEnvironments(SlipwayConfig config, string? name)
    {
        var all = config.Environments;
        if (name is null)
        {
            return all;
        }

        return all.Where(e => e.Name == name).ToList() is { Count: > 0 } one
            ? one
            : throw new SlipwayException(SlipwayError.Usage($"unknown environment '{name}'",
                all.Count == 0 ? "configure environments: in slipway.yml" : $"use one of: {string.Join(", ", all.Select(e => e.Name))}"));
    }

    /// <summary>slipway.yml loads: every problem the loader finds, section by section (it stops at the first of each).</summary>
    private static (SlipwayConfig? Config, DoctorCheck Check) LoadConfig(string directory, string root)
    {
        if (ConfigLoader.Find(directory, root) is not { } path)
        {
            return (SlipwayConfig.Default, DoctorCheck.Pass("config", "no slipway.yml: the defaults apply (slipway init writes one)"));
        }

        try
        {
            var config = ConfigLoader.Load(path);
            return (config, DoctorCheck.Pass("config", $"{ConfigLoader.FileName} is valid ({config.Environments.Count} environment(s), {config.Image.Names.Count} image(s))"));
        }
        catch (SlipwayException e)
        {
            var problems = ConfigProblems.All(path, e.Error.Message);
            return (null, DoctorCheck.Fail("config", string.Join("; ", problems), problems.Count > 1 ? $"fix these {problems.Count} problems in {ConfigLoader.FileName} (slipway schema prints what each key takes)" : e.Error.Fix ?? $"fix {ConfigLoader.FileName}"));
        }
    }

    private static DoctorCheck WorkflowsCheck(IReadOnlyList<WorkflowRead> workflows)
    {
        if (workflows.Count == 0)
        {
            return DoctorCheck.Fail("workflows", "no workflow in .github/workflows", "run slipway init to write the release workflows");
        }

        var problems = workflows.SelectMany(w => w.Problem is { } p ? [p] : WorkflowRules.Problems(w.Workflow!)).ToList();
        return problems.Count == 0
            ? DoctorCheck.Pass("workflows", $"{workflows.Count} workflow(s) valid: {string.Join(", ", workflows.Select(w => Path.GetFileName(w.File)))}")
            : DoctorCheck.Fail("workflows", Summary(problems), $"fix {problems[0].Split(':')[0]} (actionlint reports every problem of a workflow)");
    }

    private static DoctorCheck PermissionsCheck(IReadOnlyList<WorkflowRead> workflows, bool imageOnGhcr)
    {
        var read = workflows.Where(w => w.Workflow is not null).Select(w => w.Workflow!).ToList();
        if (read.Count == 0)
        {
            return DoctorCheck.Skip("permissions", "no workflow could be read");
        }

        var missing = read.SelectMany(w => WorkflowRules.UngrantedScopes(w, imageOnGhcr)).ToList();
        if (missing.Count > 0)
        {
            var first = missing[0];
            return DoctorCheck.Fail("permissions", Summary(missing.Select(m => m.ToString()).ToList()),
                $"add {first.Scope}: write to the permissions: of job '{first.Job}' in {first.File}");
        }

        var jobs = read.SelectMany(w => w.Jobs.Select(j => (w, j, Needs: WorkflowRules.Needs(j, imageOnGhcr)))).Where(x => x.Needs.Count > 0).ToList();
        var unset = jobs.Where(x => (x.j.Permissions ?? x.w.Permissions) is null).Select(x => $"'{x.j.Id}'").ToList();
        return DoctorCheck.Pass("permissions", jobs.Count == 0
            ? "no job pushes, publishes or deploys"
            : $"{jobs.Count} job(s) that push, publish or deploy have the write permissions they need"
              + (unset.Count == 0 ? string.Empty : $" ({string.Join(", ", unset)} set no permissions: the repository's default token permissions apply)"));
    }

    /// <summary>The tag `plan` would create (the bump as configured), or why there is none.</summary>
    /// <summary>The next tag, and the verdicts of release.gates on the release it would make (as `plan` shows them: no command runs).</summary>
    private static async Task<(string? Tag, SlipwayError? Problem, IReadOnlyList<Core.Gates.GateVerdict> Gates)> NextTagAsync(string directory, Func<string, string?> environment,
        bool offline, CancellationToken cancellationToken)
    {
        try
        {
            using var repo = await Workspace.OpenAsync(directory, Adapters.Workspace.Clock.System, environment, cancellationToken).ConfigureAwait(false);
            var plan = await ReleasePlanning.PlanAsync(repo, ReleaseOptionsParser.Request(null, null), cancellationToken).ConfigureAwait(false);
            var gates = await ReleaseGates.EvaluateAsync(repo, plan, [], release: false, null, cancellationToken, offline ? Offline : null).ConfigureAwait(false);
            return (plan.NextTag, null, gates);
        }
        catch (SlipwayException e)
        {
            return (null, e.Error, []);
        }
    }

    /// <summary>Each package's next tag, as `plan` computes it (its current tag when it has nothing to release).</summary>
    private static async Task<IReadOnlyList<(PackageConfig Package, string Tag)>> PackageTagsAsync(string directory, Func<string, string?> environment,
        CancellationToken cancellationToken)
    {
        using var repo = await Workspace.OpenAsync(directory, Adapters.Workspace.Clock.System, environment, cancellationToken).ConfigureAwait(false);
        var plans = (await Releasing.Packages.PackagePlanning.PlanAsync(repo, ReleaseOptionsParser.Request(null, null), null, cancellationToken).ConfigureAwait(false)).Plans;
        return [.. plans.Select(p => (p.Package, p.Plan.NextTag))];
    }

    private static DoctorCheck DockerfileCheck(string root, SlipwayConfig config, IReadOnlyList<WorkflowRead> workflows)
    {
        if (config.Image.Names.Count == 0)
        {
            return DoctorCheck.Skip("dockerfile", "no image: in slipway.yml");
        }

        // The files the workflows build (docker/build-push-action's file:, else context/Dockerfile), else ./Dockerfile.
        var built = workflows.Where(w => w.Workflow is not null).SelectMany(w => w.Workflow!.Jobs).SelectMany(j => j.Steps)
            .Where(s => s.Uses?.StartsWith("docker/build-push-action@", StringComparison.Ordinal) == true)
            .Select(s => s.With.TryGetValue("file", out var file) ? file : Path.Combine(s.With.GetValueOrDefault("context", "."), "Dockerfile"))
            .Where(f => !f.Contains("${{", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        if (built.Count == 0)
        {
            built = ["Dockerfile"];
        }

        var missing = FilePresence.Missing(root, built);
        return missing.Count == 0
            ? DoctorCheck.Pass("dockerfile", $"{string.Join(", ", built)} exists")
            : DoctorCheck.Fail("dockerfile", $"{missing[0]} does not exist, so the image build fails", $"add {missing[0]} (or set file: of docker/build-push-action to your Dockerfile)");
    }

    /// <summary>The first problems in one line, and how many more.</summary>
    internal static string Summary(IReadOnlyList<string> problems) =>
        string.Join("; ", problems.Take(3)) + (problems.Count > 3 ? $"; and {problems.Count - 3} more" : string.Empty);
}

using Slipway.Core.Configuration;
using Slipway.Core.Releases;
using Slipway.Core.Versioning;

namespace Slipway.Core.Packages;

/// <summary>
/// The packages' plans once they are released together: a group's members share one version (the highest any member
/// would get, with the biggest bump among them), and a package whose manifest depends on a released one gets a patch
/// release (release-please's workspace plugins' rule), transitively. Pure: each package's own plan in, the final ones out.
/// </summary>
public static class MonorepoPlanner
{
    /// <param name="replan">The package's plan with another bump (same tags and commits).</param>
    public static IReadOnlyList<PackagePlan> Decide(IReadOnlyList<PackagePlan> own, IReadOnlyList<PackageDependency> dependencies,
        IReadOnlyList<PackageGroup> groups, Func<PackageConfig, BumpDecision, ReleasePlan> replan)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(dependencies);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(replan);
        var plans = own.ToDictionary(p => p.Name, StringComparer.Ordinal);
        // Each round can only move a package from "nothing" to "released" or raise a group to one version: it ends.
        for (var round = 0; round <= own.Count + 1; round++)
        {
            var changed = false;
            foreach (var group in groups)
            {
                changed |= Group(group, plans, replan);
            }

            foreach (var dependency in dependencies)
            {
                if (plans.GetValueOrDefault(dependency.Dependency) is { Plan.Status: ReleaseStatus.Ready } released
                    && plans.GetValueOrDefault(dependency.Dependent) is { Plan.Status: ReleaseStatus.NothingToRelease } dependent)
                {
                    var bump = new BumpDecision(BumpKind.Patch, $"patch: depends on {released.Name}, released as {released.Plan.Next}") { Forced = true };
                    plans[dependent.Name] = dependent with { Plan = replan(dependent.Package, bump) };
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return [.. own.Select(p => plans[p.Name])];
    }

    private static bool Group(PackageGroup group, Dictionary<string, PackagePlan> plans, Func<PackageConfig, BumpDecision, ReleasePlan> replan)
    {
        var members = group.Members.Select(m => plans[m]).ToList();
        var ready = members.Where(m => m.Plan.Status == ReleaseStatus.Ready).ToList();
        if (ready.Count == 0 || members.Any(m => m.Plan.Status == ReleaseStatus.AlreadyTagged))
        {
            return false;
        }

        var kind = ready.Max(m => m.Plan.Bump.Kind);
        var forced = new BumpDecision(kind, string.Empty) { Forced = true };
        var version = members.Select(m => m.Plan.Status == ReleaseStatus.Ready && m.Plan.Bump.Kind == kind ? m.Plan.Next : replan(m.Package, forced).Next).Max()!;
        if (members.All(m => m.Plan.Status == ReleaseStatus.Ready && m.Plan.Next == version))
        {
            return false;
        }

        var bump = new BumpDecision(kind, $"{BumpDecision.Name(kind)}: group {group.Name} is released together at {version}") { Version = version, Forced = true };
        foreach (var member in members)
        {
            plans[member.Name] = member with { Plan = replan(member.Package, bump) };
        }

        return true;
    }
}

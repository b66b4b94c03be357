using Slipway.Adapters.Files;
using Slipway.Adapters.Workspace;
using Slipway.Core.Commits;
using Slipway.Core.Configuration;
using Slipway.Core.Errors;
using Slipway.Core.Packages;
using Slipway.Core.Releases;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Releasing.Packages;

/// <summary>
/// A monorepo's plans (`packages:`): each package's tags and release line, the commits since its release that touch its
/// paths (one `git log --name-only` for all of them), its bump, then groups and dependents (<see cref="MonorepoPlanner"/>).
/// </summary>
public static class PackagePlanning
{
    /// <param name="only">`--package NAME`: that package's plan only (a bump asked for it is a forced release, commits or not).</param>
    public static Task<MonorepoPlan> PlanAsync(Workspace repo, ReleaseRequest request, string? only, CancellationToken cancellationToken) =>
        PlanAsync(repo, request, only, null, cancellationToken);

    /// <param name="only">`--package NAME`: that package's plan only (a bump asked for it is a forced release, commits or not).</param>
    /// <param name="bumps">Bumps asked for by package (`/slipway bump minor core` in a release pull request): each a forced release of that package, before groups and dependents.</param>
    public static async Task<MonorepoPlan> PlanAsync(Workspace repo, ReleaseRequest request, string? only, IReadOnlyDictionary<string, BumpKind>? bumps,
        CancellationToken cancellationToken)
    {
        var packages = repo.Config.Packages;
        if (only is not null)
        {
            PackageConfig.Find(repo.Config, only);
        }

        request = request.PrereleaseId is null && repo.ReleaseBranch?.PrereleaseId is { } id ? request with { PrereleaseId = id } : request;
        var dependencies = PackageDependencies.Find(packages, PackageManifestFiles.Read(repo.Root, packages));
        if (PackageDependencies.Cycle(dependencies) is { } cycle)
        {
            throw new SlipwayException(SlipwayError.Usage($"packages: the dependencies go round in a cycle ({string.Join(" → ", cycle)})",
                "a package cannot depend on itself through others: remove one of these dependencies from its manifest"));
        }

        var lines = await LinesAsync(repo, packages, cancellationToken).ConfigureAwait(false);

        var history = await PackageHistory.ReadAsync(repo, [.. lines.SelectMany(l => new[] { l.BeforeHead.Latest, l.BeforeHead.LatestStable })], packages, cancellationToken).ConfigureAwait(false);
        var inputs = lines.ToDictionary(l => l.Package.Name, StringComparer.Ordinal);
        // A package's own versioning: (preset, rules, bump, initial), else the repository's.
        VersioningConfig Versioning(PackageConfig package) => package.Versioning ?? repo.Config.Versioning;
        static BumpPreset Preset(VersioningConfig versioning) => BumpPreset.Named(versioning.Preset, versioning.Rules, versioning.PreMajor)
            ?? throw new SlipwayException(SlipwayError.Usage($"versioning.preset '{versioning.Preset}' is not a preset", $"use one of {string.Join(", ", BumpPreset.Names)}"));
        ReleasePlan Plan(PackageConfig package, BumpDecision bump)
        {
            var line = inputs[package.Name];
            var rangeBase = ReleasePlanner.RangeBase(line.BeforeHead, line.HeadTags, request.PrereleaseId);
            return ReleasePlanner.Plan(line.BeforeHead, line.HeadTags, history.Commits(package, rangeBase), bump, request.PrereleaseId,
                Versioning(package).Initial, line.Naming, line.Tags, repo.ReleaseBranch);
        }

        var own = new List<PackagePlan>();
        foreach (var line in lines)
        {
            var stable = line.BeforeHead.LatestStable;
            var versioning = Versioning(line.Package);
            var bump = ReleasePlanner.ReleasedHead(line.HeadTags, request.PrereleaseId) is not null ? BumpDecision.Default(BumpKind.None)
                : bumps is not null && bumps.TryGetValue(line.Package.Name, out var asked)
                    ? new BumpDecision(asked, $"{BumpDecision.Name(asked)}: /slipway bump in the release pull request") { Forced = true }
                : request.Bump is { } kind ? (only is null ? BumpDecision.Requested(kind) : BumpDecision.Requested(kind) with { Forced = line.Package.Name == only })
                : request.Auto || versioning.Bump == BumpStrategy.Conventional
                    ? ConventionalBump.Decide(history.Commits(line.Package, stable), Preset(versioning), stable?.Name, stable?.Version ?? versioning.Initial)
                    : BumpDecision.Default(BumpKind.Patch);
            own.Add(new PackagePlan(line.Package, Plan(line.Package, bump)));
        }

        var plans = MonorepoPlanner.Decide(own, only is null ? dependencies : [], only is null ? repo.Config.Groups : [], Plan);
        var result = new List<PackagePlan>();
        foreach (var plan in plans.Where(p => only is null || p.Name == only))
        {
            result.Add(plan with { Plan = await Changelogs.PlanChangelog.RenderAsync(repo, plan.Plan, cancellationToken).ConfigureAwait(false) });
        }

        return new MonorepoPlan(result, dependencies);
    }

    /// <summary>
    /// Each package's tags and release line before HEAD: one listing of the tags and one walk from HEAD that stops once every
    /// package's highest tag is met (<see cref="PackageLines"/>); a package the walk cannot settle gets the exact search.
    /// </summary>
    private static async Task<List<(PackageConfig Package, TagNaming Naming, IReadOnlyList<VersionTag> Tags, ReleaseLine BeforeHead, IReadOnlyList<VersionTag> HeadTags)>> LinesAsync(
        Workspace repo, IReadOnlyList<PackageConfig> packages, CancellationToken cancellationToken)
    {
        var head = repo.State.Head;
        var range = repo.ReleaseBranch?.Line;
        var all = (await repo.History.TagsAsync(cancellationToken).ConfigureAwait(false)).Select(t => (t.Name, t.Commit)).ToList();
        var found = packages.Select(p => (Package: p, Naming: PackageNaming.For(p))).Select(p => (p.Package, p.Naming, Tags: VersionDiscovery.Candidates(all, p.Naming))).ToList();
        var walk = new PackageLines(found.ToDictionary(f => f.Package.Name,
            f => (IReadOnlyList<VersionTag>)[.. f.Tags.Where(t => t.Commit != head && (range is null || range.NotAbove(t.Version)))], StringComparer.Ordinal));
        var wholeHistory = true;
        if (walk.Pending > 0 && head is not null)
        {
            await foreach (var sha in repo.History.AncestorsAsync(cancellationToken).ConfigureAwait(false))
            {
                walk.Visit(sha);
                if (walk.Pending == 0)
                {
                    wholeHistory = false;
                    break;
                }
            }
        }

        var lines = new List<(PackageConfig, TagNaming, IReadOnlyList<VersionTag>, ReleaseLine, IReadOnlyList<VersionTag>)>();
        foreach (var (package, naming, tags) in found)
        {
            var beforeHead = walk.Line(package.Name, wholeHistory)
                ?? (await repo.History.FindLineAsync(naming, range, cancellationToken).ConfigureAwait(false)).BeforeHead;
            lines.Add((package, naming, tags, beforeHead, head is null ? [] : [.. tags.Where(t => t.Commit == head && (range is null || range.NotAbove(t.Version)))]));
        }

        return lines;
    }
}

/// <summary>The packages' plans and the dependencies between them, read from their manifests once.</summary>
public sealed record MonorepoPlan(IReadOnlyList<PackagePlan> Plans, IReadOnlyList<PackageDependency> Dependencies);

/// <summary>
/// The commits since the oldest package release and what each changed, read once for every package: from the repository's
/// files in one walk that paints every release's range and compares the packages' folders' trees (no git process), or from
/// git (a common ancestor, `git log`, and `git log --name-only`, the files each commit changed).
/// </summary>
public sealed class PackageHistory
{
    private readonly List<Commit> newestFirst;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> changed;
    private readonly Func<string, string?, bool> inRange;
    private readonly IReadOnlyList<PackageConfig> packages;
    private readonly Dictionary<(string, string?), IReadOnlyList<Commit>> ranges = [];
    private Dictionary<string, List<Commit>>? touching;

    /// <param name="changed">Per commit, the paths it changed: files (from git) or the packages' folders (from the trees); merges have none.</param>
    /// <param name="inRange">Whether the commit is after the release (its commit name; null: never released).</param>
    private PackageHistory(IReadOnlyList<PackageConfig> packages, List<Commit> newestFirst, IReadOnlyDictionary<string, IReadOnlyList<string>> changed,
        Func<string, string?, bool> inRange)
    {
        this.packages = packages;
        this.newestFirst = newestFirst;
        this.changed = changed;
        this.inRange = inRange;
    }

    /// <param name="bases">Each package's release (null: never released, so the whole history).</param>
    public static async Task<PackageHistory> ReadAsync(Workspace repo, IReadOnlyList<VersionTag?> bases, IReadOnlyList<PackageConfig> packages, CancellationToken cancellationToken)
    {
        if (repo.State.Head is null || packages.Count == 0)
        {
            return new PackageHistory(packages, [], new Dictionary<string, IReadOnlyList<string>>(), (_, _) => true);
        }

        var commits = bases.Select(b => b?.Commit).Distinct(StringComparer.Ordinal).ToList();
        var folders = packages.SelectMany(p => new[] { p.Path }.Concat(p.AlsoPaths)).Distinct(StringComparer.Ordinal).ToList();
        if (repo.History.Ranges(commits, folders) is { } read)
        {
            var index = commits.Select((c, i) => (c, i)).Where(x => x.c is not null).ToDictionary(x => x.c!, x => x.i, StringComparer.Ordinal);
            var reached = read.ToDictionary(r => r.Commit.Sha, StringComparer.Ordinal);
            return new PackageHistory(packages, [.. read.Select(r => r.Commit)], read.ToDictionary(r => r.Commit.Sha, r => r.ChangedFolders, StringComparer.Ordinal),
                (sha, since) => since is null || !reached[sha].IsReachedBy(index[since]));
        }

        return await ReadWithGitAsync(repo, bases, packages, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<PackageHistory> ReadWithGitAsync(Workspace repo, IReadOnlyList<VersionTag?> bases, IReadOnlyList<PackageConfig> packages,
        CancellationToken cancellationToken)
    {
        // Every package's range is inside HEAD's history after the common ancestor of their releases.
        var from = bases.Any(b => b is null) ? null
            : await repo.Git.CommonAncestorAsync([.. bases.Select(b => b!.Commit).Distinct(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);
        // git lists the files each commit changed (the floor's work) while the commits themselves are read beside it.
        var reading = Task.Run(async () =>
        {
            var commits = new List<Commit>();
            await foreach (var commit in repo.LogAsync(from, "HEAD", includeMerges: true, cancellationToken).ConfigureAwait(false))
            {
                commits.Add(commit);
            }

            return commits;
        }, cancellationToken);
        var files = await repo.Git.ChangedFilesAsync(from, ShasAsync(reading), cancellationToken).ConfigureAwait(false);
        var newestFirst = await reading.ConfigureAwait(false);
        var byName = newestFirst.ToDictionary(c => c.Sha, StringComparer.Ordinal);
        var ancestors = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        return new PackageHistory(packages, newestFirst, files.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value, StringComparer.Ordinal),
            (sha, since) => since is null || !Ancestors(since).Contains(sha));

        static async Task<IReadOnlySet<string>> ShasAsync(Task<List<Commit>> reading) =>
            (await reading.ConfigureAwait(false)).Select(c => c.Sha).ToHashSet(StringComparer.Ordinal);

        // The commits of this history the release reaches (itself included).
        HashSet<string> Ancestors(string tip)
        {
            if (ancestors.TryGetValue(tip, out var known))
            {
                return known;
            }

            var seen = ancestors[tip] = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>();
            stack.Push(tip);
            while (stack.TryPop(out var sha))
            {
                if (!seen.Add(sha) || !byName.TryGetValue(sha, out var commit))
                {
                    continue;
                }

                foreach (var parent in commit.Parents)
                {
                    stack.Push(parent);
                }
            }

            return seen;
        }
    }

    /// <summary>The package's commits after <paramref name="since"/> (all when null), newest first: no merges, no release commits, each touching its paths.</summary>
    public IReadOnlyList<Commit> Commits(PackageConfig package, VersionTag? since)
    {
        if (ranges.TryGetValue((package.Name, since?.Commit), out var known))
        {
            return known;
        }

        touching ??= Touching();
        return ranges[(package.Name, since?.Commit)] = [.. touching.GetValueOrDefault(package.Name, []).Where(c => inRange(c.Sha, since?.Commit))];
    }

    /// <summary>Each package's commits, whatever its release, in one pass over the history (a path is matched against the packages once).</summary>
    private Dictionary<string, List<Commit>> Touching()
    {
        var byPackage = new Dictionary<string, List<Commit>>(StringComparer.Ordinal);
        var owners = new Dictionary<string, PackageConfig[]>(StringComparer.Ordinal);
        var found = new HashSet<PackageConfig>(ReferenceEqualityComparer.Instance);
        foreach (var commit in newestFirst)
        {
            if (commit.IsMerge || !changed.TryGetValue(commit.Sha, out var paths) || paths.Count == 0 || ReleaseCommit.Tags(commit).Count > 0)
            {
                continue;
            }

            found.Clear();
            foreach (var path in paths)
            {
                if (!owners.TryGetValue(path, out var those))
                {
                    owners[path] = those = [.. packages.Where(p => PackagePaths.Touches(p, path))];
                }

                found.UnionWith(those);
            }

            foreach (var package in found)
            {
                if (!byPackage.TryGetValue(package.Name, out var list))
                {
                    byPackage[package.Name] = list = [];
                }

                list.Add(commit);
            }
        }

        return byPackage;
    }
}

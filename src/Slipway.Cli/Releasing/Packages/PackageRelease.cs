using Slipway.Adapters.Files;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Changelogs;
using Slipway.Cli.Output;
using Slipway.Core.BumpFiles;
using Slipway.Core.Changelog.Templates;
using Slipway.Core.Errors;
using Slipway.Core.Packages;
using Slipway.Core.Releases;
using Slipway.Core.Versioning;
using ReleaseLedger = Slipway.Cli.Releasing.Steps.LedgerStep;

namespace Slipway.Cli.Releasing.Packages;

/// <summary>What every step of a monorepo release sees: the repository, the packages released together, their dependencies.</summary>
public sealed class PackageReleaseContext(Workspace repository, IReadOnlyList<PackagePlan> releases, IReadOnlyList<PackageDependency> dependencies, Terminal terminal, ReleaseOptions options)
{
    public Workspace Repository { get; } = repository;

    /// <summary>The packages released by this run, in slipway.yml's order.</summary>
    public IReadOnlyList<PackagePlan> Releases { get; } = releases;

    public IReadOnlyList<PackageDependency> Dependencies { get; } = dependencies;

    public Terminal Terminal { get; } = terminal;

    public ReleaseOptions Options { get; } = options;

    public IReadOnlyList<string> Tags => [.. Releases.Select(r => r.Plan.NextTag)];

    /// <summary>True when every tag is on HEAD already: a run that tagged and stopped (or a release done).</summary>
    public bool Tagged => Releases.All(r => r.Plan.TagExistsAtHead);
}

/// <summary>
/// A monorepo release, one list of steps as `release` is: each package's changelog and version files (and its dependents'
/// manifests) → one release commit → every package's annotated tag → one atomic push of the branch and all tags → with gates
/// skipped, each tag's record in the deployment ledger.
/// </summary>
public static class PackageReleasePipeline
{
    public static IReadOnlyList<IPipelineStep<PackageReleaseContext>> Steps { get; } = [new FilesStep(), new CommitStep(), new TagsStep(), new PushStep(), new PackageLedgerStep()];

    /// <summary>The files the release changes: each package's changelog and bump_files, and the manifests that depend on a released package.</summary>
    public static Task<IReadOnlyList<ReleaseFiles.Change>> ChangesAsync(PackageReleaseContext context, ReleaseFiles.Reader read, CancellationToken cancellationToken) =>
        ChangesAsync(context.Repository, context.Releases, context.Dependencies, read, cancellationToken);

    public static Task<IReadOnlyList<ReleaseFiles.Change>> ChangesAsync(Workspace repo, IReadOnlyList<PackagePlan> releases, IReadOnlyList<PackageDependency> dependencies,
        ReleaseFiles.Reader read, CancellationToken cancellationToken) =>
        ChangesAsync(repo, releases, dependencies, null, read, cancellationToken);

    /// <param name="raiseTo">A package's own release pull request (`release_pr.separate`): the version each dependency's range in the released
    /// packages' manifests moves up to (the dependency's proposed version, else its released one); null: the ranges follow <paramref name="releases"/>.</param>
    public static async Task<IReadOnlyList<ReleaseFiles.Change>> ChangesAsync(Workspace repo, IReadOnlyList<PackagePlan> releases, IReadOnlyList<PackageDependency> dependencies,
        IReadOnlyDictionary<string, SemanticVersion>? raiseTo, ReleaseFiles.Reader read, CancellationToken cancellationToken)
    {
        var contents = new Dictionary<string, (TextFile Now, List<string> What)>(StringComparer.Ordinal);
        async Task Edit(string path, Func<string, string> edit, string what, bool create)
        {
            if (!contents.TryGetValue(path, out var entry))
            {
                var original = await read(path, cancellationToken).ConfigureAwait(false);
                if (original is null && !create)
                {
                    throw new SlipwayException(SlipwayError.Usage($"{path} does not exist", "create it, or remove it from the package's bump_files in slipway.yml"));
                }

                original ??= new TextFile(string.Empty, Utf8Bom: false);
                entry = (original, []);
            }

            var text = edit(entry.Now.Text);
            if (text != entry.Now.Text)
            {
                entry.What.Add(what);
            }

            contents[path] = (entry.Now with { Text = text }, entry.What);
        }

        var source = releases.Any(r => r.Package.Changelog is not null) ? await ChangelogSource.OpenAsync(repo, cancellationToken).ConfigureAwait(false) : null;
        foreach (var (package, plan) in releases)
        {
            if (package.Changelog is { } file && source is not null)
            {
                var existing = await read(file, cancellationToken).ConfigureAwait(false);
                var merged = ChangelogFile.Merged(existing, PlanChangelog.Release(source, plan), source.Remote, source.Template(null, KeepAChangelogTemplate.TemplateName));
                if (merged is not null)
                {
                    await Edit(file, _ => merged.Text, $"{package.Name} {plan.Next}", create: true).ConfigureAwait(false);
                }
            }

            foreach (var bump in package.BumpFiles)
            {
                await Edit(bump.Path, text => VersionFileEditor.Edit(bump, text, plan.Next.ToString()), $"{bump.Key ?? "pattern"} = {plan.Next}", create: false).ConfigureAwait(false);
            }
        }

        foreach (var dependency in dependencies.Where(d => d.JsonPath is not null))
        {
            if (raiseTo is not null)
            {
                if (releases.Any(r => r.Name == dependency.Dependent) && raiseTo.TryGetValue(dependency.Dependency, out var version))
                {
                    await Edit(dependency.Manifest, text => PackageDependencies.Raise(text, dependency.JsonPath!, version), $"{dependency.Dependency} {version}", create: false)
                        .ConfigureAwait(false);
                }
            }
            else if (releases.FirstOrDefault(r => r.Name == dependency.Dependency) is { } released)
            {
                await Edit(dependency.Manifest, text => PackageDependencies.Update(text, dependency.JsonPath!, released.Plan.Next.ToString()),
                    $"{dependency.Dependency} {released.Plan.Next}", create: false).ConfigureAwait(false);
            }
        }

        return [.. contents.Where(c => c.Value.What.Count > 0).Select(c => new ReleaseFiles.Change(c.Key, c.Value.Now, $"{c.Key} ({string.Join(", ", c.Value.What)})"))];
    }

    /// <summary>Every path the release commit may contain.</summary>
    public static IReadOnlyList<string> Paths(PackageReleaseContext context) =>
        [.. context.Releases.SelectMany(r => (r.Package.Changelog is { } c ? [c] : Array.Empty<string>()).Concat(r.Package.BumpFiles.Select(b => b.Path)))
            .Concat(context.Dependencies.Where(d => d.JsonPath is not null && context.Releases.Any(r => r.Name == d.Dependency)).Select(d => d.Manifest))
            .Distinct(StringComparer.Ordinal)];

    private sealed class FilesStep : IPipelineStep<PackageReleaseContext>
    {
        public string Name => "files";

        public async Task<StepStatus> CheckAsync(PackageReleaseContext context, CancellationToken cancellationToken) =>
            context.Tagged || (await ChangesAsync(context, ReleaseFiles.WorkingTree(context.Repository), cancellationToken).ConfigureAwait(false)).Count == 0
                ? StepStatus.Done : StepStatus.ToDo;

        public string Describe(PackageReleaseContext context) => $"write {string.Join(", ", Paths(context))}";

        public async Task RunAsync(PackageReleaseContext context, CancellationToken cancellationToken)
        {
            foreach (var change in await ChangesAsync(context, ReleaseFiles.WorkingTree(context.Repository), cancellationToken).ConfigureAwait(false))
            {
                await ReleaseFiles.WriteAsync(context.Repository, change, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private sealed class CommitStep : IPipelineStep<PackageReleaseContext>
    {
        public string Name => "commit";

        public Task<StepStatus> CheckAsync(PackageReleaseContext context, CancellationToken cancellationToken) =>
            Task.FromResult(Paths(context).Count == 0 ? StepStatus.Skipped : context.Tagged ? StepStatus.Done : StepStatus.ToDo);

        public string Describe(PackageReleaseContext context) => $"commit them as \"{ReleaseCommit.Message(context.Tags).TrimEnd()}\"";

        public async Task RunAsync(PackageReleaseContext context, CancellationToken cancellationToken)
        {
            var git = context.Repository.Git;
            var changed = await git.UncommittedChangesAsync(cancellationToken).ConfigureAwait(false);
            var toCommit = Paths(context).Where(changed.Contains).ToList();
            if (toCommit.Count == 0)
            {
                context.Terminal.Status("  nothing to commit: the files already hold the release");
                return;
            }

            await git.CommitPathsAsync(ReleaseCommit.Message(context.Tags), toCommit, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class TagsStep : IPipelineStep<PackageReleaseContext>
    {
        public string Name => "tag";

        public async Task<StepStatus> CheckAsync(PackageReleaseContext context, CancellationToken cancellationToken) =>
            (await MissingAsync(context, cancellationToken).ConfigureAwait(false)).Count == 0 ? StepStatus.Done : StepStatus.ToDo;

        public string Describe(PackageReleaseContext context) => $"create annotated tags {string.Join(", ", context.Tags)} on the release commit";

        public async Task RunAsync(PackageReleaseContext context, CancellationToken cancellationToken)
        {
            foreach (var release in await MissingAsync(context, cancellationToken).ConfigureAwait(false))
            {
                await context.Repository.Git.CreateAnnotatedTagAsync(release.Plan.NextTag, ReleasePlanner.TagMessage(release.Plan), replace: false, cancellationToken).ConfigureAwait(false);
            }
        }

        private static async Task<List<PackagePlan>> MissingAsync(PackageReleaseContext context, CancellationToken cancellationToken)
        {
            var missing = new List<PackagePlan>();
            foreach (var release in context.Releases)
            {
                if (!release.Plan.TagExistsAtHead || await context.Repository.Git.ReadTagAsync(release.Plan.NextTag, cancellationToken).ConfigureAwait(false) is null)
                {
                    missing.Add(release);
                }
            }

            return missing;
        }
    }

    /// <summary>`release`'s ledger step (<see cref="ReleaseLedger"/>) for every tag: each release that skipped gates, one record each.</summary>
    private sealed class PackageLedgerStep : IPipelineStep<PackageReleaseContext>
    {
        public string Name => "ledger";

        public Task<StepStatus> CheckAsync(PackageReleaseContext context, CancellationToken cancellationToken) =>
            ReleaseLedger.CheckAsync(context.Repository, context.Repository.Config.Remote, Plans(context), context.Options.NoPush, cancellationToken);

        public string Describe(PackageReleaseContext context) =>
            ReleaseLedger.Describe(context.Repository.Config.Remote, [.. context.Releases.Where(r => r.Plan.SkippedGates.Count > 0).Select(r => r.Plan)]);

        public Task RunAsync(PackageReleaseContext context, CancellationToken cancellationToken) =>
            ReleaseLedger.RunAsync(context.Repository, context.Repository.Config.Remote, Plans(context), cancellationToken);

        private static List<ReleasePlan> Plans(PackageReleaseContext context) => [.. context.Releases.Select(r => r.Plan)];
    }

    private sealed class PushStep : IPipelineStep<PackageReleaseContext>
    {
        public string Name => "push";

        public async Task<StepStatus> CheckAsync(PackageReleaseContext context, CancellationToken cancellationToken)
        {
            if (context.Options.NoPush)
            {
                return StepStatus.Skipped;
            }

            var refs = context.Tags.SelectMany(t => new[] { $"refs/tags/{t}", $"refs/tags/{t}^{{}}" }).ToList();
            var remote = await context.Repository.Git.ListRemoteRefsAsync(context.Repository.Config.Remote, refs, cancellationToken).ConfigureAwait(false);
            var done = true;
            foreach (var release in context.Releases)
            {
                var tagRef = $"refs/tags/{release.Plan.NextTag}";
                if (!remote.TryGetValue(tagRef + "^{}", out var commit) && !remote.TryGetValue(tagRef, out commit))
                {
                    done = false;
                }
                else if (!release.Plan.TagExistsAtHead || commit != context.Repository.State.Head)
                {
                    throw new SlipwayException(SlipwayError.Precondition(
                        $"tag {release.Plan.NextTag} already exists on {context.Repository.Config.Remote} on another commit ({commit[..7]})",
                        "someone released this version already: fetch, then plan again"));
                }
            }

            return done ? StepStatus.Done : StepStatus.ToDo;
        }

        public string Describe(PackageReleaseContext context) =>
            $"push {context.Repository.PushBranch} and {string.Join(", ", context.Tags)} to {context.Repository.Config.Remote} (atomic)";

        public Task RunAsync(PackageReleaseContext context, CancellationToken cancellationToken)
        {
            var branch = context.Repository.PushBranch;
            List<string> refspecs = context.Repository.State.Branch == branch ? [$"refs/heads/{branch}:refs/heads/{branch}"] : [];
            refspecs.AddRange(context.Tags.Select(t => $"refs/tags/{t}:refs/tags/{t}"));
            return context.Repository.Git.PushAsync(context.Repository.Config.Remote, refspecs, atomic: true, cancellationToken);
        }
    }
}

using Slipway.Core.BumpFiles;
using Slipway.Core.Changelog;
using Slipway.Core.Configuration;

namespace Slipway.Core.Setup;

/// <summary>What `slipway init` concluded from a <see cref="RepositorySurvey"/>: each piece it found, and a note for each piece it could not.</summary>
public sealed record ProjectLayout
{
    /// <summary>The release branch, or null when none could be told (then a note says so).</summary>
    public string? Branch { get; init; }

    /// <summary>The remote releases are pushed to, or null when the repository has none.</summary>
    public string? Remote { get; init; }

    /// <summary>The GitHub repository of the remote, or null when the remote is not on GitHub.</summary>
    public GitHubRemote? GitHub { get; init; }

    /// <summary>tag.prefix: the first names new tags.</summary>
    public IReadOnlyList<string> TagPrefixes { get; init; } = ["v"];

    /// <summary>A monorepo's packages (npm/yarn `workspaces`, pnpm-workspace.yaml), each released on its own; empty for one package.</summary>
    public IReadOnlyList<DetectedPackage> Packages { get; init; } = [];

    /// <summary>The tag patterns the release workflow runs on: each package's, or the repository's prefixes'.</summary>
    public IReadOnlyList<string> ReleaseTagPatterns => Packages.Count > 0
        ? [.. Packages.SelectMany(p => WorkflowSettings.TagPatterns([Slipway.Core.Packages.PackageNaming.Prefix(p.Tag, p.Name)])).Distinct(StringComparer.Ordinal)]
        : WorkflowSettings.TagPatterns(TagPrefixes);

    public VersioningChoice Versioning { get; init; } = new(false, "conventionalcommits", 0, 0);

    /// <summary>CHANGELOG.md at the root, when there is one.</summary>
    public string? ChangelogFile { get; init; }

    /// <summary>Files that hold the version, each with the key where it was found.</summary>
    public IReadOnlyList<BumpFile> BumpFiles { get; init; } = [];

    /// <summary>The Dockerfile the release workflow builds, or null.</summary>
    public string? Dockerfile { get; init; }

    /// <summary>ghcr.io/owner/name, when there is a Dockerfile and a GitHub remote.</summary>
    public string? Image { get; init; }

    /// <summary>The one Helm chart, or null (none, or several: a note says which).</summary>
    public DetectedChart? Chart { get; init; }

    /// <summary>Environments, from the chart's values-*.yaml files: staging first, then production.</summary>
    public IReadOnlyList<DetectedEnvironment> Environments { get; init; } = [];

    /// <summary>release.flow: direct (the default), or pull_request when init was asked for it (`slipway init --flow pull_request`).</summary>
    public ReleaseFlow Flow { get; init; } = ReleaseFlow.Direct;

    /// <summary>One sentence per piece not found or not used, by the section of slipway.yml it concerns.</summary>
    public IReadOnlyList<LayoutNote> Notes { get; init; } = [];

    public DetectedEnvironment? Staging => Environments.FirstOrDefault(e => e.Name == "staging");

    public DetectedEnvironment? Production => Environments.FirstOrDefault(e => e.Name == "production");

    public IEnumerable<string> NotesFor(LayoutTopic topic) => Notes.Where(n => n.Topic == topic).Select(n => n.Text);
}

/// <summary>versioning.bump and preset as chosen from the recent commits.</summary>
/// <param name="Conventional">True when most recent commits are Conventional Commits.</param>
/// <param name="Preset">conventionalcommits, or release-please when the history uses Release-As footers or release-please's files.</param>
/// <param name="ConventionalCount">How many of the examined commits are Conventional Commits.</param>
/// <param name="Examined">How many commits were examined.</param>
public sealed record VersioningChoice(bool Conventional, string Preset, int ConventionalCount, int Examined);

/// <summary>A Helm chart: its folder (helm/agent-bus) and the release name for it (the chart's name as a Kubernetes name).</summary>
/// <summary>A package `init` found: its name (the folder's), its folder, its tag naming (`{name}@{version}` when its tags say so).</summary>
public sealed record DetectedPackage(string Name, string Path, string Tag)
{
    /// <summary>The version files in the package's folder (its package.json): its release writes them, the repository's does not.</summary>
    public IReadOnlyList<BumpFile> BumpFiles { get; init; } = [];
}

public sealed record DetectedChart(string Directory, string Release);

/// <summary>An environment made from a values file (helm/agent-bus/values-staging.yaml gives staging).</summary>
public sealed record DetectedEnvironment(string Name, string ValuesFile, string? Namespace, bool OnRelease, bool Approval, string? PromotedFrom);

/// <summary>Which part of slipway.yml a note is about (it is written as a comment there).</summary>
public enum LayoutTopic
{
    Remote,
    Branch,
    Versioning,
    BumpFiles,
    Image,
    Environments,
}

/// <summary>A piece init did not find or did not use, said in one sentence (data in it is quoted).</summary>
public sealed record LayoutNote(LayoutTopic Topic, string Text);

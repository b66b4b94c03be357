using System.Text.RegularExpressions;
using Slipway.Core.BumpFiles;
using Slipway.Core.Changelog;
using Slipway.Core.Commits;
using Slipway.Core.Git;
using Slipway.Core.Versioning;

namespace Slipway.Core.Setup;

/// <summary>Decides, from what a repository holds, the slipway.yml `slipway init` writes: every value either found or left out with a note, never guessed.</summary>
public static partial class ProjectDetector
{
    /// <summary>How many recent commits decide whether the history uses Conventional Commits.</summary>
    public const int CommitsExamined = 100;

    private const int MostFilesRead = 64;

    private static readonly string[] Vendored = ["node_modules", "vendor", "third_party", ".git"];

    /// <summary>The files whose text detection needs: Chart.yaml (the chart's name, appVersion) and the files that may hold a version.</summary>
    public static IReadOnlyList<string> FilesToRead(IEnumerable<string> files) =>
        Usable(files).Where(f => FileName(f) is "Chart.yaml" or "pyproject.toml" or "package.json" || f == "pnpm-workspace.yaml" || f.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).Take(MostFilesRead).ToList();

    public static ProjectLayout Detect(RepositorySurvey survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var notes = new List<LayoutNote>();
        var files = Usable(survey.Files).ToList();
        var remote = ChooseRemote(survey.Remotes, notes);
        var github = Repository(remote, notes);
        var dockerfile = ChooseDockerfile(files, notes);
        var image = dockerfile is null ? null : ImageName(github, notes);
        var chart = ChooseChart(files, survey.Texts, notes);
        // In a monorepo, a version file inside a package's folder is that package's (its release writes it), not the repository's.
        var bumpFiles = FindBumpFiles(survey.Texts, notes);
        var packages = FindPackages(files, survey.Texts, survey.TagNames, notes)
            .Select(p => p with { BumpFiles = [.. bumpFiles.Where(b => Packages.PackagePaths.Inside(b.Path, p.Path))] }).ToList();
        // The workspace's other package.json files (a folder its patterns leave out) are nobody's release's.
        bumpFiles = [.. bumpFiles.Where(b => !packages.Any(p => Packages.PackagePaths.Inside(b.Path, p.Path))
            && (packages.Count == 0 || b.Path == "package.json" || FileName(b.Path) != "package.json"))];
        return new ProjectLayout
        {
            Branch = ChooseBranch(remote, survey.CurrentBranch, notes),
            Remote = remote?.Name,
            GitHub = github,
            TagPrefixes = TagPrefixes(survey.TagNames),
            Packages = packages,
            Versioning = ChooseVersioning(survey.RecentCommitMessages, files, notes),
            ChangelogFile = files.Contains("CHANGELOG.md") ? "CHANGELOG.md" : null,
            BumpFiles = bumpFiles,
            Dockerfile = dockerfile,
            Image = image,
            Chart = chart,
            Environments = chart is null ? [] : FindEnvironments(chart, files, notes),
            Notes = notes,
        };
    }

    private static SurveyedRemote? ChooseRemote(IReadOnlyList<SurveyedRemote> remotes, List<LayoutNote> notes)
    {
        var usable = remotes.Where(r => RefName.Problem(r.Name) is null && !r.Name.Contains('/', StringComparison.Ordinal)).ToList();
        var chosen = usable.FirstOrDefault(r => r.Name == "origin") ?? (usable.Count == 1 ? usable[0] : null);
        if (chosen is null)
        {
            notes.Add(new(LayoutTopic.Remote, usable.Count == 0
                ? "no git remote: add one (git remote add origin URL), then set release.github.repo and image.name"
                : $"{usable.Count} git remotes and none is named origin: set remote: to the one releases are pushed to"));
        }

        return chosen;
    }

    private static GitHubRemote? Repository(SurveyedRemote? remote, List<LayoutNote> notes)
    {
        if (remote is null)
        {
            return null;
        }

        // GitHub's own rule for owners (no '.' or '_'), which release.github.repo is checked against too.
        if (GitHubRemote.TryParse(remote.Url, out var github) && GitHubOwner().IsMatch(github.Owner))
        {
            return github;
        }

        notes.Add(new(LayoutTopic.Remote, $"the URL of the remote {YamlText.Quote(remote.Name)} does not name a GitHub repository: set release.github.repo: OWNER/NAME to publish releases"));
        return null;
    }

    private static string? ChooseBranch(SurveyedRemote? remote, string? current, List<LayoutNote> notes)
    {
        var branch = remote?.DefaultBranch ?? current;
        if (branch is null)
        {
            notes.Add(new(LayoutTopic.Branch, "no branch is checked out and the remote's default branch is unknown: releases are cut from main unless branch: says otherwise"));
            return null;
        }

        if (RefName.Problem(branch) is not null)
        {
            notes.Add(new(LayoutTopic.Branch, $"the branch {YamlText.Quote(branch)} is not a name Slipway accepts: set branch: to the release branch"));
            return null;
        }

        return branch;
    }

    /// <summary>v (also when there are no tags yet), '' when every version tag is bare (1.2.3), both when the history has both.</summary>
    /// <summary>
    /// The workspace packages a root package.json (`workspaces`: a list, or `{ packages: [...] }`) or pnpm-workspace.yaml
    /// (`packages:`) names: folders matching its patterns (`packages/*`, or a folder) that hold a package.json. A package's
    /// tags are `{name}@{version}` when the repository already has such tags, else `{name}-v{version}`.
    /// </summary>
    private static List<DetectedPackage> FindPackages(List<string> files, IReadOnlyDictionary<string, string> texts, IReadOnlyList<string> tags, List<LayoutNote> notes)
    {
        var patterns = new List<string>();
        if (texts.GetValueOrDefault("package.json") is { } root)
        {
            try
            {
                using var json = System.Text.Json.JsonDocument.Parse(root, new System.Text.Json.JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = System.Text.Json.JsonCommentHandling.Skip });
                if (json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && json.RootElement.TryGetProperty("workspaces", out var workspaces))
                {
                    var list = workspaces.ValueKind == System.Text.Json.JsonValueKind.Object && workspaces.TryGetProperty("packages", out var inner) ? inner : workspaces;
                    if (list.ValueKind == System.Text.Json.JsonValueKind.Array)
                    {
                        patterns.AddRange(list.EnumerateArray().Where(e => e.ValueKind == System.Text.Json.JsonValueKind.String).Select(e => e.GetString()!));
                    }
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // Not JSON: no workspaces read from it.
            }
        }

        if (texts.GetValueOrDefault("pnpm-workspace.yaml") is { } pnpm)
        {
            patterns.AddRange(PnpmPackage().Matches(pnpm).Select(m => m.Groups[1].Value));
        }

        var folders = files.Where(f => FileName(f) == "package.json" && f.Contains('/', StringComparison.Ordinal)).Select(f => f[..f.LastIndexOf('/')]).ToList();
        var packages = new List<DetectedPackage>();
        foreach (var folder in folders.Order(StringComparer.Ordinal))
        {
            if (!patterns.Any(p => !p.StartsWith('!') && Matches(p.TrimEnd('/'), folder)) || patterns.Any(p => p.StartsWith('!') && Matches(p[1..].TrimEnd('/'), folder)))
            {
                continue;
            }

            var name = folder[(folder.LastIndexOf('/') + 1)..];
            if (packages.Any(p => p.Name == name) || RefName.Problem(name + "-v1.0.0") is not null)
            {
                notes.Add(new(LayoutTopic.Versioning, $"the workspace folder {folder} is left out of packages: its name '{name}' is taken or cannot be in a tag; add it by hand"));
                continue;
            }

            var at = new TagNaming(name + "@");
            packages.Add(new DetectedPackage(name, folder, tags.Any(t => at.TryParse(t, out _)) ? "{name}@{version}" : Configuration.PackageConfig.DefaultTag));
        }

        return packages;

        // A workspace pattern: a folder, or folders with one `*` segment (`packages/*`); `**` takes any depth.
        static bool Matches(string pattern, string folder)
        {
            var p = pattern.Split('/');
            var f = folder.Split('/');
            if (p.Contains("**"))
            {
                return folder.StartsWith(pattern[..pattern.IndexOf("**", StringComparison.Ordinal)], StringComparison.Ordinal);
            }

            return p.Length == f.Length && p.Zip(f).All(x => x.First == "*" || x.First == x.Second);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*-\s*['""]?([^'""\r\n#]+?)['""]?\s*$", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex PnpmPackage();

    private static IReadOnlyList<string> TagPrefixes(IReadOnlyList<string> tags)
    {
        var withV = new TagNaming("v");
        var bare = new TagNaming(string.Empty);
        var vTags = tags.Count(t => withV.TryParse(t, out _));
        var bareTags = tags.Count(t => bare.TryParse(t, out _));
        return (vTags, bareTags) switch
        {
            (0, > 0) => [string.Empty],
            ( > 0, > 0) => ["v", string.Empty],
            _ => ["v"],
        };
    }

    private static VersioningChoice ChooseVersioning(IReadOnlyList<string> messages, List<string> files, List<LayoutNote> notes)
    {
        var examined = messages.Take(CommitsExamined).Select(ConventionalCommitParser.Parse).ToList();
        var conventional = examined.Count(c => c.IsConventional);
        var releaseAs = examined.Any(c => c.Footers.Any(f => string.Equals(f.Token, "Release-As", StringComparison.OrdinalIgnoreCase)))
            || messages.Take(CommitsExamined).Any(m => ReleaseAsLine().IsMatch(m))
            || files.Contains("release-please-config.json") || files.Contains(".release-please-manifest.json");
        var preset = releaseAs ? "release-please" : "conventionalcommits";
        var yes = examined.Count >= 3 && conventional * 4 >= examined.Count * 3;
        if (!yes)
        {
            notes.Add(new(LayoutTopic.Versioning, examined.Count < 3
                ? $"{examined.Count} commit(s) are too few to tell whether the history uses Conventional Commits: the bump is given to slipway release (patch by default)"
                : $"{conventional} of the last {examined.Count} commits are Conventional Commits: the bump is given to slipway release (patch by default)"));
        }

        return new VersioningChoice(yes, preset, conventional, examined.Count);
    }

    private static List<BumpFile> FindBumpFiles(IReadOnlyDictionary<string, string> texts, List<LayoutNote> notes)
    {
        var found = new List<BumpFile>();
        foreach (var (path, text) in texts.Where(t => IsUsable(t.Key)).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var name = FileName(path);
            BumpFile? file = name switch
            {
                "pyproject.toml" => Holding(text, new(path, "project.version", null), new(path, "tool.poetry.version", null)),
                "package.json" => Holding(text, new BumpFile(path, null, null)),
                "Chart.yaml" => Holding(text, new BumpFile(path, "appVersion", null)),
                _ when path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) => Holding(text, new BumpFile(path, null, null)),
                _ => null,
            };
            if (file is not null)
            {
                found.Add(file);
            }
            else if (name == "pyproject.toml")
            {
                notes.Add(new(LayoutTopic.BumpFiles, $"{YamlText.Quote(path)} has no project.version or tool.poetry.version (a dynamic version?): not in bump_files"));
            }
        }

        return found;
    }

    private static BumpFile? Holding(string text, params BumpFile[] candidates) =>
        candidates.FirstOrDefault(c => VersionFileEditor.Read(c, text) is { Length: > 0 });

    private static string? ChooseDockerfile(List<string> files, List<LayoutNote> notes)
    {
        var candidates = files.Where(f => FileName(f) is var n && (n == "Dockerfile" || n.StartsWith("Dockerfile.", StringComparison.Ordinal)
            || n.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase))).Order(StringComparer.Ordinal).ToList();
        var chosen = candidates.Contains("Dockerfile") ? "Dockerfile" : candidates.Count == 1 ? candidates[0] : null;
        if (chosen is null)
        {
            notes.Add(new(LayoutTopic.Image, candidates.Count == 0
                ? "no Dockerfile: no image is built or tagged; add image: when the project builds one"
                : $"{candidates.Count} Dockerfiles ({Listing(candidates)}) and none at the root: add image: and the one to build in .github/workflows/release.yml"));
            return null;
        }

        if (!YamlText.IsPlainPath(chosen))
        {
            notes.Add(new(LayoutTopic.Image, $"the Dockerfile {YamlText.Quote(chosen)} has characters a workflow should not carry: add image: and the build by hand"));
            return null;
        }

        return chosen;
    }

    private static string? ImageName(GitHubRemote? github, List<LayoutNote> notes)
    {
        if (github is null)
        {
            notes.Add(new(LayoutTopic.Image, "no GitHub repository to name the image after: set image.name (e.g. ghcr.io/OWNER/NAME)"));
            return null;
        }

        return $"ghcr.io/{github.Owner}/{github.Name}".ToLowerInvariant();
    }

    private static DetectedChart? ChooseChart(List<string> files, IReadOnlyDictionary<string, string> texts, List<LayoutNote> notes)
    {
        var chartFiles = files.Where(f => FileName(f) == "Chart.yaml").ToList();
        var directories = chartFiles.Select(Directory).ToList();
        // A chart inside another chart's charts/ folder is a subchart, deployed with its parent.
        var charts = chartFiles.Where(f => !directories.Any(d => d.Length > 0 && Directory(f).StartsWith(d + "/charts/", StringComparison.Ordinal))
                && !(Directory(f).StartsWith("charts/", StringComparison.Ordinal) && directories.Contains(string.Empty)))
            .Order(StringComparer.Ordinal).ToList();
        if (charts.Count != 1)
        {
            notes.Add(new(LayoutTopic.Environments, charts.Count == 0
                ? "no Helm chart (Chart.yaml): add environments: with helm: { release, chart } for the places you deploy"
                : $"{charts.Count} Helm charts ({Listing(charts.Select(Directory))}): add environments: by hand, each with the chart it deploys"));
            return null;
        }

        var directory = Directory(charts[0]);
        var chartName = texts.TryGetValue(charts[0], out var text) && VersionFileEditor.Read(new BumpFile(charts[0], "name", null), text) is { Length: > 0 } name
            ? name.Trim('"', '\'')
            : FileName(directory);
        var release = chartName.ToLowerInvariant().Replace('_', '-').Replace('.', '-');
        if (!KubernetesName().IsMatch(release))
        {
            notes.Add(new(LayoutTopic.Environments, $"the chart's name {YamlText.Quote(chartName)} is not a Helm release name: add environments: with helm: {{ release, chart }} by hand"));
            return null;
        }

        return new DetectedChart(directory, release);
    }

    private static List<DetectedEnvironment> FindEnvironments(DetectedChart chart, List<string> files, List<LayoutNote> notes)
    {
        var prefix = chart.Directory.Length == 0 ? string.Empty : chart.Directory + "/";
        var values = files.Where(f => f.StartsWith(prefix, StringComparison.Ordinal) && !f[prefix.Length..].Contains('/', StringComparison.Ordinal))
            .Select(f => (Path: f, Match: ValuesFile().Match(FileName(f))))
            .Where(v => v.Match.Success)
            .OrderBy(v => v.Path, StringComparer.Ordinal)
            .ToList();
        string? staging = null, production = null;
        foreach (var (path, match) in values)
        {
            var suffix = match.Groups["env"].Value.ToLowerInvariant();
            switch (suffix)
            {
                case "staging" or "stage" or "stg":
                    staging ??= path;
                    break;
                case "prod" or "production" or "prd":
                    production ??= path;
                    break;
                default:
                    notes.Add(new(LayoutTopic.Environments, $"{YamlText.Quote(path)} is not for staging or production: add an environment for it if you deploy it"));
                    break;
            }
        }

        var environments = new List<DetectedEnvironment>();
        if (staging is not null)
        {
            environments.Add(new("staging", staging, Namespace(chart, staging), OnRelease: true, Approval: false, PromotedFrom: null));
        }

        if (production is not null)
        {
            environments.Add(new("production", production, Namespace(chart, production), OnRelease: false, Approval: true, PromotedFrom: staging is null ? null : "staging"));
        }

        notes.Add(new(LayoutTopic.Environments, environments.Count == 0
            ? $"the chart {YamlText.Quote(chart.Directory)} has no values-staging.yaml or values-prod.yaml: add environments: for the places you deploy"
            : "the namespaces follow the seed's naming (RELEASE-ENVIRONMENT) and no health check is set: check both"));
        return environments;
    }

    private static string? Namespace(DetectedChart chart, string valuesFile)
    {
        var suffix = ValuesFile().Match(FileName(valuesFile)).Groups["env"].Value.ToLowerInvariant();
        var name = $"{chart.Release}-{suffix}";
        return name.Length <= 53 && KubernetesName().IsMatch(name) ? name : null;
    }

    private static IEnumerable<string> Usable(IEnumerable<string> files) => files.Where(IsUsable);

    /// <summary>A path init may write into slipway.yml: relative, no control characters, not vendored code.</summary>
    private static bool IsUsable(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.Any(char.IsControl)
        && !path.Split('/').Any(part => part is "" or "." or ".." || Vendored.Contains(part, StringComparer.Ordinal));

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static string Directory(string path) => path.LastIndexOf('/') is var i and >= 0 ? path[..i] : string.Empty;

    private static string Listing(IEnumerable<string> paths)
    {
        var list = paths.ToList();
        var shown = string.Join(", ", list.Take(5).Select(p => YamlText.Quote(p.Length == 0 ? "." : p)));
        return list.Count > 5 ? $"{shown}, ..." : shown;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,51}[a-z0-9])?$")]
    private static partial Regex KubernetesName();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,38}$")]
    private static partial Regex GitHubOwner();

    [GeneratedRegex(@"^values[-.](?<env>[A-Za-z0-9_-]+)\.ya?ml$")]
    private static partial Regex ValuesFile();

    [GeneratedRegex(@"^Release-As:\s*\S", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ReleaseAsLine();
}

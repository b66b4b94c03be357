using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Conformance;

/// <summary>
/// Generated npm workspaces (a fixed seed) released by Slipway (`slipway release --yes --no-push` in a real repository)
/// and by release-please 17.9.0's node-workspace plugin (tests/BumpOracle/workspace-oracle.mjs, installed by
/// scripts/install-test-deps.sh): the same packages are released, at the same versions, and their package.json
/// dependency ranges read the same, except for the deliberate differences listed in <see cref="Deliberate"/>.
/// </summary>
public sealed partial class WorkspaceOracleTests
{
    private static readonly string[] Versions = ["1.0.0", "1.4.2", "2.3.0", "0.3.1", "3.0.0"];

    private static readonly (string Section, int Weight)[] Sections =
        [("dependencies", 9), ("devDependencies", 5), ("optionalDependencies", 2), ("peerDependencies", 4)];

    /// <summary>Ranges as workspaces write them; V is the dependency's current version, P its folder.</summary>
    private static readonly string[] Ranges =
        ["^V", "^V", "~V", "V", ">=V", "<=V", "=V", "*", "1.x", ">=V <9.0.0", "workspace:*", "workspace:^", "file:../P"];

    [Fact]
    public void Generated_workspaces_release_the_packages_versions_and_ranges_release_please_gives()
    {
        var oracle = Path.Combine(Path.GetDirectoryName(RealReleaseTools.Require())!, "workspace-oracle.mjs");
        var random = new Random(20261207);
        var cases = Enumerable.Range(0, 14).Select(_ => Generate(random)).ToList();
        var answers = Ask(oracle, cases);

        var differences = new List<string>();
        var compared = 0;
        var dependents = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            Assert.False(answers[i].TryGetProperty("error", out var error), $"release-please failed on case {i}: {error}");
            var slipway = Release(cases[i]);
            var expected = answers[i].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("version").GetString()!);
            Assert.True(expected.Count == slipway.Count && expected.All(e => slipway.TryGetValue(e.Key, out var s) && s.Version == e.Value),
                $"case {i}: release-please releases [{Show(expected)}], Slipway [{Show(slipway.ToDictionary(s => s.Key, s => s.Value.Version))}]\n{Describe(cases[i])}");
            dependents += expected.Keys.Count(k => !cases[i].Own.ContainsKey(k));
            foreach (var package in cases[i].Packages)
            {
                using var theirs = JsonDocument.Parse(answers[i].TryGetProperty(package.Path, out var answer)
                    ? answer.GetProperty("packageJson").GetString()!
                    : package.Manifest);
                using var ours = JsonDocument.Parse(slipway.TryGetValue(package.Path, out var released) ? released.Manifest : package.Manifest);
                foreach (var (section, _) in Sections)
                {
                    foreach (var dependency in package.Dependencies.Where(d => d.Section == section))
                    {
                        compared++;
                        var original = dependency.Range;
                        var rp = theirs.RootElement.GetProperty(section).GetProperty(dependency.Name).GetString()!;
                        var us = ours.RootElement.GetProperty(section).GetProperty(dependency.Name).GetString()!;
                        if (rp != us && Deliberate(original, rp, us) is null)
                        {
                            differences.Add($"case {i} {package.Path} {section} {dependency.Name} \"{original}\": release-please \"{rp}\", Slipway \"{us}\"\n{Describe(cases[i])}");
                        }
                    }
                }
            }
        }

        Assert.True(compared > 60 && dependents > 10, $"only {compared} ranges and {dependents} dependents' releases compared");
        Assert.True(differences.Count == 0, $"{differences.Count} of {compared} ranges differ:\n{string.Join('\n', differences.Take(20))}");
    }

    /// <summary>
    /// Where Slipway answers otherwise on purpose (null: not a listed difference). release-please rewrites every range it
    /// finds a dependency's new version for as that version behind the range's leading operator, if any; Slipway moves only
    /// a range that is one version behind an operator, and leaves any other as written:
    /// - `*` and `1.x` (no operator) become a pin of the new version in release-please: a wildcard turned into a pin.
    /// - `>=1.0.0 &lt;9.0.0` becomes `>=1.3.0` in release-please: the upper bound is lost.
    /// - `=1.0.0` becomes `1.3.0` in release-please (the same range); Slipway keeps the `=`.
    /// </summary>
    private static string? Deliberate(string original, string theirs, string ours)
    {
        if (ours == original && (original is "*" || original.EndsWith(".x", StringComparison.Ordinal) || original.Contains(' ', StringComparison.Ordinal)))
        {
            return "a range that is not one version behind an operator is left as written";
        }

        return original.StartsWith('=') && ours == "=" + theirs ? "the = operator is kept" : null;
    }

    private sealed record Dependency(string Section, string Name, string Range);

    private sealed record Package(string Name, string Path, string Version, List<Dependency> Dependencies)
    {
        public string Npm => $"@ws/{Name}";

        public string Manifest
        {
            get
            {
                var sections = Sections.Select(s => s.Section).Where(s => Dependencies.Any(d => d.Section == s))
                    .ToDictionary(s => s, s => Dependencies.Where(d => d.Section == s).ToDictionary(d => d.Name, d => d.Range));
                var json = new Dictionary<string, object> { ["name"] = Npm, ["version"] = Version };
                foreach (var (section, ranges) in sections)
                {
                    json[section] = ranges;
                }

                return JsonSerializer.Serialize(json, Indented) + "\n";
            }
        }
    }

    /// <param name="Own">The packages released by a commit of their own (by path), and the version that commit gives.</param>
    private sealed record Workspace(List<Package> Packages, Dictionary<string, string> Own, Dictionary<string, string> Commits);

    /// <summary>package.json as people write it: `>=` as is, not `\u003E=`.</summary>
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>3 to 6 packages, each depending on some earlier ones (no cycle) in some section with some range, and
    /// an outside dependency; some packages have a feat or a fix of their own.</summary>
    private static Workspace Generate(Random random)
    {
        var count = random.Next(3, 7);
        var packages = new List<Package>();
        for (var i = 0; i < count; i++)
        {
            var dependencies = new List<Dependency>();
            for (var j = 0; j < i; j++)
            {
                if (random.NextDouble() < 0.5)
                {
                    var target = packages[j];
                    var range = Ranges[random.Next(Ranges.Length)].Replace("V", target.Version, StringComparison.Ordinal).Replace("P", target.Name, StringComparison.Ordinal);
                    dependencies.Add(new Dependency(Weighted(random), target.Npm, range));
                }
            }

            if (random.NextDouble() < 0.5)
            {
                dependencies.Add(new Dependency("dependencies", "left-pad", "^1.3.0"));
            }

            packages.Add(new Package($"p{i.ToString(CultureInfo.InvariantCulture)}", $"packages/p{i.ToString(CultureInfo.InvariantCulture)}",
                Versions[random.Next(Versions.Length)], dependencies));
        }

        var own = new Dictionary<string, string>(StringComparer.Ordinal);
        var commits = new Dictionary<string, string>(StringComparer.Ordinal);
        while (own.Count == 0)
        {
            foreach (var package in packages.Where(p => random.NextDouble() < 0.35))
            {
                var feat = random.NextDouble() < 0.5;
                var parts = package.Version.Split('.').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
                own[package.Path] = feat ? $"{parts[0]}.{parts[1] + 1}.0" : $"{parts[0]}.{parts[1]}.{parts[2] + 1}";
                commits[package.Path] = feat ? $"feat({package.Name}): a new option" : $"fix({package.Name}): an edge case";
            }
        }

        return new Workspace(packages, own, commits);
    }

    private static string Weighted(Random random)
    {
        var pick = random.Next(Sections.Sum(s => s.Weight));
        foreach (var (section, weight) in Sections)
        {
            if ((pick -= weight) < 0)
            {
                return section;
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    /// <summary>The workspace as a repository, released by Slipway: each released package (by path) with its version and package.json.</summary>
    private static Dictionary<string, (string Version, string Manifest)> Release(Workspace workspace)
    {
        using var repo = new GitRepo();
        var config = "versioning:\n  bump: conventional\npackages:\n" + string.Concat(workspace.Packages.Select(p =>
            $"  - name: {p.Name}\n    path: {p.Path}\n    bump_files: [{{ path: {p.Path}/package.json }}]\n"));
        repo.WriteFile("slipway.yml", config);
        foreach (var package in workspace.Packages)
        {
            repo.WriteFile($"{package.Path}/package.json", package.Manifest);
        }

        repo.Commit("chore: the workspace");
        foreach (var package in workspace.Packages)
        {
            repo.Tag($"{package.Name}-v{package.Version}");
        }

        foreach (var (path, message) in workspace.Commits)
        {
            repo.Commit(message, $"{path}/src.js");
        }

        Expect.Success(repo.Slipway("release", "--yes", "--no-push"));
        var released = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var tag in repo.Git("tag", "--points-at", "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var match = PackageTag().Match(tag);
            Assert.True(match.Success, $"unexpected tag {tag}");
            var path = $"packages/{match.Groups[1].Value}";
            released[path] = (match.Groups[2].Value, repo.ReadFile($"{path}/package.json"));
        }

        return released;
    }

    private static List<JsonElement> Ask(string oracle, IReadOnlyList<Workspace> cases)
    {
        using var dir = new TempDirectory("slipway-oracle");
        var input = dir.Combine("cases.json");
        var output = dir.Combine("answers.json");
        File.WriteAllText(input, JsonSerializer.Serialize(cases.Select(c => new Dictionary<string, object>
        {
            ["packages"] = c.Packages.Select(p => new Dictionary<string, string> { ["path"] = p.Path, ["packageJson"] = p.Manifest }).ToList(),
            ["releases"] = c.Own,
        })));
        var run = Run.Process("node", [oracle, input, output], Path.GetDirectoryName(oracle), timeout: TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, $"release-please's workspace plugin failed: {run}");
        return [.. JsonDocument.Parse(File.ReadAllText(output)).RootElement.EnumerateArray()];
    }

    private static string Show(Dictionary<string, string> versions) =>
        string.Join(", ", versions.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key} {v.Value}"));

    private static string Describe(Workspace workspace) => string.Join('\n', workspace.Packages.Select(p =>
        $"  {p.Path} {p.Version}{(workspace.Commits.TryGetValue(p.Path, out var c) ? $" [{c}]" : string.Empty)}: "
        + string.Join(", ", p.Dependencies.Select(d => $"{d.Section} {d.Name} {d.Range}"))));

    [GeneratedRegex(@"^(p\d+)-v(\d+\.\d+\.\d+)$")]
    private static partial Regex PackageTag();
}

using System.Globalization;
using System.Text.Json;
using Slipway.Core.Commits;
using Slipway.Core.Versioning;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Conformance;

/// <summary>
/// Generated histories (a fixed seed, quirky messages on purpose) put to the real tools — commit-analyzer 13.0.1 with
/// both presets and release-please 17.9.0 with and without its options, installed by scripts/install-test-deps.sh —
/// and to Slipway's presets with the settings that stand for those options.
/// </summary>
public sealed class BumpOracleTests
{
    private const string Reverted = "1111111111111111111111111111111111111111";

    /// <summary>The oracle's answer keys (a tool and its options, see oracle.mjs) and the Slipway preset and settings that must agree.</summary>
    private static readonly (string Answer, BumpPreset Preset)[] Configurations =
    [
        ("angular", BumpPreset.Angular),
        ("conventionalcommits", BumpPreset.ConventionalCommits),
        ("release-please", BumpPreset.ReleasePlease),
        ("release-please bump-minor-pre-major", BumpPreset.Named("release-please", preMajor: new(BreakingBumpsMinor: true))!),
        ("release-please bump-patch-for-minor-pre-major", BumpPreset.Named("release-please", preMajor: new(FeatBumpsPatch: true))!),
        ("release-please bump-minor-pre-major bump-patch-for-minor-pre-major",
            BumpPreset.Named("release-please", preMajor: new(BreakingBumpsMinor: true, FeatBumpsPatch: true))!),
        // The README's example: release-please's changelog-sections with docs visible is versioning.rules { docs: patch }.
        ("release-please changelog-sections docs", BumpPreset.Named("release-please", new Dictionary<string, BumpKind> { ["docs"] = BumpKind.Patch })!),
    ];

    private static readonly string[] PreMajorHeaders =
    [
        "feat!: x", "feat: x", "fix: y", "docs: d", "feat(api)!: x", "fix: y\n\nBREAKING CHANGE: z", "chore: c", "feature: x",
        "Feat: x", "perf: p", "Docs: d", "refactor!: r", "feat: x\n\nRelease-As: 1.0.0", "docs: d\n\nBREAKING CHANGE: z",
        "style: s", "fix(a)!: y", "feat: x\n\nfix: nested", "Merge pull request #3 from a/b\n\nfeat!: nested", "revert: r", "wip",
    ];

    private static readonly string[] PreMajorCurrents = ["0.4.2", "0.0.3", "0.1.0", "0.9.9", "1.4.2"];

    private static readonly string[] Headers =
    [
        "feat: x", "fix: y", "feat!: x", "feat(api)!: x", "FEAT: x", "Feat: x", "feature: x", "feat:x", "feat(): x", "  feat: x",
        "revert: feat: x", "Revert \"feat: x\"", "Merge pull request #1 from a/b", "Merge branch 'x'", "docs: d", "chore(deps): c",
        "fix #12", "fix(scope: x", "perf(a): b", "feat(a)(b): c", "fix!: ", "feat!:", "refactor!: r", "my-type: m", "build: b", "ci!: c",
        "wip", "", "fix: trailing   ", "feat: tab\tx", "BREAKING CHANGE: header", "chore: release", "docs!: d", "fix(a b): spaced",
        "feat (x): y", "\ufefffeat: bom", "feat\u00a0: nbsp", "test: t", "style: s", "fix:  two", "FIX(Core)!: m", "revert: undo",
        "feat(ui/x): y", "feat: y (#42)", "Revert \"fix: y\"", "REVERT \"feat: x\"", "revert: fix: y",
    ];

    private static readonly string[] Lines =
    [
        "", "Body text.", "BREAKING CHANGE: z", "BREAKING-CHANGE: z", "breaking change: z", "Breaking Change z", " * BREAKING CHANGE: star",
        "BREAKING CHANGES: plural", "Refs: #1", "Closes #2", "Signed-off-by: A <a@b.c>", "feat: nested", "fix(x): nested",
        "Release-As: 2.0.0", "Release-As: v3.1.0", "release-as: 4.0.0", "---", "-hash-", $"This reverts commit {Reverted}.",
        $"This reverts commit {Reverted}", "This reverts commit 1111111.", "BEGIN_NESTED_COMMIT", "END_NESTED_COMMIT", "use(y instead",
        "note: lowercase token", "    indented: line", "gpg: signature", "text with BREAKING-CHANGE: inline", "feat(api): footer style",
        "\tTabbed", "#### Heading", "- bullet", "BREAKING CHANGE:", "fix!: bang footer", "Reviewed-by: Z", "perf: nested perf",
        "docs: nested docs", "BREAKING CHANGE z no colon", "*BREAKING CHANGE* bold", "| BREAKING CHANGE: pipe", "revert: nested revert",
        "feat!: nested bang", "Feature: cap",
    ];

    private static readonly string[] Currents = ["1.2.3", "0.1.0", "0.0.3", "2.5.9"];

    [Fact]
    public void Generated_histories_get_the_release_each_real_tool_gives()
    {
        var oracle = RealReleaseTools.Require();
        var random = new Random(20261126);
        var cases = Enumerable.Range(0, 2500).Select(i => Generate(random, i)).ToList();
        var answers = Ask(oracle, cases);

        var (compared, differences) = Compare(cases, answers, Configurations);

        Assert.True(compared > 15000, $"only {compared} answers compared");
        Assert.True(differences.Count == 0, $"{differences.Count} of {compared} differ:\n{string.Join('\n', differences.Take(20))}");
    }

    [Fact]
    public void On_0_4_2_release_pleases_pre_major_options_and_slipways_settings_give_0_5_0_for_a_breaking_change_and_0_4_3_for_a_feat()
    {
        History[] cases = [new("0.4.2", ["feat!: drop v1"], [Sha(0, 0)]), new("0.4.2", ["feat: add x"], [Sha(1, 0)])];
        var answers = Ask(RealReleaseTools.Require(), cases);

        Assert.Equal("1.0.0", answers[0].GetProperty("release-please").GetString());
        Assert.Equal("0.5.0", answers[0].GetProperty("release-please bump-minor-pre-major").GetString());
        Assert.Equal("0.4.3", answers[1].GetProperty("release-please bump-patch-for-minor-pre-major").GetString());
        var (compared, differences) = Compare(cases, answers, Configurations);
        Assert.Equal(2 * Configurations.Length, compared);
        Assert.Empty(differences);
    }

    [Fact]
    public void Generated_0_x_histories_get_the_version_release_please_gives_with_its_pre_major_options_on_and_off()
    {
        var random = new Random(20260424);
        var cases = Enumerable.Range(0, 600).Select(i =>
        {
            var commits = Enumerable.Range(0, random.Next(1, 5)).Select(_ => PreMajorHeaders[random.Next(PreMajorHeaders.Length)]).ToList();
            return new History(PreMajorCurrents[random.Next(PreMajorCurrents.Length)], commits, [.. commits.Select((_, j) => Sha(i, j))]);
        }).ToList();
        var answers = Ask(RealReleaseTools.Require(), cases);

        var releasePlease = Configurations.Where(c => c.Preset.Name == BumpPreset.ReleasePlease.Name).ToArray();
        var (compared, differences) = Compare(cases, answers, releasePlease);

        Assert.Equal(cases.Count * releasePlease.Length, compared);
        Assert.True(differences.Count == 0, $"{differences.Count} of {compared} differ:\n{string.Join('\n', differences.Take(20))}");
        // The generated histories reach each case the options decide: a breaking change and a feat held below 1.0.0.
        Assert.Contains(answers, a => a.GetProperty("release-please").GetString() == "1.0.0"
            && a.GetProperty("release-please bump-minor-pre-major").GetString() == "0.5.0");
        Assert.Contains(answers, a => a.GetProperty("release-please").GetString() == "0.5.0"
            && a.GetProperty("release-please bump-patch-for-minor-pre-major").GetString() == "0.4.3");
    }

    [Fact]
    public void The_installed_tools_are_the_ones_bump_json_was_made_with()
    {
        var file = JsonDocument.Parse(File.ReadAllText(SharedFiles.Conformance("bump.json"))).RootElement.GetProperty("cases").EnumerateArray().ToList();
        var cases = file.Select((c, i) =>
        {
            var commits = c.GetProperty("commits").EnumerateArray().Select(m => m.GetString()!).ToList();
            var hashes = c.TryGetProperty("hashes", out var h) ? h.EnumerateArray().Select(x => x.GetString()!).ToList()
                : commits.Select((_, j) => Sha(i, j)).ToList();
            return new History(c.GetProperty("current").GetString()!, commits, hashes);
        }).ToList();

        var answers = Ask(RealReleaseTools.Require(), cases);

        for (var i = 0; i < file.Count; i++)
        {
            foreach (var expected in file[i].GetProperty("expected").EnumerateObject())
            {
                Assert.Equal(expected.Value.GetString(), answers[i].GetProperty(expected.Name).GetString());
            }
        }
    }

    private static History Generate(Random random, int index)
    {
        var count = random.Next(1, 5);
        var commits = new List<string>();
        var hashes = new List<string>();
        for (var j = 0; j < count; j++)
        {
            var message = Headers[random.Next(Headers.Length)];
            var lines = random.Next(0, 6);
            for (var k = 0; k < lines; k++)
            {
                message += (random.Next(3) == 0 ? "\n" : "\n\n") + Lines[random.Next(Lines.Length)];
            }

            message = random.Next(10) == 0 ? message.Replace("\n", "\r\n", StringComparison.Ordinal) : message;
            commits.Add(message);
            hashes.Add(Sha(index, j));
        }

        // The oldest commit is sometimes the one the revert lines name, so revert pairs cancel.
        if (count > 1 && random.Next(3) == 0)
        {
            hashes[^1] = Reverted;
        }

        return new History(Currents[random.Next(Currents.Length)], commits, hashes);
    }

    private static string Sha(int index, int position) =>
        string.Create(CultureInfo.InvariantCulture, $"{index:x}{position}").PadLeft(40, 'e');

    private static List<JsonElement> Ask(string oracle, IReadOnlyList<History> cases)
    {
        using var dir = new TempDirectory("slipway-oracle");
        var input = dir.Combine("cases.json");
        var output = dir.Combine("answers.json");
        File.WriteAllText(input, JsonSerializer.Serialize(cases.Select(c => new Dictionary<string, object>
        {
            ["current"] = c.Current,
            ["commits"] = c.Commits,
            ["hashes"] = c.Hashes,
        })));
        var run = Run.Process("node", [oracle, input, output], Path.GetDirectoryName(oracle), timeout: TimeSpan.FromMinutes(5));
        Assert.True(run.ExitCode == 0, $"the release tools failed: {run}");
        return [.. JsonDocument.Parse(File.ReadAllText(output)).RootElement.EnumerateArray()];
    }

    /// <summary>How many answers were compared (the tool's own crashes are not) and what differed.</summary>
    private static (int Compared, List<string> Differences) Compare(IReadOnlyList<History> cases, List<JsonElement> answers,
        IReadOnlyList<(string Answer, BumpPreset Preset)> configurations)
    {
        var differences = new List<string>();
        var compared = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            foreach (var (key, preset) in configurations)
            {
                var expected = answers[i].GetProperty(key).GetString()!;
                if (expected.StartsWith("error:", StringComparison.Ordinal))
                {
                    continue;   // the tool itself crashes on this history (e.g. conventional-commits-parser on a last "---" line)
                }

                compared++;
                var actual = Answer(cases[i], preset);
                if (actual != expected)
                {
                    differences.Add($"{key}: tool {expected}, slipway {actual}: {cases[i].Current} {JsonSerializer.Serialize(cases[i].Commits)}");
                }
            }
        }

        return (compared, differences);
    }

    private static string Answer(History history, BumpPreset preset)
    {
        var commits = history.Commits.Select((m, i) => new Commit(history.Hashes[i], [new string('0', 40)], "A", "a@example.com", DateTimeOffset.UnixEpoch, m)).ToList();
        var current = SemanticVersion.Parse(history.Current);
        var decision = ConventionalBump.Decide(commits, preset, "v" + history.Current, current);
        if (decision.Kind == BumpKind.None)
        {
            return "none";
        }

        return preset.Name == BumpPreset.ReleasePlease.Name ? decision.Apply(current).ToString() : BumpDecision.Name(decision.Kind);
    }

    private sealed record History(string Current, List<string> Commits, List<string> Hashes);
}

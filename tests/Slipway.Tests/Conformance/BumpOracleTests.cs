using System.Globalization;
using System.Text.Json;
using Slipway.Core.Commits;
using Slipway.Core.Versioning;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Conformance;

/// <summary>
/// Generated histories (a fixed seed, quirky messages on purpose) put to the real tools — commit-analyzer 13.0.1 with
/// both presets and release-please 17.9.0, installed by scripts/install-test-deps.sh — and to Slipway's presets.
/// </summary>
public sealed class BumpOracleTests
{
    private const string Reverted = "1111111111111111111111111111111111111111";

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

        var differences = new List<string>();
        var compared = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            foreach (var preset in BumpPreset.All)
            {
                var expected = answers[i].GetProperty(preset.Name).GetString()!;
                if (expected.StartsWith("error:", StringComparison.Ordinal))
                {
                    continue;   // the tool itself crashes on this history (e.g. conventional-commits-parser on a last "---" line)
                }

                compared++;
                var actual = Answer(cases[i], preset);
                if (actual != expected)
                {
                    differences.Add($"{preset.Name}: tool {expected}, slipway {actual}: {JsonSerializer.Serialize(cases[i].Commits)}");
                }
            }
        }

        Assert.True(compared > 6000, $"only {compared} answers compared");
        Assert.True(differences.Count == 0, $"{differences.Count} of {compared} differ:\n{string.Join('\n', differences.Take(20))}");
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

    private static string Answer(History history, BumpPreset preset)
    {
        var commits = history.Commits.Select((m, i) => new Commit(history.Hashes[i], [new string('0', 40)], "A", "a@example.com", DateTimeOffset.UnixEpoch, m)).ToList();
        var decision = ConventionalBump.Decide(commits, preset, "v" + history.Current);
        if (decision.Kind == BumpKind.None)
        {
            return "none";
        }

        return preset == BumpPreset.ReleasePlease
            ? decision.Apply(SemanticVersion.Parse(history.Current)).ToString()
            : BumpDecision.Name(decision.Kind);
    }

    private sealed record History(string Current, List<string> Commits, List<string> Hashes);
}

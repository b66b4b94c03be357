using Slipway.Core.Changelog;
using Slipway.Core.Commits;
using Slipway.Core.Configuration;
using Slipway.Core.Versioning;

namespace Slipway.Tests.Changelog;

/// <summary>A release's commits with hand-made Conventional Commit readings (the parser is tested on its own).</summary>
public static class SampleRelease
{
    public static readonly GitHubRemote Remote = new("tefj-fun", "agent_bus");

    public static readonly DateTimeOffset When = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Newest first, as git log gives them.</summary>
    public static readonly IReadOnlyList<(Commit Commit, ConventionalCommit Parsed)> Commits =
    [
        Pair(8, "chore(release): v1.3.0", Other()),
        Pair(7, "Update the deployment notes", Other()),
        Pair(6, "chore: bump dependencies", Cc("chore", null, "bump dependencies"), author: "Bea"),
        Pair(5, "docs: explain rollbacks", Cc("docs", null, "explain rollbacks")),
        Pair(4, "perf(tags): peel tags lazily", Cc("perf", "tags", "peel tags lazily"), author: "Bea"),
        Pair(3, "fix: crash on an empty slipway.yml\n\nFixes #12", Cc("fix", null, "crash on an empty slipway.yml") with { Footers = [new("Fixes", "#12")] }),
        Pair(2, "feat(ui): dark mode (#42)", Cc("feat", "ui", "dark mode (#42)")),
        Pair(1, "feat(api)!: drop the v1 endpoints\n\nBREAKING CHANGE: the /v1 routes are gone; use /v2", Cc("feat", "api", "drop the v1 endpoints") with
        {
            IsBreaking = true,
            Footers = [new("BREAKING CHANGE", "the /v1 routes are gone; use /v2")],
        }),
    ];

    public static ConventionalCommit Cc(string type, string? scope, string description) =>
        new() { IsConventional = true, Type = type, Scope = scope, Description = description };

    public static ConventionalCommit Other() => new() { IsConventional = false };

    public static (Commit, ConventionalCommit) Pair(int n, string message, ConventionalCommit parsed, string author = "Ada") =>
        (Make(n, message, author), parsed);

    public static Commit Make(int n, string message, string author = "Ada")
    {
        var sha = (n.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "abcdef0123456789").PadRight(40, '0')[..40];
        return new Commit(sha, ["0000000000000000000000000000000000000000"], author, author.ToLowerInvariant() + "@example.com", When.AddMinutes(n), message);
    }

    public static ChangelogRelease Build(ChangelogConfig? config = null, IEnumerable<(Commit Commit, ConventionalCommit Parsed)>? commits = null)
    {
        var list = (commits ?? Commits).ToList();
        var parsed = list.ToDictionary(c => c.Commit, c => c.Parsed);
        return ChangelogBuilder.Build(new ReleaseHeading("1.3.0", "v1.3.0", "v1.2.0", new DateOnly(2026, 11, 26)), list.Select(c => c.Commit),
            c => parsed[c], config ?? new ChangelogConfig(), new TagNaming("v"));
    }
}

using System.Text.RegularExpressions;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Signals;

/// <summary>
/// A repository ready for `slipway release auto --yes` the way the kill tests want it: CHANGELOG.md and two bump_files
/// (package.json, helm/app/Chart.yaml), v0.1.0 released and pushed to a bare remote, then a feat and a fix to release as
/// v0.2.0. Knows what a finished release looks like, and what a clean cancellation leaves (nothing).
/// </summary>
public sealed partial class ReleaseRepo : IDisposable
{
    public const string Tag = "v0.2.0";
    private readonly string _feat;
    private readonly string _fix;

    public ReleaseRepo()
    {
        Repo.Git("remote", "add", "origin", Remote.Url);
        Repo.WriteFile("slipway.yml", """
            changelog:
              file: CHANGELOG.md
            bump_files:
              - { path: package.json, key: version }
              - { path: helm/app/Chart.yaml, key: appVersion }
            """);
        Repo.WriteFile("package.json", "{\n  \"name\": \"app\",\n  \"version\": \"0.1.0\"\n}\n");
        Repo.WriteFile("helm/app/Chart.yaml", "apiVersion: v2\nname: app\nversion: 0.1.0\nappVersion: \"0.1.0\"\n");
        Repo.WriteFile("CHANGELOG.md", "# Changelog\n");
        Repo.Commit("feat: the first release");
        Repo.Tag("v0.1.0");
        Repo.Git("push", "--quiet", "origin", "main", "--tags");
        _feat = Repo.Commit("feat: export the report as CSV", "src/report.txt");
        _fix = Repo.Commit("fix: keep the header row", "src/report.txt");
    }

    public GitRepo Repo { get; } = new();

    public BareRemote Remote { get; } = new();

    public string GitDirectory => Path.Combine(Repo.Path, ".git");

    /// <summary>The tag message an uninterrupted release writes: "Release v0.2.0", a blank line, the commits it releases.</summary>
    public string ExpectedTagMessage => $"Release {Tag}\n\n- fix: keep the header row ({_fix[..7]})\n- feat: export the report as CSV ({_feat[..7]})\n";

    /// <summary>Starts `release auto --yes` as a process the test can signal (under strace when given its options).</summary>
    public SlipwayProcess Start(IReadOnlyList<string>? strace = null, params string[] extra) =>
        SlipwayProcess.Start(Repo.Path, null, strace, ["release", "auto", "--yes", .. extra]);

    public RunResult Release() => Repo.Slipway("release", "auto", "--yes");

    /// <summary>Every promise of a finished release: one release commit on the feat and fix, the annotated tag on it with the
    /// whole message, the remote's branch and tag the same as the clone's, one changelog section, the version in both files,
    /// a clean tree, nothing left behind.</summary>
    public void AssertReleased(string why)
    {
        var head = Repo.Head;
        Assert.True($"chore(release): {Tag}" == Repo.Git("log", "-1", "--format=%s"), why);
        Assert.True(Repo.Git("rev-parse", "HEAD~1") == _fix, $"{why}: one release commit, on the fix");
        Assert.True(Repo.Git("cat-file", "-t", Tag) == "tag", $"{why}: {Tag} is annotated");
        Assert.True(Repo.Git("rev-parse", $"{Tag}^{{commit}}") == head, $"{why}: {Tag} is on the release commit");
        Assert.Equal(ExpectedTagMessage, TagMessage(Repo.Path));
        Assert.True(Remote.BranchCommit() == head, $"{why}: the remote's main is the release commit");
        Assert.True(Remote.Git("rev-parse", $"refs/tags/{Tag}") == Repo.Git("rev-parse", $"refs/tags/{Tag}"), $"{why}: the remote has the same tag object");
        Assert.True(Sections().Count(s => s == "0.2.0") == 1, $"{why}: one 0.2.0 section in CHANGELOG.md:\n{Repo.ReadFile("CHANGELOG.md")}");
        Assert.Contains("\"version\": \"0.2.0\"", Repo.ReadFile("package.json"), StringComparison.Ordinal);
        Assert.Contains("appVersion: \"0.2.0\"", Repo.ReadFile("helm/app/Chart.yaml"), StringComparison.Ordinal);
        Assert.True(Repo.Git("status", "--porcelain", "--untracked-files=all").Length == 0, $"{why}: the tree is clean: {Repo.Git("status", "--porcelain", "--untracked-files=all")}");
        AssertNothingLeftBehind(why);
    }

    /// <summary>No temporary file of Slipway's in the tree and no lock file git would stop at, in the clone or the remote.</summary>
    public void AssertNothingLeftBehind(string why)
    {
        var temporary = Directory.EnumerateFiles(Repo.Path, "*.tmp", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(GitDirectory + "/", StringComparison.Ordinal)).ToList();
        Assert.True(temporary.Count == 0, $"{why}: temporary files left: {string.Join(", ", temporary)}");
        var locks = Locks(GitDirectory).Concat(Locks(Remote.GitDir)).ToList();
        Assert.True(locks.Count == 0, $"{why}: locks left: {string.Join(", ", locks)}");
    }

    /// <summary>Waits until no process works in the clone or the remote any more (what a kill of slipway alone leaves running:
    /// its git child, a hook, the remote's receive-pack, finishing behind its back).</summary>
    public void WaitForOrphans(TimeSpan deadline) =>
        Wait.Until(() => !ProcessesIn([Repo.Path, Remote.GitDir]).Any(), deadline, "the killed run's children to end");

    /// <summary>The message of a local tag, as git stores it.</summary>
    public static string TagMessage(string gitDirectoryOrTree, string tag = Tag) =>
        Run.Process("git", ["for-each-ref", "--format=%(contents)", "--", $"refs/tags/{tag}"], gitDirectoryOrTree).StandardOutput.TrimEnd('\n') + "\n";

    /// <summary>Lock files git would stop at (a `git commit --only`'s temporary next-index-PID.lock is never read again: left out).</summary>
    public static IEnumerable<string> Locks(string gitDirectory) =>
        Directory.EnumerateFiles(gitDirectory, "*.lock", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("next-index-", StringComparison.Ordinal));

    /// <summary>Processes (of this user) whose working directory is in one of the folders.</summary>
    public static IEnumerable<int> ProcessesIn(IReadOnlyList<string> folders)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var id) || id == Environment.ProcessId)
            {
                continue;
            }

            string? cwd;
            try
            {
                cwd = new FileInfo(Path.Combine(directory, "cwd")).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (cwd is not null && folders.Any(f => cwd == f || cwd.StartsWith(f + "/", StringComparison.Ordinal)))
            {
                yield return id;
            }
        }
    }

    public void Dispose()
    {
        Repo.Dispose();
        Remote.Dispose();
    }

    private IEnumerable<string> Sections() =>
        SectionHeading().Matches(Repo.ReadFile("CHANGELOG.md")).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"^## \[([^\]]+)\]", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();
}

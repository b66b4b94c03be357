using System.Globalization;

namespace Slipway.Tests.Fixtures;

/// <summary>A temporary git repository built a few readable lines at a time: repo.Commit("feat: x"); repo.Tag("v1.2.0").</summary>
public sealed class GitRepo : IDisposable
{
    private readonly TempDirectory _directory;
    private int _counter;

    public GitRepo(string branch = "main")
    {
        _directory = new TempDirectory("slipway-repo");
        Git("init", "--quiet", "--initial-branch", branch);
        Git("config", "commit.gpgsign", "false");
        Git("config", "tag.gpgsign", "false");
    }

    private GitRepo(TempDirectory directory)
    {
        _directory = directory;
    }

    public string Path => _directory.Path;

    /// <summary>Clones a remote into a new temporary repository.</summary>
    public static GitRepo Clone(string url, params string[] extra)
    {
        var dir = new TempDirectory("slipway-clone");
        Run.GitOk(dir.Path, ["clone", "--quiet", .. extra, url, "."]);
        var repo = new GitRepo(dir);
        repo.Git("config", "commit.gpgsign", "false");
        return repo;
    }

    public string Git(params string[] arguments) => Run.GitOk(Path, arguments);

    public RunResult TryGit(params string[] arguments) => Run.Git(Path, arguments);

    /// <summary>Commits a change (and everything else in the tree) with this exact message (passed as a file, so any byte sequence survives); returns the SHA.</summary>
    public string Commit(string message, string? file = null) => Commit(message, file, null);

    /// <summary>Commits with this committer and author date (to build histories with clock skew).</summary>
    public string CommitAt(string message, DateTimeOffset date, string? file = null) => Commit(message, file, date);

    private string Commit(string message, string? file, DateTimeOffset? date)
    {
        _counter++;
        var name = file ?? "file.txt";
        var full = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.AppendAllText(full, $"change {_counter.ToString(CultureInfo.InvariantCulture)}\n");
        Git("add", "--all");
        var messageFile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"slipway-msg-{Guid.NewGuid():N}");
        File.WriteAllText(messageFile, message);
        try
        {
            string[] commit = ["commit", "--quiet", "--cleanup=verbatim", "--allow-empty-message", "-F", messageFile];
            if (date is { } when)
            {
                var stamp = when.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
                var result = Run.Process("git", commit, Path, new Dictionary<string, string?> { ["GIT_COMMITTER_DATE"] = stamp, ["GIT_AUTHOR_DATE"] = stamp });
                if (result.ExitCode != 0)
                {
                    throw new InvalidOperationException($"git commit failed: {result}");
                }
            }
            else
            {
                Git(commit);
            }
        }
        finally
        {
            File.Delete(messageFile);
        }

        return Head;
    }

    public string Head => Git("rev-parse", "HEAD");

    /// <summary>An annotated tag on HEAD (or on <paramref name="target"/>).</summary>
    public void Tag(string name, string? target = null) =>
        Git(["tag", "--annotate", "--message", $"Release {name}", "--", name, .. target is null ? Array.Empty<string>() : [target]]);

    public void LightweightTag(string name, string? target = null) =>
        Git(["tag", "--", name, .. target is null ? Array.Empty<string>() : [target]]);

    public void Branch(string name) => Git("switch", "--quiet", "-c", name);

    public void Switch(string name) => Git("switch", "--quiet", name);

    public void WriteFile(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public string ReadFile(string relativePath) => File.ReadAllText(System.IO.Path.Combine(Path, relativePath));

    public RunResult Slipway(params string[] arguments) => SlipwayCli.Run(Path, arguments);

    public RunResult Slipway(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        SlipwayCli.Run(Path, environment, null, arguments);

    public void Dispose() => _directory.Dispose();
}

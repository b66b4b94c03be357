using Slipway.Adapters.Files;
using Slipway.Adapters.Processes;
using Slipway.Core.Errors;

namespace Slipway.Adapters.GitOps;

/// <summary>
/// A GitOps repository's branch, fetched into a private bare repository in a temporary folder (the user's clone is never
/// touched, and concurrent runs share nothing): a file read at the tip, a commit built with plumbing on a temporary index,
/// and a push that only lands if the branch is still at the tip that was read (compare-and-swap).
/// </summary>
public sealed class GitOpsRepository : IDisposable
{
    private static readonly Dictionary<string, string?> Quiet = new()
    {
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["LC_ALL"] = "C",
        ["LANGUAGE"] = null,
    };

    // What git says when the branch moved: checked by the client (stale info), or by the remote while it updated the ref.
    private static readonly string[] LostRace = ["stale info", "fetch first", "non-fast-forward", "failed to update ref", "cannot lock ref", "failed to lock"];

    private readonly string _directory;
    private readonly string _url;
    private readonly IReadOnlyDictionary<string, string?> _identity;

    private GitOpsRepository(string directory, string url, IReadOnlyDictionary<string, string?> identity)
    {
        _directory = directory;
        _url = url;
        _identity = identity;
    }

    /// <summary>Where it is fetched from, as slipway.yml (or the remote) gives it: for messages.</summary>
    public string Url => _url;

    /// <param name="author">Who the commits are by (name, email).</param>
    public static async Task<GitOpsRepository> OpenAsync(string url, (string Name, string Email) author, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"slipway-gitops-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var identity = new Dictionary<string, string?>(Quiet)
        {
            ["GIT_AUTHOR_NAME"] = author.Name,
            ["GIT_AUTHOR_EMAIL"] = author.Email,
            ["GIT_COMMITTER_NAME"] = author.Name,
            ["GIT_COMMITTER_EMAIL"] = author.Email,
        };
        var repository = new GitOpsRepository(directory, url, identity);
        try
        {
            await repository.GitAsync(["init", "--bare", "--quiet", "."], cancellationToken).ConfigureAwait(false);
            return repository;
        }
        catch
        {
            repository.Dispose();
            throw;
        }
    }

    /// <summary>The branch's tip as the remote has it now (fetched with its history), or null when there is no such branch.</summary>
    public async Task<string?> FetchAsync(string branch, CancellationToken cancellationToken)
    {
        var listed = await GitAsync(["ls-remote", "--", _url, $"refs/heads/{branch}"], cancellationToken).ConfigureAwait(false);
        if (listed.Trim().Length == 0)
        {
            return null;
        }

        await GitAsync(["fetch", "--quiet", "--no-tags", "--", _url, $"+refs/heads/{branch}:refs/remotes/gitops/{branch}"], cancellationToken).ConfigureAwait(false);
        return (await GitAsync(["rev-parse", "--verify", "--end-of-options", $"refs/remotes/gitops/{branch}^{{commit}}"], cancellationToken).ConfigureAwait(false)).Trim();
    }

    /// <summary>The tip of another branch (a pull request's) on the remote, without fetching it, or null.</summary>
    public async Task<string?> RemoteTipAsync(string branch, CancellationToken cancellationToken)
    {
        var listed = await GitAsync(["ls-remote", "--", _url, $"refs/heads/{branch}"], cancellationToken).ConfigureAwait(false);
        var line = listed.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return line?[..line.IndexOf('\t', StringComparison.Ordinal)];
    }

    /// <summary>The file's text at a commit, or null when the commit has no such file.</summary>
    public async Task<TextFile?> ReadAsync(string commit, string path, CancellationToken cancellationToken)
    {
        var listed = await GitAsync(["ls-tree", "--end-of-options", commit, "--", path], cancellationToken).ConfigureAwait(false);
        if (listed.Trim().Length == 0)
        {
            return null;
        }

        var text = await GitAsync(["cat-file", "blob", $"{commit}:{path}"], cancellationToken).ConfigureAwait(false);
        return text.StartsWith('\uFEFF') ? new TextFile(text[1..], true) : new TextFile(text, false);
    }

    /// <summary>The first parent of a commit, or null for a root commit.</summary>
    public async Task<string?> ParentAsync(string commit, CancellationToken cancellationToken)
    {
        var parents = (await GitAsync(["show", "--no-patch", "--format=%P", "--end-of-options", commit, "--"], cancellationToken).ConfigureAwait(false)).Trim();
        return parents.Length == 0 ? null : parents.Split(' ')[0];
    }

    /// <summary>A commit on <paramref name="parent"/> with the file written, and the message.</summary>
    public async Task<string> CommitAsync(string parent, string path, TextFile content, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var index = Path.Combine(_directory, $"index-{Guid.NewGuid():N}");
        var withIndex = new Dictionary<string, string?>(Quiet) { ["GIT_INDEX_FILE"] = index };
        await GitAsync(["read-tree", "--end-of-options", parent], cancellationToken, withIndex).ConfigureAwait(false);
        var blob = (await GitAsync(["hash-object", "-w", "--stdin"], cancellationToken, input: (content.Utf8Bom ? "\uFEFF" : string.Empty) + content.Text).ConfigureAwait(false)).Trim();
        var listed = await GitAsync(["ls-tree", "--end-of-options", parent, "--", path], cancellationToken).ConfigureAwait(false);
        var mode = listed.Length > 6 && listed[6] == ' ' ? listed[..6] : "100644";
        await GitAsync(["update-index", "--add", "--cacheinfo", $"{mode},{blob},{path}"], cancellationToken, withIndex).ConfigureAwait(false);
        var tree = (await GitAsync(["write-tree"], cancellationToken, withIndex).ConfigureAwait(false)).Trim();
        File.Delete(index);
        return (await GitAsync(["commit-tree", tree, "-p", parent], cancellationToken, _identity, message).ConfigureAwait(false)).Trim();
    }

    /// <summary>
    /// Points the remote branch at <paramref name="commit"/> if it is still at <paramref name="expected"/> (null: absent). False
    /// when another writer moved it meanwhile (fetch, re-apply, retry); any other refusal (a protected branch, no access) throws.
    /// </summary>
    public async Task<bool> PushAsync(string commit, string branch, string? expected, CancellationToken cancellationToken)
    {
        var target = $"refs/heads/{branch}";
        string[] arguments = ["push", "--porcelain", $"--force-with-lease={target}:{expected ?? string.Empty}", "--", _url, $"{commit}:{target}"];
        var result = await ProcessRunner.RunToEndAsync(ProcessRunner.StartInfo("git", arguments, _directory, Quiet), null, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return true;
        }

        var said = (result.StandardOutput + "\n" + result.StandardError).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var rejected = said.FirstOrDefault(l => l.StartsWith('!'));
        if (rejected is not null && LostRace.Any(r => rejected.Contains(r, StringComparison.Ordinal)))
        {
            return false;
        }

        var reason = rejected?.Split('\t').LastOrDefault() ?? result.LastErrorLine;
        throw new SlipwayException(SlipwayError.Failed($"gitops: {_url} refused the push to {branch}: {reason}",
            "check the access to the GitOps repository; a protected branch takes via: pull_request", result.StandardOutput + result.StandardError));
    }

    private async Task<string> GitAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? environment = null, string? input = null)
    {
        var result = await ProcessRunner.RunAsync(ProcessRunner.StartInfo("git", arguments, _directory, environment ?? Quiet), input, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return result.StandardOutput;
        }

        var said = result.LastErrorLine;
        throw new SlipwayException(SlipwayError.Failed($"gitops: git {arguments[0]} of {_url} failed (exit {result.ExitCode})" + (said.Length > 0 ? $": {said}" : string.Empty),
            "check gitops.repo in slipway.yml and the access to that repository", result.StandardError));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is not worth failing a deployment for.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}

using Slipway.Adapters.Processes;

namespace Slipway.Adapters.Git;

/// <summary>
/// Runs the git commands that write (commit, tag, update-ref, fetch, push) in one clone: each recorded as in flight while it
/// runs (<see cref="InFlightWrites"/>), and retried after removing a lock it failed on when that lock is provably what a killed
/// Slipway run left (<see cref="StaleLock"/>).
/// </summary>
internal sealed class GitWriter(string workingDirectory, IReadOnlyDictionary<string, string?> environment)
{
    private const int MaxLocksRemoved = 8;
    private readonly Dictionary<string, Task<string?>> remotes = new(StringComparer.Ordinal);
    private Task<Directories>? directories;

    private sealed record Directories(string Common, IReadOnlyList<string> Repository);

    /// <summary>
    /// Runs git. With <paramref name="finish"/> a started write is waited for even when cancelled (a commit, a tag, a push: no
    /// half-done write, no orphan); without, it is stopped like a read (a fetch: git cleans up on SIGTERM).
    /// </summary>
    /// <param name="remote">The remote the command writes to, when it does (a push): its locks are covered too if it is a local path.</param>
    public async Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments, string? input, bool finish, string? remote, CancellationToken cancellationToken)
    {
        var where = await (directories ??= FindAsync(cancellationToken)).ConfigureAwait(false);
        List<string> repositories = [.. where.Repository];
        if (remote is not null && await LocalRemote(remote, cancellationToken).ConfigureAwait(false) is { } path)
        {
            repositories.Add(path);
        }

        var info = ProcessRunner.StartInfo("git", arguments, workingDirectory, environment);
        var removed = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            ProcessResult result;
            using (InFlightWrites.Record(where.Common, repositories))
            {
                result = finish
                    ? await ProcessRunner.RunToEndAsync(info, input, cancellationToken).ConfigureAwait(false)
                    : await ProcessRunner.RunAsync(info, input, cancellationToken).ConfigureAwait(false);
            }

            if (result.Succeeded || removed.Count >= MaxLocksRemoved
                || StaleLock.Named(result.StandardOutput + "\n" + result.StandardError) is not { } lockPath
                || !removed.Add(lockPath) || !StaleLock.TryRemove(lockPath, where.Common))
            {
                return result;
            }

            StaleLock.Removed?.Invoke(lockPath);
        }
    }

    /// <summary>Forgets the records of killed runs once this one's writes all went through: nothing of theirs is left to explain.</summary>
    public async Task ForgetDeadRunsAsync(CancellationToken cancellationToken)
    {
        var where = await (directories ??= FindAsync(cancellationToken)).ConfigureAwait(false);
        // A killed run's lock on a file this run never had to write (the index, after a commit whose ref went through just
        // before the kill) is removed here, while the records that prove it a leftover are still there.
        foreach (var lockPath in LockFiles(where))
        {
            if (StaleLock.TryRemove(lockPath, where.Common))
            {
                StaleLock.Removed?.Invoke(lockPath);
            }
        }

        InFlightWrites.ForgetDead(where.Common);
    }

    /// <summary>The lock files git leaves in a repository's git directories: the index, HEAD, packed-refs, and any ref's.</summary>
    private static IEnumerable<string> LockFiles(Directories where)
    {
        foreach (var directory in where.Repository.Where(d => File.Exists(Path.Combine(d, "HEAD"))).Distinct(StringComparer.Ordinal))
        {
            foreach (var name in (string[])["index.lock", "HEAD.lock", "packed-refs.lock"])
            {
                if (File.Exists(Path.Combine(directory, name)))
                {
                    yield return Path.Combine(directory, name);
                }
            }

            var refs = Path.Combine(directory, "refs");
            if (Directory.Exists(refs))
            {
                foreach (var file in Directory.EnumerateFiles(refs, "*.lock", SearchOption.AllDirectories))
                {
                    yield return file;
                }
            }
        }
    }

    private Task<string?> LocalRemote(string remote, CancellationToken cancellationToken)
    {
        lock (remotes)
        {
            if (!remotes.TryGetValue(remote, out var found) || found.IsFaulted || found.IsCanceled)
            {
                remotes[remote] = found = LocalRemoteAsync(remote, cancellationToken);
            }

            return found;
        }
    }

    /// <summary>The remote's directory when its URL is a local path (file:// or a path), where a killed push can leave a ref lock.</summary>
    private async Task<string?> LocalRemoteAsync(string remote, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(ProcessRunner.StartInfo("git", ["remote", "get-url", "--", remote], workingDirectory, environment), null, cancellationToken)
            .ConfigureAwait(false);
        var url = result.Succeeded ? result.StandardOutput.Trim() : remote;
        if (url.StartsWith("file://", StringComparison.Ordinal))
        {
            return Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.LocalPath : null;
        }

        if (url.Contains("://", StringComparison.Ordinal) || (url.Contains(':', StringComparison.Ordinal) && !url.StartsWith('/') && !url.StartsWith('.')))
        {
            return null; // ssh, https, git://, host:path
        }

        var path = Path.GetFullPath(url, Path.GetFullPath(workingDirectory));
        return Directory.Exists(path) ? path : null;
    }

    private async Task<Directories> FindAsync(CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(ProcessRunner.StartInfo("git", ["rev-parse", "--absolute-git-dir", "--git-common-dir", "--show-toplevel"],
            workingDirectory, environment), null, cancellationToken).ConfigureAwait(false);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var here = Path.GetFullPath(workingDirectory);
        if (lines.Length < 2)
        {
            // Not a repository git can open here: the write itself will say so; the records go nowhere that matters.
            return new Directories(Path.Combine(here, ".git"), [here]);
        }

        var common = Path.GetFullPath(lines[1], here);
        return new Directories(common, [.. lines.Select(l => Path.GetFullPath(l, here)).Distinct(StringComparer.Ordinal)]);
    }
}

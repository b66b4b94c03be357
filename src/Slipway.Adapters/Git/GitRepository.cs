using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Slipway.Adapters.Files;
using Slipway.Adapters.Processes;
using Slipway.Core.Commits;
using Slipway.Core.Errors;

namespace Slipway.Adapters.Git;

/// <summary>The `git` command on one working directory. Output is parsed record by record (NUL-separated), never split on spaces.</summary>
public sealed class GitRepository(string workingDirectory) : IGitRepository
{
    private const string LogFormat = "--format=%H%x00%P%x00%an%x00%ae%x00%aI%x00%B";
    private const int LogFields = 6;

    // No prompts for credentials (CI has no terminal), no optional locks, messages we can match.
    private static readonly Dictionary<string, string?> Environment = new()
    {
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["GIT_OPTIONAL_LOCKS"] = "0",
        ["LC_ALL"] = "C",
        ["LANGUAGE"] = null,
        ["GIT_PAGER"] = "cat",
    };

    private readonly GitWriter writer = new(workingDirectory, Environment);

    public string WorkingDirectory { get; } = workingDirectory;

    public async Task<RepositoryState> GetStateAsync(CancellationToken cancellationToken)
    {
        string[] arguments = ["rev-parse", "--is-shallow-repository", "--show-toplevel", "--git-common-dir", "HEAD", "--symbolic-full-name", "HEAD"];
        var result = await RunRawAsync(arguments, null, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            if (result.StandardError.Contains("not a git repository", StringComparison.OrdinalIgnoreCase))
            {
                throw new SlipwayException(SlipwayError.Precondition(
                    $"{WorkingDirectory} is not in a git repository", "run slipway inside a git clone of the project"));
            }

            // A repository with no commits yet: HEAD does not resolve.
            var unborn = await RunRawAsync(["rev-parse", "--is-shallow-repository", "--show-toplevel"], null, cancellationToken).ConfigureAwait(false);
            if (!unborn.Succeeded)
            {
                throw GitError.From(arguments, result, ExitCode.Precondition);
            }

            var u = Lines(unborn.StandardOutput);
            var branch = await RunRawAsync(["symbolic-ref", "--quiet", "--short", "HEAD"], null, cancellationToken).ConfigureAwait(false);
            return new RepositoryState(u[1], u[0] == "true", branch.Succeeded ? branch.StandardOutput.Trim() : null, null);
        }

        var lines = Lines(result.StandardOutput);
        var symbolic = lines[4];
        string? branchName = symbolic.StartsWith("refs/heads/", StringComparison.Ordinal) ? symbolic["refs/heads/".Length..] : null;
        return new RepositoryState(lines[1], lines[0] == "true", branchName, lines[3])
        {
            // Printed relative to where git ran when it is below it (".git"), absolute otherwise.
            CommonDirectory = Path.GetFullPath(lines[2], Path.GetFullPath(WorkingDirectory)),
        };
    }

    public async Task<IReadOnlyList<TagRef>> ListTagsAsync(string prefix, CancellationToken cancellationToken)
    {
        // show-ref --dereference takes the peeled commit of each annotated tag from packed-refs (as a clone has them)
        // without reading the tag objects: faster than for-each-ref even without peeling, and no second process to peel.
        string[] arguments = ["show-ref", "--dereference", "--tags"];
        var result = await RunRawAsync(arguments, null, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode == 1 && result.StandardOutput.Length == 0 && result.StandardError.Length == 0)
        {
            return []; // show-ref's way of saying "no tags"
        }

        if (!result.Succeeded)
        {
            throw GitError.From(arguments, result);
        }

        const string Refs = "refs/tags/";
        const string Peeled = "^{}";
        var tags = new List<TagRef>();
        foreach (var line in result.StandardOutput.AsSpan().EnumerateLines())
        {
            // "<object> refs/tags/<name>", then "<commit> refs/tags/<name>^{}" for an annotated tag. A ref name has no spaces and no '^'.
            var space = line.IndexOf(' ');
            if (space <= 0 || !line[(space + 1)..].StartsWith(Refs, StringComparison.Ordinal))
            {
                continue;
            }

            var objectId = line[..space];
            var name = line[(space + 1 + Refs.Length)..];
            if (name.EndsWith(Peeled, StringComparison.Ordinal))
            {
                name = name[..^Peeled.Length];
                if (tags.Count > 0 && name.SequenceEqual(tags[^1].Name))
                {
                    tags[^1] = new TagRef(tags[^1].Name, tags[^1].ObjectId, objectId.ToString());
                }

                continue;
            }

            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                var id = objectId.ToString();
                tags.Add(new TagRef(name.ToString(), id, id));
            }
        }

        return tags;
    }

    public async Task<IReadOnlyList<string>> ResolveCommitsAsync(IReadOnlyList<string> revisions, CancellationToken cancellationToken)
    {
        if (revisions.Count == 0)
        {
            return [];
        }

        var arguments = new List<string>(revisions.Count + 1) { "rev-parse" };
        arguments.AddRange(revisions.Select(r => r + "^{commit}"));
        var output = await RunAsync(arguments, cancellationToken).ConfigureAwait(false);
        return Lines(output);
    }

    public Task<IReadOnlySet<string>> ReachableFromHeadAsync(IReadOnlyCollection<string> commits, CancellationToken cancellationToken) =>
        ReachableFromAsync("HEAD", commits, cancellationToken);

    private async Task<IReadOnlySet<string>> ReachableFromAsync(string from, IReadOnlyCollection<string> commits, CancellationToken cancellationToken)
    {
        // rev-list lists what the candidates reach that HEAD does not: a candidate missing from that list is reachable.
        // The walk stops where HEAD's history and the candidates' meet, so it costs the distance to them, not the history.
        var input = new StringBuilder();
        foreach (var commit in commits)
        {
            input.Append(commit).Append('\n');
        }

        input.Append('^').Append(from).Append('\n');
        var reachable = new HashSet<string>(commits, StringComparer.Ordinal);
        var info = ProcessRunner.StartInfo("git", ["rev-list", "--stdin"], WorkingDirectory, Environment);
        using var process = ProcessRunner.Start(info);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var write = ProcessRunner.WriteInputAsync(process, input.ToString(), cancellationToken);
        while (await process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            reachable.Remove(line);
        }

        await write.ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw GitError.From(["rev-list", "--stdin"], new ProcessResult(process.ExitCode, string.Empty, await stderr.ConfigureAwait(false)));
        }

        return reachable;
    }

    public async Task<IReadOnlySet<string>> NotReachableFromHeadAsync(IReadOnlyCollection<string> commits, IReadOnlySet<string> watch,
        CancellationToken cancellationToken)
    {
        // rev-list lists what the candidates reach that HEAD does not: a candidate missing from that list is reachable.
        // The walk stops where HEAD's history and the candidates' meet, so it costs the distance to them, not the history.
        // Only candidates and watched commits are kept as answers, so memory stays small even on a long side branch.
        var input = new StringBuilder();
        foreach (var commit in commits)
        {
            input.Append(commit).Append('\n');
        }

        input.Append("^HEAD\n");
        var candidates = commits as IReadOnlySet<string> ?? new HashSet<string>(commits, StringComparer.Ordinal);
        var notReachable = new HashSet<string>(StringComparer.Ordinal);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var parentsOf = new List<(string Commit, string[] Parents)>();
        var info = ProcessRunner.StartInfo("git", ["rev-list", "--parents", "--stdin"], WorkingDirectory, Environment);
        using var process = ProcessRunner.Start(info);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var write = ProcessRunner.WriteInputAsync(process, input.ToString(), cancellationToken);
        while (await process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            var fields = line.Split(' ');
            listed.Add(fields[0]);
            parentsOf.Add((fields[0], fields[1..]));
            if (candidates.Contains(fields[0]) || watch.Contains(fields[0]))
            {
                notReachable.Add(fields[0]);
            }
        }

        await write.ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw GitError.From(["rev-list", "--stdin"], new ProcessResult(process.ExitCode, string.Empty, await stderr.ConfigureAwait(false)));
        }

        // rev-list stops walking HEAD's side by commit dates, so under clock skew (a commit dated before its parent)
        // it can list a commit that HEAD does reach. If any listed commit is reachable, so is a listed commit with no
        // listed parent below it (its "bottom"): checking the few bottoms exactly (merge-base walks to the meeting
        // point, whatever the dates) proves the answer, and only when one fails is each answer checked on its own.
        var bottoms = parentsOf.Where(e => !e.Parents.Any(listed.Contains)).Select(e => e.Commit).ToList();
        if ((await AncestorsOfHeadAsync(bottoms, cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            notReachable.ExceptWith(await AncestorsOfHeadAsync(notReachable, cancellationToken).ConfigureAwait(false));
        }

        return notReachable;
    }

    /// <summary>Which of the commits HEAD reaches, each checked exactly with merge-base, a few at a time.</summary>
    private async Task<IReadOnlySet<string>> AncestorsOfHeadAsync(IEnumerable<string> commits, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(4);
        var checks = commits.ToList().Select(async commit =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return (Commit: commit, Reachable: await IsAncestorAsync(commit, "HEAD", cancellationToken).ConfigureAwait(false));
            }
            finally
            {
                gate.Release();
            }
        });
        var results = await Task.WhenAll(checks).ConfigureAwait(false);
        return results.Where(r => r.Reachable).Select(r => r.Commit).ToHashSet(StringComparer.Ordinal);
    }

    public IAsyncEnumerable<Commit> LogAsync(string? exclusiveFrom, bool includeMerges, CancellationToken cancellationToken) =>
        LogAsync(exclusiveFrom, "HEAD", includeMerges, cancellationToken);

    public async Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken)
    {
        string[] arguments = ["merge-base", "--is-ancestor", "--end-of-options", ancestor, descendant];
        var result = await RunRawAsync(arguments, null, cancellationToken).ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => true,
            1 => false,
            _ => throw GitError.From(arguments, result),
        };
    }

    /// <summary>The best common ancestor of all <paramref name="commits"/> (`git merge-base --octopus`), or null when they share none.</summary>
    public async Task<string?> CommonAncestorAsync(IReadOnlyList<string> commits, CancellationToken cancellationToken)
    {
        if (commits.Count == 1)
        {
            return commits[0];
        }

        string[] arguments = ["merge-base", "--octopus", "--end-of-options", .. commits];
        var result = await RunRawAsync(arguments, null, cancellationToken).ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => Lines(result.StandardOutput).FirstOrDefault(),
            1 => null,
            _ => throw GitError.From(arguments, result),
        };
    }

    /// <summary>
    /// The files each commit of <paramref name="exclusiveFrom"/>..HEAD changed (merges left out; a rename is its two paths),
    /// in one `git log --name-only`, read while <paramref name="commitsRead"/> reads the range's commits (which tell a commit's name from a file named like one).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string[]>> ChangedFilesAsync(string? exclusiveFrom, Task<IReadOnlySet<string>> commitsRead, CancellationToken cancellationToken)
    {
        List<string> arguments = ["log", "-z", "--no-merges", "--no-renames", "--name-only", "--format=%H", "--end-of-options", "HEAD", .. exclusiveFrom is null ? Array.Empty<string>() : ["^" + exclusiveFrom], "--"];
        var tokens = new List<string>();
        await foreach (var token in StreamAsync(arguments, cancellationToken).ConfigureAwait(false))
        {
            tokens.Add(token);
        }

        var commits = await commitsRead.ConfigureAwait(false);
        var files = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? current = null;
        var list = new List<string>();
        var inFiles = false;
        foreach (var token in tokens)
        {
            if (token.StartsWith('\n') && current is not null && !inFiles)
            {
                // The first file of a commit comes after a newline; the others follow it, each ended by NUL.
                list.Add(token[1..]);
                inFiles = true;
            }
            else if (inFiles && !commits.Contains(token))
            {
                list.Add(token);
            }
            else
            {
                Flush();
                current = token;
            }
        }

        Flush();
        return files;

        void Flush()
        {
            if (current is not null)
            {
                files[current] = [.. list];
            }

            list.Clear();
            inFiles = false;
        }
    }

    public async Task CommitPathsAsync(string message, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        await WriteAsync(["add", "--", .. paths], null, cancellationToken).ConfigureAwait(false);
        await WriteAsync(["commit", "--quiet", "--cleanup=verbatim", "--file=-", "--", .. paths], message, cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<Commit> LogAsync(string? exclusiveFrom, string until, bool includeMerges, CancellationToken cancellationToken) =>
        LogAsync(exclusiveFrom is null ? until : $"{exclusiveFrom}..{until}", includeMerges ? [] : ["--no-merges"], cancellationToken);

    /// <summary>The commits of the range that touch <paramref name="paths"/> (git's own path limiting: a package's commits).</summary>
    public IAsyncEnumerable<Commit> LogAsync(string? exclusiveFrom, string until, bool includeMerges, IReadOnlyList<string> paths, CancellationToken cancellationToken) =>
        LogAsync(exclusiveFrom is null ? until : $"{exclusiveFrom}..{until}", includeMerges ? [] : ["--no-merges"], cancellationToken, paths);

    public async Task<Commit> CommitAsync(string revision, CancellationToken cancellationToken)
    {
        await foreach (var commit in LogAsync(revision, ["-1"], cancellationToken).ConfigureAwait(false))
        {
            return commit;
        }

        throw new SlipwayException(SlipwayError.Failed($"{revision} is not a commit here", "fetch it first (git fetch --tags)"));
    }

    private async IAsyncEnumerable<Commit> LogAsync(string revisions, IReadOnlyList<string> options, [EnumeratorCancellation] CancellationToken cancellationToken,
        IReadOnlyList<string>? paths = null)
    {
        // Paths are literal (":(literal)"): a folder named like a pathspec magic or a glob is that folder.
        List<string> arguments = ["log", "-z", LogFormat, .. options, "--end-of-options", revisions, "--", .. (paths ?? []).Select(p => ":(literal)" + p)];
        var fields = new string[LogFields];
        var field = 0;
        await foreach (var token in StreamAsync(arguments, cancellationToken).ConfigureAwait(false))
        {
            fields[field++] = token;
            if (field < LogFields)
            {
                continue;
            }

            field = 0;
            yield return new Commit(
                fields[0],
                fields[1].Length == 0 ? [] : fields[1].Split(' '),
                fields[2],
                fields[3],
                DateTimeOffset.Parse(fields[4], CultureInfo.InvariantCulture),
                fields[5]);
        }
    }

    /// <summary>
    /// git's NUL-separated output, token by token, as it comes; git is stopped when the reader stops early, and a failure is a
    /// <see cref="GitError"/> once its output is read.
    /// </summary>
    /// <summary>The commit's history newest first, names only, as git lists it, streamed (the caller may stop early).</summary>
    public IAsyncEnumerable<string> AncestorsAsync(string tip, CancellationToken cancellationToken) =>
        StreamAsync(["log", "-z", "--format=%H", "--end-of-options", tip, "--"], cancellationToken);

    private async IAsyncEnumerable<string> StreamAsync(IReadOnlyList<string> arguments, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var info = ProcessRunner.StartInfo("git", arguments, WorkingDirectory, Environment);
        using var process = ProcessRunner.Start(info);
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await foreach (var token in ReadNulSeparatedAsync(process.StandardOutput, cancellationToken).ConfigureAwait(false))
            {
                yield return token;
            }

            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (!process.HasExited)
            {
                ProcessRunner.Kill(process);
            }
        }

        if (process.ExitCode != 0)
        {
            throw GitError.From(arguments, new ProcessResult(process.ExitCode, string.Empty, await stderr.ConfigureAwait(false)));
        }
    }

    /// <summary>The commits of <paramref name="exclusiveFrom"/>..<paramref name="until"/> with their committer times, merges left out, newest first.</summary>
    public async Task<IReadOnlyList<(string Sha, long CommitterTime)>> CommitTimesAsync(string exclusiveFrom, string until, CancellationToken cancellationToken)
    {
        var output = await RunAsync(["log", "--no-merges", "--format=%H %ct", "--end-of-options", $"{exclusiveFrom}..{until}", "--"], cancellationToken).ConfigureAwait(false);
        return [.. Lines(output).Select(l => l.Split(' ')).Select(f => (f[0], long.Parse(f[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)))];
    }

    /// <summary>Which of <paramref name="names"/> (full object names) are commits in this repository.</summary>
    public async Task<IReadOnlySet<string>> PresentCommitsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        // Only full hex names reach cat-file's standard input, one a line: nothing else can be read as a request.
        var asked = names.Where(n => n.Length == 40 && n.All(char.IsAsciiHexDigitLower)).Distinct(StringComparer.Ordinal).ToList();
        if (asked.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var output = await RunAsync(["cat-file", "--batch-check=%(objectname) %(objecttype)"], cancellationToken, string.Concat(asked.Select(n => n + "\n")))
            .ConfigureAwait(false);
        return Lines(output).Select(l => l.Split(' ')).Where(f => f.Length == 2 && f[1] == "commit").Select(f => f[0]).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<string>> UncommittedChangesAsync(CancellationToken cancellationToken)
    {
        var output = await RunAsync(["status", "--porcelain=v1", "-z", "--untracked-files=normal"], cancellationToken).ConfigureAwait(false);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(e => e.Length > 3).Select(e => e[3..]).ToList();
    }

    public async Task<string?> ConfigValueAsync(string key, CancellationToken cancellationToken)
    {
        var result = await RunRawAsync(["config", "--get", key], null, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.StandardOutput.TrimEnd('\n') : null;
    }

    public async Task<IReadOnlyList<string>> RemotesAsync(CancellationToken cancellationToken) =>
        Lines(await RunAsync(["remote"], cancellationToken).ConfigureAwait(false));

    public async Task<string?> RemoteUrlAsync(string remote, CancellationToken cancellationToken)
    {
        var result = await RunRawAsync(["remote", "get-url", "--", remote], null, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    public async Task<IReadOnlyDictionary<string, string>> RemoteDefaultBranchesAsync(CancellationToken cancellationToken)
    {
        var output = await RunAsync(["for-each-ref", "--format=%(refname)%00%(symref)", "refs/remotes/"], cancellationToken).ConfigureAwait(false);
        var branches = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Lines(output))
        {
            // refs/remotes/origin/HEAD -> refs/remotes/origin/main gives origin: main.
            var fields = line.Split('\0');
            if (fields is [var name, var target] && name.StartsWith("refs/remotes/", StringComparison.Ordinal) && name.EndsWith("/HEAD", StringComparison.Ordinal))
            {
                var remote = name["refs/remotes/".Length..^"/HEAD".Length];
                var prefix = $"refs/remotes/{remote}/";
                if (target.StartsWith(prefix, StringComparison.Ordinal))
                {
                    branches[remote] = target[prefix.Length..];
                }
            }
        }

        return branches;
    }

    public async Task<IReadOnlyList<string>> ListFilesAsync(CancellationToken cancellationToken)
    {
        var output = await RunAsync(["-c", "core.quotePath=false", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cancellationToken).ConfigureAwait(false);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The paths changed between <paramref name="exclusiveFrom"/> and HEAD (every file at HEAD when null), '/'-separated.</summary>
    public async Task<IReadOnlyList<string>> ChangedFilesAsync(string? exclusiveFrom, CancellationToken cancellationToken)
    {
        string[] arguments = exclusiveFrom is null
            ? ["-c", "core.quotePath=false", "ls-tree", "-r", "-z", "--name-only", "HEAD"]
            : ["-c", "core.quotePath=false", "diff", "--name-only", "-z", "--no-renames", "--end-of-options", exclusiveFrom, "HEAD", "--"];
        var output = await RunAsync(arguments, cancellationToken).ConfigureAwait(false);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    public async Task FetchAsync(string remote, string branch, CancellationToken cancellationToken)
    {
        string[] arguments = ["fetch", "--quiet", "--tags", "--", remote, $"+refs/heads/{branch}:refs/remotes/{remote}/{branch}"];
        var result = await writer.RunAsync(arguments, null, finish: false, null, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded && result.StandardError.Contains("couldn't find remote ref", StringComparison.Ordinal))
        {
            // The branch does not exist on the remote yet (a new repository): the release will create it.
            arguments = ["fetch", "--quiet", "--tags", "--", remote];
            result = await writer.RunAsync(arguments, null, finish: false, null, cancellationToken).ConfigureAwait(false);
        }

        if (!result.Succeeded)
        {
            throw GitError.From(arguments, result, ExitCode.Failed, $"check that the remote '{remote}' is reachable");
        }
    }

    public async Task<string?> RefCommitAsync(string refName, CancellationToken cancellationToken)
    {
        var result = await RunRawAsync(["rev-parse", "--verify", "--quiet", refName + "^{commit}"], null, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    public async Task<(int Ahead, int Behind)> AheadBehindAsync(string local, string upstream, CancellationToken cancellationToken)
    {
        var output = await RunAsync(["rev-list", "--left-right", "--count", $"{local}...{upstream}", "--"], cancellationToken).ConfigureAwait(false);
        var parts = output.Split('\t', StringSplitOptions.TrimEntries);
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    public async Task<IReadOnlyDictionary<string, string>> ListRemoteRefsAsync(string remote, IReadOnlyList<string> patterns, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "ls-remote", "--", remote };
        arguments.AddRange(patterns);
        var result = await RunRawAsync(arguments, null, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw GitError.From(arguments, result, ExitCode.Failed, $"check that the remote '{remote}' is reachable");
        }

        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Lines(result.StandardOutput))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0)
            {
                refs[line[(tab + 1)..]] = line[..tab];
            }
        }

        return refs;
    }

    public async Task<IReadOnlyList<string>> BranchesContainingAsync(string commit, CancellationToken cancellationToken)
    {
        string[] arguments = ["for-each-ref", $"--contains={commit}", "--format=%(refname)", "refs/heads/", "refs/remotes/"];
        var result = await RunRawAsync(arguments, null, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? [.. Lines(result.StandardOutput)] : []; // not a commit of this clone: no branch has it
    }

    public async Task<DateTimeOffset?> CommitterDateAsync(string commit, CancellationToken cancellationToken)
    {
        var result = await RunRawAsync(["show", "--no-patch", "--format=%cI", "--end-of-options", commit, "--"], null, cancellationToken).ConfigureAwait(false);
        return result.Succeeded && DateTimeOffset.TryParse(result.StandardOutput.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    public async Task<TextFile?> FileAtHeadAsync(string path, CancellationToken cancellationToken)
    {
        var result = await RunRawAsync(["show", "--end-of-options", "HEAD:" + path], null, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return null;
        }

        var text = result.StandardOutput;
        return new TextFile(text.StartsWith('\uFEFF') ? text[1..] : text, text.StartsWith('\uFEFF'));
    }

    public async Task<string?> RemoteTagCommitAsync(string remote, string tag, CancellationToken cancellationToken)
    {
        var tagRef = $"refs/tags/{tag}";
        var refs = await ListRemoteRefsAsync(remote, [tagRef, tagRef + "^{}"], cancellationToken).ConfigureAwait(false);
        // An annotated tag is listed twice: the tag object, then (^{}) the commit it names.
        return refs.TryGetValue(tagRef + "^{}", out var commit) || refs.TryGetValue(tagRef, out commit) ? commit : null;
    }

    public Task CreateAnnotatedTagAsync(string name, string message, bool replace, CancellationToken cancellationToken) =>
        TagAsync(name, message, replace, "HEAD", cancellationToken);

    public Task TagCommitAsync(string name, string message, string commit, CancellationToken cancellationToken) =>
        TagAsync(name, message, replace: false, commit, cancellationToken);

    private async Task TagAsync(string name, string message, bool replace, string target, CancellationToken cancellationToken)
    {
        // The whole message is in a file before git starts: a kill can stop the tag from being made, never make it with half a
        // message (reading it from stdin, a kill before the write left a tag with an empty one).
        var file = Path.Combine(Path.GetTempPath(), $"slipway-tag-message-{ProcessIdentity.Current}-{Guid.NewGuid():N}.txt");
        try
        {
            await File.WriteAllTextAsync(file, message, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            await WriteAsync(["tag", "--annotate", "--cleanup=verbatim", $"--file={file}", .. replace ? (string[])["--force"] : [], "--", name, target],
                null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public async Task<AnnotatedTag?> ReadTagAsync(string name, CancellationToken cancellationToken)
    {
        var output = await RunAsync(["for-each-ref", "--format=%(objecttype)%00%(*objectname)%00%(contents)%00%(contents:signature)%00",
            "--", $"refs/tags/{name}"], cancellationToken).ConfigureAwait(false);
        var fields = output.Split('\0');
        if (fields.Length < 4)
        {
            return null;
        }

        var message = fields[2];
        if (fields[3].Length > 0 && message.EndsWith(fields[3], StringComparison.Ordinal))
        {
            message = message[..^fields[3].Length];
        }

        return fields[0] == "tag" ? new AnnotatedTag(name, fields[1], message) : new AnnotatedTag(name, null, string.Empty);
    }

    public Task ForgetDeadRunsAsync(CancellationToken cancellationToken) => writer.ForgetDeadRunsAsync(cancellationToken);

    public async Task PushAsync(string remote, IReadOnlyList<string> refspecs, bool atomic, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "push", "--porcelain" };
        if (atomic)
        {
            arguments.Add("--atomic");
        }

        arguments.Add("--");
        arguments.Add(remote);
        arguments.AddRange(refspecs);
        // A push in flight is waited for when cancelled: stopped, its other end could still finish it behind our back.
        var result = await writer.RunAsync(arguments, null, finish: true, remote, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var all = result.StandardOutput + "\n" + result.StandardError;
            var lines = Lines(all);
            // What the remote said (a hook's message) is the most useful part; git's own verdict comes second.
            var said = lines.Where(l => l.StartsWith("remote:", StringComparison.Ordinal))
                .Select(l => l["remote:".Length..].Trim()).FirstOrDefault(l => l.Length > 0);
            var verdict = lines.FirstOrDefault(l => l.Contains("rejected", StringComparison.Ordinal) && !l.Contains("atomic push failure", StringComparison.Ordinal))
                ?? result.LastErrorLine;
            var reason = said is null ? verdict.Trim() : $"{said} ({verdict.Trim()})";
            if (reason.Length == 0)
            {
                reason = $"git push exited with {result.ExitCode} and said nothing";
            }

            var fix = "fix the remote (permissions, hooks, network), then run the same command again to finish";
            if (StaleLock.Named(all) is { } lockPath)
            {
                // A push that was killed on the remote's side left its lock: say which file, whatever else the remote said.
                reason = $"{StaleLock.Line(all)} ({verdict.Trim()})";
                fix = $"a push to '{remote}' that was stopped left this lock; if no push to it is running, remove {lockPath} on the remote and run the same command again";
            }

            throw new SlipwayException(SlipwayError.Failed($"the remote '{remote}' refused the push: {reason}", fix, all));
        }
    }

    private async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken, string? standardInput = null)
    {
        var result = await RunRawAsync(arguments, standardInput, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.StandardOutput : throw GitError.From(arguments, result);
    }

    private async Task WriteAsync(IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken)
    {
        var result = await writer.RunAsync(arguments, standardInput, finish: true, null, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw GitError.From(arguments, result);
        }
    }

    private Task<ProcessResult> RunRawAsync(IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(ProcessRunner.StartInfo("git", arguments, WorkingDirectory, Environment), standardInput, cancellationToken);

    private static List<string> Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];

    private static async IAsyncEnumerable<string> ReadNulSeparatedAsync(StreamReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new char[64 * 1024];
        var token = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != '\0')
                {
                    continue;
                }

                token.Append(buffer, start, i - start);
                yield return token.ToString();
                token.Clear();
                start = i + 1;
            }

            token.Append(buffer, start, read - start);
        }

        if (token.Length > 0)
        {
            yield return token.ToString();
        }
    }
}

using Slipway.Adapters.Git.Objects;

namespace Slipway.Adapters.Git;

/// <summary>
/// What `git rev-parse` says about a repository (its top level, its git directories, whether it is shallow, what HEAD is), read
/// from its files the way git's setup finds them: the start of `slipway version` and `plan` without a process. Whenever git's
/// own answer could differ (an environment variable that moves the repository, a bare repository, core.worktree, includes or
/// extensions in its configuration, a HEAD git would have to interpret), <see cref="TryReadState"/> gives null and the caller
/// asks git, so the answer is git's either way.
/// </summary>
public static class RepositoryFiles
{
    // Environment that changes where git finds the repository or its parts.
    private static readonly string[] DiscoveryEnvironment =
    [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM",
        "GIT_OBJECT_DIRECTORY", "GIT_NAMESPACE",
    ];

    /// <summary>
    /// The state of the repository <paramref name="directory"/> is in, or null (with the reason) when git should be asked.
    /// Git's ownership check (safe.directory) is not repeated: Slipway only reads these files and runs nothing they name.
    /// </summary>
    public static RepositoryState? TryReadState(string directory, out string reason)
    {
        foreach (var variable in DiscoveryEnvironment)
        {
            if (!string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable(variable)))
            {
                reason = $"{variable} is set";
                return null;
            }
        }

        try
        {
            return Read(Path.GetFullPath(directory), out reason);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            reason = $"its files could not be read ({e.Message})";
            return null;
        }
    }

    /// <summary>
    /// Why only git should interpret this repository's configuration, or null: includes (which could hold anything) or
    /// extensions (reftable, SHA-256 objects, partial clones); with <paramref name="layout"/>, also core.worktree or core.bare,
    /// which change where the working tree is (the objects are read the same either way).
    /// </summary>
    internal static string? UnsupportedConfiguration(string commonDirectory, bool layout)
    {
        var config = Path.Combine(commonDirectory, "config");
        if (!File.Exists(config))
        {
            return null;
        }

        foreach (var raw in File.ReadLines(config))
        {
            var line = raw.Trim();
            if (line.StartsWith("[extensions", StringComparison.OrdinalIgnoreCase) || line.StartsWith("[include", StringComparison.OrdinalIgnoreCase))
            {
                return "the repository configuration has extensions or includes";
            }

            var setting = line.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\t", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
            if (layout && (setting.StartsWith("worktree=", StringComparison.Ordinal)
                || setting is "bare=true" or "bare=yes" or "bare=on" or "bare=1" or "bare"))
            {
                return "the repository configuration sets core.worktree or core.bare";
            }
        }

        return null;
    }

    private static RepositoryState? Read(string start, out string reason)
    {
        // Up from the directory, as git's discovery goes: the first .git (a directory, or a file naming one) is the repository.
        for (var top = start; top is not null; top = Path.GetDirectoryName(top))
        {
            var dotGit = Path.Combine(top, ".git");
            string gitDirectory;
            if (Directory.Exists(dotGit))
            {
                gitDirectory = dotGit;
            }
            else if (File.Exists(dotGit))
            {
                var pointer = File.ReadAllText(dotGit).TrimEnd('\n', '\r');
                if (!pointer.StartsWith("gitdir: ", StringComparison.Ordinal))
                {
                    reason = $"{dotGit} is not a gitdir file";
                    return null;
                }

                gitDirectory = Path.GetFullPath(pointer["gitdir: ".Length..], top);
            }
            else if (File.Exists(Path.Combine(top, "HEAD")) && Directory.Exists(Path.Combine(top, "objects")))
            {
                reason = "it is run inside a git directory or a bare repository";
                return null;
            }
            else
            {
                continue;
            }

            return ReadRepository(top, gitDirectory, out reason);
        }

        reason = "no .git was found above the directory";
        return null;
    }

    private static RepositoryState? ReadRepository(string topLevel, string gitDirectory, out string reason)
    {
        var commonFile = Path.Combine(gitDirectory, "commondir");
        var common = File.Exists(commonFile) ? Path.GetFullPath(File.ReadAllText(commonFile).TrimEnd('\n', '\r'), gitDirectory) : gitDirectory;
        if (!File.Exists(Path.Combine(gitDirectory, "HEAD")) || !Directory.Exists(Path.Combine(common, "objects")))
        {
            reason = $"{gitDirectory} is not a complete git directory";
            return null;
        }

        if (UnsupportedConfiguration(common, layout: true) is { } unsupported)
        {
            reason = unsupported;
            return null;
        }

        var head = File.ReadAllText(Path.Combine(gitDirectory, "HEAD")).TrimEnd('\n', '\r', ' ');
        string? branch = null;
        string? commit;
        if (head.StartsWith("ref: refs/heads/", StringComparison.Ordinal))
        {
            branch = head["ref: refs/heads/".Length..];
            if (!TryResolveBranch(common, "refs/heads/" + branch, out commit))
            {
                reason = $"the branch {branch} is not a plain ref";
                return null;
            }
        }
        else if (ObjectId.TryParse(head.AsSpan(), out _))
        {
            commit = head.ToLowerInvariant(); // detached
        }
        else
        {
            reason = "HEAD is neither a branch nor a commit";
            return null;
        }

        // A shallow repository has a non-empty shallow file (the commits whose parents were not fetched).
        var shallow = new FileInfo(Path.Combine(common, "shallow"));
        reason = string.Empty;
        return new RepositoryState(topLevel, shallow.Exists && shallow.Length > 0, branch, commit) { CommonDirectory = common };
    }

    /// <summary>The branch's commit from its loose ref or packed-refs; null commit for a branch with no commits yet.</summary>
    private static bool TryResolveBranch(string common, string refName, out string? commit)
    {
        commit = null;
        var loose = Path.Combine(common, refName);
        if (File.Exists(loose))
        {
            var content = File.ReadAllText(loose).TrimEnd('\n', '\r', ' ');
            if (!ObjectId.TryParse(content.AsSpan(), out _))
            {
                return false; // a symbolic ref, or a half-written file: git knows what to make of it
            }

            commit = content.ToLowerInvariant();
            return true;
        }

        if (Directory.Exists(loose))
        {
            return false;
        }

        var packed = Path.Combine(common, "packed-refs");
        if (File.Exists(packed))
        {
            var suffix = " " + refName;
            foreach (var line in File.ReadLines(packed))
            {
                if (line.Length == 40 + suffix.Length && line.EndsWith(suffix, StringComparison.Ordinal) && ObjectId.TryParse(line.AsSpan(0, 40), out _))
                {
                    commit = line[..40].ToLowerInvariant();
                    return true;
                }
            }
        }

        return true; // no such ref yet: an unborn branch
    }
}

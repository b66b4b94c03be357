using System.Text.RegularExpressions;
using Slipway.Adapters.Processes;

namespace Slipway.Adapters.Git;

/// <summary>
/// A git lock file (`.git/index.lock`, `refs/heads/main.lock` in a remote) that a killed process left: git refuses every later
/// write until someone removes it. Slipway removes one only when it can prove the lock is its own leftover; otherwise the error
/// names the file and says how to remove it.
/// </summary>
public static partial class StaleLock
{
    /// <summary>Git's line for it: "Unable to create '/path/.git/index.lock': File exists." Remote ones come after "remote: ".</summary>
    [GeneratedRegex(@"Unable to create '(?<path>[^'\n]+\.lock)': File exists")]
    private static partial Regex LockLine();

    /// <summary>Told the path of each lock removed (for the person at the terminal).</summary>
    public static Action<string>? Removed { get; set; }

    /// <summary>The lock file that git's output names as existing, or null.</summary>
    public static string? Named(string gitOutput) =>
        LockLine().Match(gitOutput) is { Success: true } match
            ? Path.IsPathFullyQualified(match.Groups["path"].Value) ? Path.GetFullPath(match.Groups["path"].Value) : match.Groups["path"].Value
            : null;

    /// <summary>Git's own line naming the lock, e.g. "Unable to create '/r/.git/index.lock': File exists", or null.</summary>
    public static string? Line(string gitOutput) =>
        Named(gitOutput) is { } path ? $"Unable to create '{path}': File exists" : null;

    /// <summary>How to fix it by hand: check that no git is running there, then remove the file.</summary>
    public static string Fix(string lockPath) =>
        $"another git process may be running in that repository; if none is, remove {lockPath} and run the same command again";

    /// <summary>
    /// Removes the lock when it is provably a killed Slipway run's leftover and returns true (also when it is already gone):
    /// (1) a record of a write in flight (<see cref="InFlightWrites"/>) in the repository that holds the lock, from a Slipway
    /// process that no longer runs, started before the lock was made; (2) no other Slipway writing there now; and (3) no git
    /// process at work in that repository, other than this process's own children. Otherwise false, and the lock stays.
    /// </summary>
    /// <param name="gitDirectory">The clone's common git directory, where the records are kept.</param>
    internal static bool TryRemove(string lockPath, string gitDirectory)
    {
        var path = Path.GetFullPath(lockPath);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return true;
        }

        // File times come from a coarse clock that can lag the one the record was stamped with by a few milliseconds.
        var made = new DateTimeOffset(file.LastWriteTimeUtc).AddSeconds(2);
        var proof = false;
        var repositories = new List<string>();
        foreach (var (writer, write) in InFlightWrites.Read(gitDirectory))
        {
            var covering = write.Repositories.Where(r => IsBelow(path, r)).ToList();
            if (covering.Count == 0 || writer == ProcessIdentity.Current)
            {
                continue;
            }

            if (writer.IsAlive)
            {
                return false;
            }

            if (write.Started <= made)
            {
                proof = true;
                repositories.AddRange(covering);
            }
        }

        if (!proof || GitAtWork(repositories))
        {
            return false;
        }

        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        return true;
    }

    /// <summary>True when a git process that is not this one's child works in one of the repositories (its current directory is there).</summary>
    private static bool GitAtWork(IReadOnlyList<string> repositories)
    {
        if (!OperatingSystem.IsLinux())
        {
            return true; // no way to look: never take a lock that may be someone's
        }

        var own = ProcessTable.Descendants(Environment.ProcessId).ToHashSet();
        foreach (var id in ProcessTable.Ids())
        {
            if (id == Environment.ProcessId || own.Contains(id) || ProcessTable.Name(id) is not { } name || !name.StartsWith("git", StringComparison.Ordinal))
            {
                continue;
            }

            if (ProcessTable.WorkingDirectory(id) is { } directory && repositories.Any(r => IsBelow(directory, r)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBelow(string path, string directory)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        return path == root || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}

namespace Slipway.Adapters.Files;

/// <summary>Which files are there: the question `doctor` and `init` ask before they decide, answered from the disk.</summary>
public static class FilePresence
{
    /// <summary>Those of <paramref name="paths"/> (relative to <paramref name="root"/>) that are files, in order.</summary>
    public static IReadOnlyList<string> Existing(string root, IEnumerable<string> paths) =>
        [.. paths.Where(p => File.Exists(Path.Combine(root, p)))];

    /// <summary>Those of <paramref name="paths"/> (relative to <paramref name="root"/>) that are not files, in order.</summary>
    public static IReadOnlyList<string> Missing(string root, IEnumerable<string> paths) =>
        [.. paths.Where(p => !File.Exists(Path.Combine(root, p)))];

    /// <summary>Whether <paramref name="path"/> (relative to <paramref name="root"/>, or absolute) is a folder.</summary>
    public static bool IsFolder(string root, string path) => Directory.Exists(Path.Combine(root, path));

    /// <summary>
    /// Whether a program name resolves the way a process start will: a name with a slash is a path from <paramref name="root"/>,
    /// any other name a file in one of <paramref name="searchPath"/>'s folders (PATH's value).
    /// </summary>
    public static bool ProgramExists(string root, string program, string? searchPath)
    {
        ArgumentNullException.ThrowIfNull(program);
        return program.Contains('/', StringComparison.Ordinal)
            ? File.Exists(Path.Combine(root, program))
            : (searchPath ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, program)));
    }
}

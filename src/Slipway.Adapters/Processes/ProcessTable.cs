using System.Globalization;

namespace Slipway.Adapters.Processes;

/// <summary>The processes of this machine as Linux's /proc lists them: parent, state, start, working directory, name.</summary>
/// <remarks>Only what this user may read is seen; everything here answers "not found" elsewhere than Linux.</remarks>
internal static class ProcessTable
{
    public readonly record struct Entry(int Id, int Parent, char State, long StartTicks);

    /// <summary>/proc/ID/stat, or null when the process does not exist (any more).</summary>
    public static Entry? Read(int id)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{id.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "id (name) state parent ...": the name may hold spaces and parentheses, so the fields start after the last ')'.
        var close = text.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        var fields = text[(close + 2)..].Split(' ');
        return fields.Length > 19
            && int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parent)
            && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? new Entry(id, parent, fields[0][0], start)
            : null;
    }

    /// <summary>Every process id in /proc.</summary>
    public static IEnumerable<int> Ids()
    {
        if (!Directory.Exists("/proc"))
        {
            yield break;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                yield return id;
            }
        }
    }

    /// <summary>The processes below <paramref name="root"/> (children, their children...), not the root itself.</summary>
    public static IReadOnlyList<int> Descendants(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var id in Ids())
        {
            if (Read(id) is { } entry)
            {
                if (!children.TryGetValue(entry.Parent, out var list))
                {
                    children[entry.Parent] = list = [];
                }

                list.Add(id);
            }
        }

        var result = new List<int>();
        var queue = new Queue<int>([root]);
        while (queue.Count > 0)
        {
            if (children.TryGetValue(queue.Dequeue(), out var list))
            {
                foreach (var child in list.Where(c => !result.Contains(c)))
                {
                    result.Add(child);
                    queue.Enqueue(child);
                }
            }
        }

        return result;
    }

    /// <summary>The program name the kernel keeps for the process (at most 15 characters), or null.</summary>
    public static string? Name(int id)
    {
        try
        {
            return File.ReadAllText($"/proc/{id.ToString(CultureInfo.InvariantCulture)}/comm").TrimEnd('\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The process's working directory, or null when it cannot be read.</summary>
    public static string? WorkingDirectory(int id)
    {
        try
        {
            return new FileInfo($"/proc/{id.ToString(CultureInfo.InvariantCulture)}/cwd").LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

using System.Globalization;
using System.Text;
using Slipway.Adapters.Processes;

namespace Slipway.Adapters.Git;

/// <summary>
/// While a git write runs (a commit, a tag, a push, a fetch), a line in `.git/slipway/in-flight/PID.START` says that this process
/// is writing in those repositories (the clone, and a remote that is a local path) since that moment. The line goes when the write
/// ends. A run that is killed leaves its lines behind: the proof <see cref="StaleLock"/> needs to know that a lock found later
/// in one of those repositories is that run's, and that its writer is gone.
/// </summary>
internal static class InFlightWrites
{
    private const string Folder = "slipway/in-flight";
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, List<Entry>> Open = new(StringComparer.Ordinal);

    /// <summary>A write, started at <see cref="Started"/>, that may take locks anywhere below <see cref="Repositories"/>.</summary>
    public sealed record Entry(DateTimeOffset Started, IReadOnlyList<string> Repositories);

    /// <summary>Records a write until the result is disposed.</summary>
    /// <param name="gitDirectory">The clone's common git directory, where the record is kept.</param>
    public static IDisposable Record(string gitDirectory, IReadOnlyList<string> repositories)
    {
        var entry = new Entry(DateTimeOffset.UtcNow, [.. repositories.Select(r => Path.GetFullPath(r))]);
        lock (Gate)
        {
            if (!Open.TryGetValue(gitDirectory, out var entries))
            {
                Open[gitDirectory] = entries = [];
            }

            entries.Add(entry);
            Save(gitDirectory, entries);
        }

        return new Release(gitDirectory, entry);
    }

    /// <summary>Every process's writes recorded in the clone: its own (open), those of other runs, living or killed.</summary>
    public static IReadOnlyList<(ProcessIdentity Writer, Entry Write)> Read(string gitDirectory)
    {
        var folder = Path.Combine(gitDirectory, Folder);
        var result = new List<(ProcessIdentity, Entry)>();
        if (!Directory.Exists(folder))
        {
            return result;
        }

        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (!ProcessIdentity.TryParse(Path.GetFileName(file), out var writer))
            {
                continue;
            }

            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (IOException)
            {
                continue; // removed meanwhile: its writes ended
            }

            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var fields = line.Split('\t');
                if (fields.Length >= 2 && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var started))
                {
                    result.Add((writer, new Entry(DateTimeOffset.FromUnixTimeMilliseconds(started), fields[1..])));
                }
            }
        }

        return result;
    }

    /// <summary>Removes the records of runs that are gone: called once a command has finished all its writes (nothing they
    /// could explain is left in the repositories it wrote to).</summary>
    public static void ForgetDead(string gitDirectory)
    {
        var folder = Path.Combine(gitDirectory, Folder);
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            var temporary = name.EndsWith(".tmp", StringComparison.Ordinal);
            if (ProcessIdentity.TryParse(temporary ? name[..name.IndexOf('-', StringComparison.Ordinal)] : name, out var writer)
                && writer != ProcessIdentity.Current && !writer.IsAlive)
            {
                File.Delete(file);
            }
        }
    }

    private static void Save(string gitDirectory, List<Entry> entries)
    {
        var folder = Path.Combine(gitDirectory, Folder);
        var file = Path.Combine(folder, ProcessIdentity.Current.ToString());
        if (entries.Count == 0)
        {
            File.Delete(file);
            return;
        }

        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            text.Append(entry.Started.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
            foreach (var repository in entry.Repositories)
            {
                text.Append('\t').Append(repository);
            }

            text.Append('\n');
        }

        // Whole or not at all (a kill mid-write leaves the old record and a temporary file named after this process).
        Directory.CreateDirectory(folder);
        var temporary = $"{file}-{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, text.ToString());
        File.Move(temporary, file, overwrite: true);
    }

    private sealed class Release(string gitDirectory, Entry entry) : IDisposable
    {
        public void Dispose()
        {
            lock (Gate)
            {
                if (Open.TryGetValue(gitDirectory, out var entries) && entries.Remove(entry))
                {
                    Save(gitDirectory, entries);
                }
            }
        }
    }
}

using System.Globalization;
using System.Text;
using Slipway.Adapters.Processes;

namespace Slipway.Adapters.Git;

/// <summary>
/// While a git write runs (a commit, a tag, a push, a fetch), a file in `.git/slipway/in-flight/` named after this process says
/// that it is writing in those repositories (the clone, and a remote that is a local path) since that moment. The file goes
/// when the write ends. A run that is killed leaves it behind: the proof <see cref="StaleLock"/> needs to know that a lock
/// found later in one of those repositories is that run's, and that its writer is gone.
/// </summary>
/// <remarks>One file per write, created whole in one write: nothing to rename, and one cut short by a kill (no final newline)
/// is read as no record at all.</remarks>
internal static class InFlightWrites
{
    private const string Folder = "slipway/in-flight";
    private static long sequence;

    /// <summary>A write, started at <see cref="Started"/>, that may take locks anywhere below <see cref="Repositories"/>.</summary>
    public sealed record Entry(DateTimeOffset Started, IReadOnlyList<string> Repositories);

    /// <summary>Records a write until the result is disposed.</summary>
    /// <param name="gitDirectory">The clone's common git directory, where the record is kept.</param>
    public static IDisposable Record(string gitDirectory, IReadOnlyList<string> repositories)
    {
        var folder = Path.Combine(gitDirectory, Folder);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{ProcessIdentity.Current}-{Interlocked.Increment(ref sequence).ToString(CultureInfo.InvariantCulture)}");
        var text = new StringBuilder(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        foreach (var repository in repositories)
        {
            text.Append('\t').Append(Path.GetFullPath(repository));
        }

        File.WriteAllText(file, text.Append('\n').ToString());
        return new Release(file);
    }

    /// <summary>Every write on record in the clone: this process's own, those of other runs, living or killed.</summary>
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
            if (Writer(file) is not { } writer)
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
                continue; // removed meanwhile: its write ended
            }

            var fields = text.EndsWith('\n') ? text[..^1].Split('\t') : [];
            if (fields.Length >= 2 && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var started))
            {
                result.Add((writer, new Entry(DateTimeOffset.FromUnixTimeMilliseconds(started), fields[1..])));
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
            if (Writer(file) is { } writer && writer != ProcessIdentity.Current && !writer.IsAlive)
            {
                File.Delete(file);
            }
        }
    }

    private static ProcessIdentity? Writer(string file)
    {
        var name = Path.GetFileName(file);
        var dash = name.LastIndexOf('-');
        return dash > 0 && ProcessIdentity.TryParse(name[..dash], out var writer) ? writer : null;
    }

    private sealed class Release(string file) : IDisposable
    {
        public void Dispose() => File.Delete(file);
    }
}

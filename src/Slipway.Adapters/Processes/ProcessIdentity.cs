using System.Globalization;

namespace Slipway.Adapters.Processes;

/// <summary>
/// A process as the kernel knows it: its id and when it started (clock ticks since boot, from /proc/PID/stat), so that a
/// recycled id is never taken for the process that had it before. Written into the names of Slipway's temporary files and
/// into its records of writes in flight, and read back to tell a run that is still going from one that was killed.
/// </summary>
public readonly record struct ProcessIdentity(int Id, long StartTicks)
{
    private static readonly Lazy<ProcessIdentity> Self = new(() => Of(Environment.ProcessId) ?? new ProcessIdentity(Environment.ProcessId, 0));

    /// <summary>This process.</summary>
    public static ProcessIdentity Current => Self.Value;

    /// <summary>The process with this id as it is now, or null when there is none (or it has exited and only its zombie is left).</summary>
    public static ProcessIdentity? Of(int id)
    {
        if (!OperatingSystem.IsLinux())
        {
            // No start time to compare where there is no /proc: an id in use counts as the same process (never taken for dead).
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(id);
                return process.HasExited ? null : new ProcessIdentity(id, 0);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        return ProcessTable.Read(id) is { } entry && entry.State != 'Z' && entry.State != 'X' ? new ProcessIdentity(id, entry.StartTicks) : null;
    }

    /// <summary>True while this very process runs: same id, same start.</summary>
    public bool IsAlive => Of(Id) is { } now && (now.StartTicks == StartTicks || now.StartTicks == 0 || StartTicks == 0);

    /// <summary>"id.start", safe in a file name.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id}.{StartTicks}");

    public static bool TryParse(string text, out ProcessIdentity identity)
    {
        identity = default;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0
            || !int.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !long.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            return false;
        }

        identity = new ProcessIdentity(id, start);
        return true;
    }
}

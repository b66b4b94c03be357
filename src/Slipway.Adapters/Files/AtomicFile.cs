using System.Security.Cryptography;
using System.Text;
using Slipway.Adapters.Processes;

namespace Slipway.Adapters.Files;

/// <summary>Reads text files exactly and writes them atomically: a temporary file beside the target, flushed, then renamed over it.</summary>
/// <remarks>A crash or Ctrl-C leaves either the old file or the new one, never half of one; the file's permissions are kept.
/// Ctrl-C removes the temporary file; a kill (SIGKILL, power loss) can leave it, named `.NAME.slipway-PID.START-RANDOM.tmp` after
/// the process that wrote it, and <see cref="IsLeftover"/> knows it for Slipway's own once that process is gone.</remarks>
public static class AtomicFile
{
    private const string Marker = ".slipway-";
    private const string Suffix = ".tmp";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The file's text (UTF-8; a BOM is remembered, not returned), or null when it does not exist.</summary>
    public static async Task<TextFile?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        return new TextFile(Utf8.GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0)), bom);
    }

    public static Task WriteAsync(string path, TextFile content, CancellationToken cancellationToken) =>
        WriteBytesAsync(path, [.. (content.Utf8Bom ? (byte[])[0xEF, 0xBB, 0xBF] : []), .. Utf8.GetBytes(content.Text)], cancellationToken);

    public static async Task WriteBytesAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}{Marker}{ProcessIdentity.Current}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}{Suffix}");
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows() && File.Exists(full))
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(full));
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>
    /// True when <paramref name="path"/> is a temporary file this class wrote and the process that wrote it is gone (killed before it
    /// could rename or remove it): nobody's change, safe to remove. A temporary file of a Slipway that is still running is not one.
    /// Files of versions that did not name the writer (`.NAME.slipway-GUID.tmp`) are leftovers too.
    /// </summary>
    public static bool IsLeftover(string path)
    {
        var name = Path.GetFileName(path);
        var marker = name.LastIndexOf(Marker, StringComparison.Ordinal);
        if (!name.StartsWith('.') || marker <= 1 || !name.EndsWith(Suffix, StringComparison.Ordinal) || marker + Marker.Length > name.Length - Suffix.Length)
        {
            return false;
        }

        var writer = name[(marker + Marker.Length)..^Suffix.Length];
        if (writer.Length == 32 && writer.All(char.IsAsciiHexDigitLower))
        {
            return true;
        }

        var dash = writer.LastIndexOf('-');
        return dash > 0
            && writer[(dash + 1)..] is { Length: 16 } random && random.All(char.IsAsciiHexDigitLower)
            && ProcessIdentity.TryParse(writer[..dash], out var identity)
            && identity != ProcessIdentity.Current
            && !identity.IsAlive;
    }

    /// <summary>
    /// Removes what killed runs left under <paramref name="root"/>: the leftovers beside each of <paramref name="targets"/> and those of
    /// <paramref name="candidates"/> that are leftovers themselves (both relative to the root, e.g. git's untracked files); returns
    /// the removed paths relative to the root.
    /// </summary>
    public static IReadOnlyList<string> RemoveLeftovers(string root, IEnumerable<string> targets, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(candidates);
        var removed = new List<string>();
        foreach (var path in targets)
        {
            removed.AddRange(RemoveLeftovers(Path.Combine(root, path)).Select(p => Path.GetRelativePath(root, p)));
        }

        foreach (var path in candidates)
        {
            var full = Path.Combine(root, path);
            if (IsLeftover(full) && File.Exists(full))
            {
                File.Delete(full);
                removed.Add(path);
            }
        }

        return removed;
    }

    /// <summary>Removes the leftovers of writes to <paramref name="path"/> (its temporary files beside it, see <see cref="IsLeftover"/>); returns their paths.</summary>
    public static IReadOnlyList<string> RemoveLeftovers(string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var removed = new List<string>();
        var prefix = $".{Path.GetFileName(full)}{Marker}";
        foreach (var candidate in Directory.EnumerateFiles(directory))
        {
            if (Path.GetFileName(candidate).StartsWith(prefix, StringComparison.Ordinal) && IsLeftover(candidate))
            {
                File.Delete(candidate);
                removed.Add(candidate);
            }
        }

        return removed;
    }
}

using System.Globalization;
using System.Text;
using Slipway.Core.Commits;

namespace Slipway.Adapters.Git.Objects;

/// <summary>
/// A whole commit object (gitformat-commit) as `git log --format=%H%x00%P%x00%an%x00%ae%x00%aI%x00%B` gives it: parents, the
/// author's name, e-mail and date as git splits the ident line, and the raw message. A commit git would re-encode (an
/// `encoding` header other than UTF-8) or whose author line git would have to guess at is <see cref="NotSupportedException"/>:
/// the caller asks git.
/// </summary>
internal static class CommitReader
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static Commit Read(ObjectId id, ReadOnlySpan<byte> commit)
    {
        var parents = new List<string>(2);
        (string Name, string Email, DateTimeOffset Date)? author = null;
        var rest = commit;
        while (true)
        {
            var end = rest.IndexOf((byte)'\n');
            if (end < 0)
            {
                rest = []; // a commit with no message at all
                break;
            }

            var line = rest[..end];
            rest = rest[(end + 1)..];
            if (line.Length == 0)
            {
                break; // the blank line before the message
            }

            if (line.StartsWith("parent "u8))
            {
                parents.Add(ObjectId.TryParse(line["parent ".Length..], out var parent)
                    ? parent.ToString()
                    : throw new InvalidDataException($"commit {id} has a malformed parent line"));
            }
            else if (line.StartsWith("author "u8))
            {
                author = Ident(line["author ".Length..]) ?? throw new NotSupportedException($"commit {id} has an author line git would have to guess at");
            }
            else if (line.StartsWith("encoding "u8) && !IsUtf8(line["encoding ".Length..]))
            {
                throw new NotSupportedException($"commit {id} is in an encoding git would convert");
            }
        }

        if (author is not { } who)
        {
            throw new NotSupportedException($"commit {id} has no author");
        }

        // %B is the message verbatim, up to a NUL if a hand-made object has one (git prints it as a C string).
        var nul = rest.IndexOf((byte)0);
        var message = Utf8.GetString(nul < 0 ? rest : rest[..nul]);
        return new Commit(id.ToString(), parents, who.Name, who.Email, who.Date, message);
    }

    /// <summary>"Name &lt;email&gt; 1700000000 +0100" split as git's split_ident_line does; null when it has no date and zone.</summary>
    private static (string Name, string Email, DateTimeOffset Date)? Ident(ReadOnlySpan<byte> ident)
    {
        var open = ident.IndexOf((byte)'<');
        if (open < 0)
        {
            return null;
        }

        var close = ident[open..].IndexOf((byte)'>');
        if (close < 0)
        {
            return null;
        }

        var name = ident[..open].TrimEnd(" \t\n\r\f\v"u8);
        var email = ident.Slice(open + 1, close - 1);
        var when = ident[(open + close + 1)..].Trim((byte)' ');
        var space = when.IndexOf((byte)' ');
        if (space <= 0
            || !long.TryParse(when[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || when[(space + 1)..] is not [(byte)'+' or (byte)'-', _, _, _, _] zone
            || !int.TryParse(zone[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm)
            || hhmm % 100 >= 60 || hhmm / 100 > 14
            || seconds > 253_402_300_799) // 9999-12-31: beyond it, DateTimeOffset cannot hold the date
        {
            return null;
        }

        var offset = new TimeSpan(hhmm / 100, hhmm % 100, 0) * (zone[0] == (byte)'-' ? -1 : 1);
        var date = DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(offset);
        return (Utf8.GetString(name), Utf8.GetString(email), date);
    }

    private static bool IsUtf8(ReadOnlySpan<byte> encoding) =>
        Ascii.EqualsIgnoreCase(encoding, "UTF-8"u8) || Ascii.EqualsIgnoreCase(encoding, "utf8"u8);
}

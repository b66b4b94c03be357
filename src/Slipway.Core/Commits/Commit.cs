namespace Slipway.Core.Commits;

/// <summary>A commit as git records it: full SHA, parents, author and the raw message.</summary>
public sealed record Commit(
    string Sha,
    IReadOnlyList<string> Parents,
    string AuthorName,
    string AuthorEmail,
    DateTimeOffset AuthorDate,
    string Message)
{
    public string ShortSha => Sha.Length > 7 ? Sha[..7] : Sha;

    public bool IsMerge => Parents.Count > 1;

    /// <summary>The first line of the message.</summary>
    public string Subject
    {
        get
        {
            var end = Message.IndexOf('\n', StringComparison.Ordinal);
            return (end < 0 ? Message : Message[..end]).TrimEnd('\r').Trim();
        }
    }

    /// <summary>Everything after the subject and the blank line that follows it, trimmed.</summary>
    public string Body
    {
        get
        {
            var end = Message.IndexOf('\n', StringComparison.Ordinal);
            return end < 0 ? string.Empty : Message[(end + 1)..].Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        }
    }
}

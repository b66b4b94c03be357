namespace Slipway.Core.Publishing;

/// <summary>Compares a release as it is on the server with how it must be, field by field: an empty list means nothing to update.</summary>
public static class PublicationChanges
{
    /// <summary>The names of the fields that differ (title, notes, draft, prerelease).</summary>
    public static IReadOnlyList<string> Between(string? title, string? notes, bool draft, bool prerelease, ReleasePublication wanted)
    {
        var changes = new List<string>();
        if (!string.Equals(title ?? string.Empty, wanted.Title, StringComparison.Ordinal))
        {
            changes.Add("title");
        }

        // GitHub stores the body as sent but browsers may have added \r\n when it was edited by hand.
        if (!string.Equals(Normalize(notes), Normalize(wanted.Notes), StringComparison.Ordinal))
        {
            changes.Add("notes");
        }

        if (draft != wanted.Draft)
        {
            changes.Add(wanted.Draft ? "draft" : "published");
        }

        if (prerelease != wanted.Prerelease)
        {
            changes.Add("prerelease");
        }

        return changes;
    }

    private static string Normalize(string? text) => (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
}

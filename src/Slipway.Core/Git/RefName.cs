namespace Slipway.Core.Git;

/// <summary>git's rules for ref names (git check-ref-format), checked before a name from the user ever reaches git.</summary>
public static class RefName
{
    /// <summary>Why <paramref name="name"/> cannot be a branch or tag name, or null when it can.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "it is empty";
        }

        if (name.StartsWith('-'))
        {
            return "it starts with '-' (git would read it as an option)";
        }

        if (name == "@")
        {
            return "'@' alone is not allowed";
        }

        if (name.StartsWith('/') || name.EndsWith('/') || name.Contains("//", StringComparison.Ordinal))
        {
            return "it starts or ends with '/', or has an empty part between slashes";
        }

        if (name.EndsWith('.'))
        {
            return "it ends with '.'";
        }

        if (name.Contains("..", StringComparison.Ordinal))
        {
            return "it contains '..'";
        }

        if (name.Contains("@{", StringComparison.Ordinal))
        {
            return "it contains '@{'";
        }

        foreach (var ch in name)
        {
            if (ch < 0x20 || ch == 0x7f)
            {
                return "it contains a control character (newline, tab, ...)";
            }

            if (ch is ' ' or '~' or '^' or ':' or '?' or '*' or '[' or '\\')
            {
                return $"it contains '{ch}'";
            }
        }

        foreach (var component in name.Split('/'))
        {
            if (component.StartsWith('.'))
            {
                return "a part of it starts with '.'";
            }

            if (component.EndsWith(".lock", StringComparison.Ordinal))
            {
                return "a part of it ends with '.lock'";
            }
        }

        return null;
    }

    public static bool IsValid(string name) => Problem(name) is null;
}

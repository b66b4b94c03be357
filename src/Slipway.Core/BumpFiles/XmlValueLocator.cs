using System.Text.RegularExpressions;

namespace Slipway.Core.BumpFiles;

/// <summary>Finds the text of the first &lt;Version&gt; element (or another element name) outside comments, as in a .csproj or Directory.Build.props.</summary>
internal static class XmlValueLocator
{
    public static ValueSpan? Find(string text, string element)
    {
        var comments = Regex.Matches(text, "<!--.*?-->", RegexOptions.Singleline, TimeSpan.FromSeconds(2));
        var name = Regex.Escape(element);
        foreach (Match match in Regex.Matches(text, $@"<{name}(\s[^>]*)?>([^<]*)</{name}\s*>", RegexOptions.None, TimeSpan.FromSeconds(2)))
        {
            if (comments.Any(c => match.Index >= c.Index && match.Index < c.Index + c.Length))
            {
                continue;
            }

            var value = match.Groups[2];
            var inner = value.Value;
            var lead = inner.Length - inner.TrimStart().Length;
            var length = inner.Trim().Length;
            return length == 0 ? null : new ValueSpan(value.Index + lead, length);
        }

        return null;
    }
}

using System.Text.RegularExpressions;
using Slipway.Core.BumpFiles;
using Slipway.Core.Deployments;

namespace Slipway.Core.GitOps;

/// <summary>
/// Flux's image-policy setter markers: a line ending in `# {"$imagepolicy": "NAMESPACE:NAME"}` holds the full image reference,
/// `…:NAME:tag` the tag, `…:NAME:digest` the digest, `…:NAME:name` the image name (left as it is).
/// </summary>
internal static partial class FluxSetters
{
    public static List<TextChange> Changes(GitOpsTarget target, string text, string policy, CommandValues values)
    {
        var changes = new List<TextChange>();
        foreach (var (field, span) in Markers(text, policy))
        {
            var now = text.Substring(span.Start, span.Length);
            string? value = field switch
            {
                "" => ImageName(now) + ":" + values.Tag + (values.Digest is { } d ? "@" + d : string.Empty),
                "tag" => values.Tag,
                "digest" => values.Digest ?? throw GitOpsFileEditor.Missing(target, $"a {policy}:digest setter is in it, and the digest of {values.Version} is not known",
                    "configure image: in slipway.yml so the digest is looked up (or pass --image-digest), or remove that marker"),
                _ => null,
            };
            if (value is not null)
            {
                changes.Add(GitOpsFileEditor.Replace(text, span, value));
            }
        }

        return changes.Count > 0 ? changes : throw GitOpsFileEditor.Missing(target, $"no line has the setter marker # {{\"$imagepolicy\": \"{policy}\"}} (or :tag)",
            $"add the marker to the line that holds the image in {target.File}, or fix gitops.flux.policy in slipway.yml");
    }

    /// <summary>The marked values, named by field and order ("tag#0", "#1"), for a revert to match.</summary>
    public static IEnumerable<(string Name, ValueSpan Span)> Locate(string text, string policy) =>
        Markers(text, policy).Select((m, i) => ($"{m.Field}#{i}", m.Span));

    private static List<(string Field, ValueSpan Span)> Markers(string text, string policy)
    {
        var found = new List<(string, ValueSpan)>();
        foreach (var (start, line) in TextLines.Split(text))
        {
            var marker = Marker().Match(line);
            if (!marker.Success)
            {
                continue;
            }

            var reference = marker.Groups["ref"].Value;
            var field = reference == policy ? string.Empty
                : reference.StartsWith(policy + ":", StringComparison.Ordinal) ? reference[(policy.Length + 1)..]
                : null;
            if (field is null || ValueOf(line[..marker.Index]) is not { } value)
            {
                continue;
            }

            found.Add((field, new ValueSpan(start + value.Offset, value.Length)));
        }

        return found;
    }

    /// <summary>The value on a line (before its comment): after `- ` and `key:` when there are.</summary>
    private static (int Offset, int Length)? ValueOf(string line)
    {
        var at = line.Length - line.TrimStart(' ').Length;
        if (line.AsSpan(at).StartsWith("- "))
        {
            at += 2;
        }

        var key = Key().Match(line, at);
        if (key.Success)
        {
            at = key.Index + key.Length;
        }

        return TextLines.QuotedOrPlain(line + " #", at, allowPlain: true);
    }

    /// <summary>The image name of a reference: without @digest and without the :tag after the last '/'.</summary>
    private static string ImageName(string reference)
    {
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        var name = at < 0 ? reference : reference[..at];
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name[..colon] : name;
    }

    [GeneratedRegex(@"#\s*\{\s*""\$imagepolicy""\s*:\s*""(?<ref>[^""]+)""\s*\}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\G(""[^""]*""|'[^']*'|[^\s:#'""][^:#]*?)\s*:(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Key();
}

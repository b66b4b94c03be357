using Slipway.Core.BumpFiles;
using Slipway.Core.Deployments;

namespace Slipway.Core.GitOps;

/// <summary>A kustomization's top-level `images:` list (block style): the entry with `name: IMAGE`, its `newTag` and `digest`.</summary>
internal static class KustomizeImages
{
    public static List<TextChange> Changes(GitOpsTarget target, string text, string image, CommandValues values)
    {
        var entry = Entries(text).FirstOrDefault(e => e.Value(text, "name") == image)
            ?? throw GitOpsFileEditor.Missing(target, $"no images: entry has name: {image}",
                $"add `- name: {image}` with newTag: under images: in {target.File}, or fix gitops.kustomize.image in slipway.yml");
        var changes = new List<TextChange> { Set(text, entry, "newTag", values.Tag) };
        if (values.Digest is { } digest)
        {
            changes.Add(Set(text, entry, "digest", digest));
        }
        else if (entry.Keys.ContainsKey("digest"))
        {
            throw GitOpsFileEditor.Missing(target, $"images[name={image}] pins a digest, and the digest of {values.Version} is not known",
                "configure image: in slipway.yml so the digest is looked up (or pass --image-digest), or remove digest: from the entry");
        }

        return changes;
    }

    public static IEnumerable<(string Name, ValueSpan Span)> Locate(string text, string image)
    {
        var entry = Entries(text).FirstOrDefault(e => e.Value(text, "name") == image);
        return entry is null ? [] : entry.Keys.Where(k => k.Key is "newTag" or "digest").Select(k => (k.Key, k.Value.Span));
    }

    /// <summary>The key's value replaced, or a line `KEY: VALUE` added after the name line, at the entry's key indent.</summary>
    private static TextChange Set(string text, Entry entry, string key, string value)
    {
        if (entry.Keys.TryGetValue(key, out var found))
        {
            return GitOpsFileEditor.Replace(text, found.Span, value);
        }

        var name = entry.Keys["name"];
        var lineEnd = text.IndexOf('\n', name.Span.Start);
        var newline = lineEnd > 0 && text[lineEnd - 1] == '\r' ? "\r\n" : "\n";
        var line = new string(' ', entry.KeyIndent) + $"{key}: {value}";
        return lineEnd < 0 ? new TextChange(text.Length, 0, newline + line) : new TextChange(lineEnd + 1, 0, line + newline);
    }

    private static List<Entry> Entries(string text)
    {
        var entries = new List<Entry>();
        var inImages = false;
        var dashIndent = -1;
        Entry? entry = null;
        foreach (var (start, line) in TextLines.Split(text))
        {
            var trimmed = line.TrimStart(' ');
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var indent = line.Length - trimmed.Length;
            if (!inImages)
            {
                inImages = indent == 0 && KeyAt(line, 0) is { Key: "images" } images && TextLines.QuotedOrPlain(line, images.ValueAt, allowPlain: true) is null;
                continue;
            }

            var isItem = trimmed == "-" || trimmed.StartsWith("- ", StringComparison.Ordinal);
            if (indent == 0 && !isItem)
            {
                break; // the next top-level key
            }

            if (isItem && (dashIndent < 0 || indent == dashIndent))
            {
                dashIndent = indent;
                var keyAt = indent + 1;
                while (keyAt < line.Length && line[keyAt] == ' ')
                {
                    keyAt++;
                }

                entry = new Entry(keyAt);
                entries.Add(entry);
                Read(entry, start, line, keyAt);
            }
            else if (entry is not null && indent == entry.KeyIndent)
            {
                Read(entry, start, line, indent);
            }
            else if (indent <= dashIndent)
            {
                break;
            }
        }

        return entries;
    }

    private static void Read(Entry entry, int lineStart, string line, int at)
    {
        if (KeyAt(line, at) is { } key && TextLines.QuotedOrPlain(line, key.ValueAt, allowPlain: true) is { } value)
        {
            entry.Keys.TryAdd(key.Key, (new ValueSpan(lineStart + value.Offset, value.Length), lineStart));
        }
    }

    /// <summary>A plain `key:` at <paramref name="at"/>, and where its value may start.</summary>
    private static (string Key, int ValueAt)? KeyAt(string line, int at)
    {
        var colon = line.IndexOf(':', at);
        while (colon >= 0 && colon + 1 < line.Length && line[colon + 1] is not (' ' or '\t'))
        {
            colon = line.IndexOf(':', colon + 1);
        }

        if (colon <= at)
        {
            return null;
        }

        var key = line[at..colon].TrimEnd();
        return key.Length == 0 || key.Contains(' ', StringComparison.Ordinal) || key.StartsWith('#') ? null : (key, colon + 1);
    }

    private sealed class Entry(int keyIndent)
    {
        public int KeyIndent { get; } = keyIndent;

        public Dictionary<string, (ValueSpan Span, int LineStart)> Keys { get; } = new(StringComparer.Ordinal);

        public string? Value(string text, string key) => Keys.TryGetValue(key, out var v) ? text.Substring(v.Span.Start, v.Span.Length) : null;
    }
}

using Slipway.Core.BumpFiles;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;
using Slipway.Core.Rollouts;

namespace Slipway.Core.GitOps;

/// <summary>
/// Writes a version into a GitOps file by editing only the values' characters (and, for a kustomization entry without
/// newTag or digest, adding that one line): comments, order, quoting and layout stay, as bump_files does.
/// </summary>
public static class GitOpsFileEditor
{
    /// <summary>The text with the version written where the edit says (unchanged when it already holds it).</summary>
    /// <exception cref="SlipwayException">The path, image entry or marker is not in the file (exit 2, naming file and key).</exception>
    public static string Apply(GitOpsTarget target, string text, CommandValues values)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        var edit = target.Edit;
        List<TextChange> changes;
        if (edit.Set is { } set)
        {
            changes = [];
            foreach (var (key, template) in set)
            {
                var span = YamlValueLocator.Find(text, key) ?? throw Missing(target, $"there is no {key} in it", $"add {key}: to {target.File}, or fix gitops.set in slipway.yml");
                changes.Add(Replace(text, span, CommandDeploy.Expand([template], values)[0]));
            }
        }
        else if (edit.KustomizeImage is { } image)
        {
            changes = KustomizeImages.Changes(target, text, image, values);
        }
        else
        {
            changes = FluxSetters.Changes(target, text, edit.FluxPolicy!, values);
        }

        return Write(text, changes);
    }

    /// <summary>
    /// A canary rollout's move written into a values file: the stable Deployment's image as set: writes a version, then the
    /// canary's values (rollout.canary_values' keys). The weight and image keys must be in the file; the digest key is written
    /// when the file has it (emptied when the canary's digest is not known, so an older canary's digest cannot stay).
    /// </summary>
    /// <exception cref="SlipwayException">A key is not in the file (exit 2, naming file and key).</exception>
    public static string Apply(GitOpsTarget target, string text, RolloutValues values, CanaryValues keys, string environment)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(keys);
        var stable = values.Stable;
        text = Apply(target, text, new CommandValues(stable.Version, stable.Tag, stable.Digest, environment));
        var set = values.Canary.Select(v => (v.Key, v.Value)).ToList();
        if (set.Any(v => v.Key == keys.ImageKey) && set.All(v => v.Key != keys.DigestKey))
        {
            set.Add((keys.DigestKey, string.Empty));
        }

        var changes = new List<TextChange>();
        foreach (var (key, value) in set)
        {
            if (YamlValueLocator.Find(text, key) is { } span)
            {
                changes.Add(Replace(text, span, value));
            }
            else if (key != keys.DigestKey)
            {
                throw Missing(target, $"there is no {key} in it", $"add {key}: to {target.File} (the canary's value), or fix rollout.canary_values in slipway.yml");
            }
        }

        return Write(text, changes);
    }

    /// <summary>
    /// The revert of a version change: where <paramref name="current"/> still holds what the change (<paramref name="before"/> →
    /// <paramref name="after"/>) wrote, the value before it is written back. Null when nothing is left to revert.
    /// </summary>
    public static string? Revert(GitOpsTarget target, string current, string before, string after)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(current);
        var was = Values(target, before);
        var wrote = Values(target, after);
        var changes = new List<TextChange>();
        foreach (var (name, span) in Locate(target, current))
        {
            var now = current.Substring(span.Start, span.Length);
            if (wrote.TryGetValue(name, out var written) && was.TryGetValue(name, out var old) && now == written && old != written)
            {
                changes.Add(Replace(current, span, old));
            }
        }

        return changes.Count == 0 ? null : Write(current, changes);
    }

    /// <summary>The values the edit sets as the file holds them now, by name.</summary>
    public static IReadOnlyDictionary<string, string> Values(GitOpsTarget target, string text)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(text);
        return Locate(target, text).GroupBy(f => f.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => text.Substring(g.First().Span.Start, g.First().Span.Length), StringComparer.Ordinal);
    }

    private static IEnumerable<(string Name, ValueSpan Span)> Locate(GitOpsTarget target, string text)
    {
        var edit = target.Edit;
        if (edit.Set is { } set)
        {
            return set.Select(s => (s.Key, YamlValueLocator.Find(text, s.Key))).Where(f => f.Item2 is not null).Select(f => (f.Key, f.Item2!.Value));
        }

        return edit.KustomizeImage is { } image ? KustomizeImages.Locate(text, image) : FluxSetters.Locate(text, edit.FluxPolicy!);
    }

    internal static SlipwayException Missing(GitOpsTarget target, string what, string fix) =>
        new(SlipwayError.Usage($"gitops: {target.File}: {what}", fix));

    /// <summary>A value written over a span; an empty value in a plain (unquoted) span is written "" so it stays a string.</summary>
    internal static TextChange Replace(string text, ValueSpan span, string value)
    {
        var quoted = span.Start > 0 && text[span.Start - 1] is '"' or '\'';
        return new TextChange(span.Start, span.Length, value.Length == 0 && !quoted ? "\"\"" : value);
    }

    private static string Write(string text, List<TextChange> changes)
    {
        foreach (var change in changes.OrderByDescending(c => c.Start))
        {
            text = text[..change.Start] + change.Text + text[(change.Start + change.Length)..];
        }

        return text;
    }
}

/// <summary>Characters of a text replaced (Length 0: inserted) at Start.</summary>
internal readonly record struct TextChange(int Start, int Length, string Text);

using Slipway.Core.Errors;

namespace Slipway.Core.Images;

/// <summary>The names metadata-action's expressions can use ({{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{date}}, …) for one build.</summary>
internal static class ExpressionScope
{
    public const int ShortShaLength = 7;

    public static IReadOnlyDictionary<string, TemplateHelper> For(ImageBuildContext context)
    {
        var isDefault = IsDefaultBranch(context) ? "true" : "false";
        return new Dictionary<string, TemplateHelper>(StringComparer.Ordinal)
        {
            ["branch"] = (_, _) => Branch(context),
            ["tag"] = (_, _) => context.RefTag ?? string.Empty,
            ["sha"] = (_, _) => ShortSha(context.Sha),
            ["base_ref"] = (_, _) => BaseRef(context),
            ["is_default_branch"] = (_, _) => isDefault,
            ["is_not_default_branch"] = (_, _) => isDefault == "true" ? "false" : "true",
            ["date"] = (args, options) => Date(context.Now, args, options),
            ["commit_date"] = (args, options) => Date(context.CommitDate ?? context.Now, args, options),
        };
    }

    public static string ShortSha(string sha) => sha.Length > ShortShaLength ? sha[..ShortShaLength] : sha;

    /// <summary>{{branch}}: the branch of a branch ref; on a tag ref, the release branch that contains the tag; on a pull request, its source branch (metadata-action: empty for both).</summary>
    public static string Branch(ImageBuildContext context) =>
        context.RefBranch
        ?? (context.RefTag is not null ? context.TagBranch : null)
        ?? (context.IsPullRequest ? context.HeadRef : null)
        ?? string.Empty;

    /// <summary>Whether the build's branch (for a tag, the release branch containing it) is the default branch.</summary>
    public static bool IsDefaultBranch(ImageBuildContext context)
    {
        var branch = context.RefTag is not null && context.TagBranch is not null
            ? context.TagBranch
            : context.Ref.StartsWith("refs/heads/", StringComparison.Ordinal) ? context.Ref["refs/heads/".Length..] : context.Ref;
        if (branch.Length == 0)
        {
            return false;
        }

        if (context.EventDefaultBranch == branch)
        {
            return true;
        }

        // These events always run on the default branch's last commit (metadata-action tests the name loosely, so do we).
        var name = context.EventName;
        return name.Contains("create", StringComparison.Ordinal) || name.Contains("discussion", StringComparison.Ordinal)
            || name.Contains("issues", StringComparison.Ordinal) || name.Contains("schedule", StringComparison.Ordinal);
    }

    private static string BaseRef(ImageBuildContext context)
    {
        if (context.BaseRef is null)
        {
            return string.Empty;
        }

        if (context.RefTag is not null)
        {
            return context.BaseRef.StartsWith("refs/heads/", StringComparison.Ordinal) ? context.BaseRef["refs/heads/".Length..] : context.BaseRef;
        }

        return context.IsPullRequest ? context.BaseRef : string.Empty;
    }

    private static string Date(DateTimeOffset instant, IReadOnlyList<string?> args, IReadOnlyDictionary<string, string?> options)
    {
        string? zone = null;
        foreach (var (key, value) in options)
        {
            zone = key == "tz"
                ? value
                : throw new SlipwayException(SlipwayError.Usage($"date expression: unknown {key} attribute", "only tz='Area/City' is accepted"));
        }

        return MomentFormat.Format(instant, args.Count > 0 ? args[0] : null, zone);
    }
}

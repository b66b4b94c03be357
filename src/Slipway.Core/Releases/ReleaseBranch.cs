using Slipway.Core.Configuration;
using Slipway.Core.Versioning;

namespace Slipway.Core.Releases;

/// <summary>
/// The branch a release is cut from, as `branch:` makes it: a release branch, a maintenance line (it releases only within
/// <see cref="Line"/>) or a prerelease branch (its versions get <see cref="PrereleaseId"/>).
/// </summary>
/// <param name="Name">The branch's name (release-4.1).</param>
/// <param name="Pattern">The `branch:` entry that matched it (release-*).</param>
public sealed record ReleaseBranch(string Name, string Pattern, VersionRange? Line, string? PrereleaseId)
{
    /// <summary>
    /// A release branch (no line, no prerelease) beside others that release too (`release-*`, `1.x`): the versions up to the
    /// highest one released on any of them are theirs, and this branch releases above them (<see cref="MaintenanceLine.AboveOtherLines"/>).
    /// </summary>
    public bool AboveOtherLines { get; init; }

    /// <summary>Branch names that are prerelease branches without saying so; `prerelease: false` makes one a release branch.</summary>
    public static readonly IReadOnlySet<string> PrereleaseNames = new HashSet<string>(["alpha", "beta", "rc", "next"], StringComparer.Ordinal);

    /// <summary>The first entry of <paramref name="rules"/> that matches <paramref name="branch"/>, as what it releases; null when none does (or HEAD is detached).</summary>
    public static ReleaseBranch? Match(IReadOnlyList<BranchRule> rules, string? branch)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (branch is null)
        {
            return null;
        }

        foreach (var rule in rules)
        {
            if (!BranchPattern.Matches(rule.Pattern, branch))
            {
                continue;
            }

            var prerelease = rule.PrereleaseSet ? rule.Prerelease : PrereleaseNames.Contains(branch) ? branch : null;
            // A prerelease branch's name is its channel, not a line: only an explicit range bounds it.
            var line = rule.Range ?? (prerelease is null ? VersionRange.OfBranch(branch) : null);
            return new ReleaseBranch(branch, rule.Pattern, line, prerelease)
            {
                AboveOtherLines = line is null && prerelease is null && rules.Any(r => r != rule && !IsPrerelease(r)),
            };
        }

        return null;
    }

    /// <summary>
    /// The repository's main release branch (image tags' default branch, the branch `git switch` is told to): the first entry
    /// that is a plain name, no line and no prerelease branch; else the first plain name; else main.
    /// </summary>
    public static string Main(IReadOnlyList<BranchRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            if (!BranchPattern.IsGlob(rule.Pattern) && rule.Range is null && !IsPrerelease(rule)
                && VersionRange.OfBranch(rule.Pattern) is null)
            {
                return rule.Pattern;
            }
        }

        return rules.FirstOrDefault(r => !BranchPattern.IsGlob(r.Pattern))?.Pattern ?? "main";
    }

    private static bool IsPrerelease(BranchRule rule) => rule.PrereleaseSet ? rule.Prerelease is not null : PrereleaseNames.Contains(rule.Pattern);

    /// <summary>The entries as slipway.yml lists them, for messages: "main, release-*".</summary>
    public static string Describe(IReadOnlyList<BranchRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return string.Join(", ", rules.Select(r => r.Pattern));
    }

    /// <summary>What the branch is, for plan and messages: "release-4.1, the maintenance line >=4.1.0 &lt;4.2.0".</summary>
    public override string ToString() => (Line, PrereleaseId) switch
    {
        ({ } line, { } id) => $"{Name}, the {id} prereleases of the line {line}",
        ({ } line, null) => $"{Name}, the maintenance line {line}",
        (null, { } id) => $"{Name}, the prerelease branch ({id})",
        _ => Name,
    };
}

using Slipway.Core.Configuration;
using Slipway.Core.Releases;

namespace Slipway.Core.Images;

/// <summary>The branch a tagged commit was released from, for `{{branch}}` on a tag push (metadata-action leaves it empty there).</summary>
public static class TagBranch
{
    /// <summary>
    /// The configured release branch when it contains the commit (locally or on a remote), else the first branch that does,
    /// else <paramref name="fallback"/> (the event's base_ref).
    /// </summary>
    /// <param name="containing">Ref names that contain the commit: refs/heads/NAME and refs/remotes/REMOTE/NAME.</param>
    public static string? Choose(IEnumerable<string> containing, string releaseBranch, string? fallback) =>
        Choose(containing, [new BranchRule(releaseBranch)], fallback);

    /// <summary>
    /// The main release branch when it contains the commit, else the first containing branch that `branch:` lists (release-4.1
    /// for a maintenance release), else the first branch that does, else <paramref name="fallback"/>.
    /// </summary>
    public static string? Choose(IEnumerable<string> containing, IReadOnlyList<BranchRule> rules, string? fallback)
    {
        ArgumentNullException.ThrowIfNull(containing);
        ArgumentNullException.ThrowIfNull(rules);
        var releaseBranch = ReleaseBranch.Main(rules);
        var branches = containing
            .Select(r => r.StartsWith("refs/heads/", StringComparison.Ordinal) ? r["refs/heads/".Length..]
                : r.Split('/', 4) is ["refs", "remotes", _, var name] ? name : null)
            .Where(b => b is not null and not "HEAD")
            .Select(b => b!)
            .ToList();
        return branches.Contains(releaseBranch) ? releaseBranch
            : branches.FirstOrDefault(b => ReleaseBranch.Match(rules, b) is not null) ?? branches.FirstOrDefault() ?? fallback;
    }
}

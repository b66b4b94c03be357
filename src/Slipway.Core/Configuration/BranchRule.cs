using Slipway.Core.Versioning;

namespace Slipway.Core.Configuration;

/// <summary>One entry of `branch:`: a branch name or glob, and what releases from the branches it matches are.</summary>
/// <param name="Pattern">A name (main) or a glob (release-*, +([0-9]).x): see <see cref="Releases.BranchPattern"/>.</param>
/// <param name="Range">`range:`, the versions the branch may release; null: the range its name denotes (1.x, release-4.1), if any.</param>
/// <param name="Prerelease">`prerelease:`, the identifier its versions get (rc gives 1.3.0-rc.1); null: none, or its name for alpha, beta, rc, next.</param>
/// <param name="PrereleaseSet">False when `prerelease:` is not written (the name decides), true when it is (false written keeps next a release branch).</param>
public sealed record BranchRule(string Pattern, VersionRange? Range = null, string? Prerelease = null, bool PrereleaseSet = false);

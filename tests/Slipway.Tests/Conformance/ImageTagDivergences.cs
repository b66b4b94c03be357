namespace Slipway.Tests.Conformance;

/// <summary>Where our rules deliberately differ from metadata-action on its own test cases, with the reason and our output.</summary>
internal static class ImageTagDivergences
{
    private const string PrereleaseNoLatest =
        "v2.0.8-beta.67 is a prerelease: it never takes latest (metadata-action's latest=auto gives latest to any tag a match rule reads)";

    private const string NotAVersion =
        "the tag (release1, 20200110-RC2, p1/v1.0.0) is not a version, so there is nothing to order it by and no release to protect: latest=auto keeps metadata-action's rule";

    public sealed record Divergence(string Reason, IReadOnlyList<string> OurTags);

    /// <summary>Cases of `cases` where our output differs, asserted to still differ and to be exactly ours.</summary>
    public static readonly IReadOnlyDictionary<string, Divergence> Kept = new Dictionary<string, Divergence>(StringComparer.Ordinal)
    {
        ["tag/tag20"] = new(
            "{{is_default_branch}} on a tag push is decided by the release branch that contains the tag (here master, the payload's base_ref), "
            + "so enable={{is_default_branch}} is true; metadata-action compares the tag ref with the default branch and drops defbranch-foo",
            ["org/app:v1.1.1-860c190-foo", "org/app:master-foo", "org/app:defbranch-foo", "ghcr.io/user/app:v1.1.1-860c190-foo", "ghcr.io/user/app:master-foo", "ghcr.io/user/app:defbranch-foo"]),
        ["tag/tag07"] = new(PrereleaseNoLatest, ["org/app:2.0.8-beta.67", "ghcr.io/user/app:2.0.8-beta.67"]),
        ["tag/tag08"] = new(PrereleaseNoLatest, ["org/app:2.0", "ghcr.io/user/app:2.0"]),
        ["tag/tag09"] = new(PrereleaseNoLatest, ["org/app:2.0.8", "org/app:67", "ghcr.io/user/app:2.0.8", "ghcr.io/user/app:67"]),
        ["latest/latest06"] = new(PrereleaseNoLatest, ["org/app:2.0.8", "ghcr.io/user/app:2.0.8"]),
        ["latest/latest10"] = new(PrereleaseNoLatest, ["2.0.8"]),
        ["tag/tag32"] = new(
            "a prerelease gets only its exact tag: {{raw}} gives v1.2.3rc2, and the floating {{major}}.{{minor}} rule adds nothing; "
            + "metadata-action renders it as a second spelling, 1.2.3rc2",
            ["org/app:v1.2.3rc2", "ghcr.io/user/app:v1.2.3rc2"]),
    };

    /// <summary>Older-release scenarios where the file's proposed output is wrong by our rules, with our output.</summary>
    public static readonly IReadOnlyDictionary<string, Divergence> ScenarioCorrections = new Dictionary<string, Divergence>(StringComparer.Ordinal)
    {
    };

    /// <summary>Candidates the file's `divergences` names that we checked and do NOT keep: our output equals metadata-action's there.</summary>
    public static readonly IReadOnlyDictionary<string, string> Rejected = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["release/release02"] = "the release event's payload has no base_ref, so no release branch is known: {{base_ref}} stays empty and {{is_default_branch}} false, as in metadata-action",
        ["tag/tag16"] = "type=edge applies to branch refs only; the release branch of a tag push does not make it an edge build",
        ["tag/tag01"] = NotAVersion,
        ["tag/tag02"] = NotAVersion,
        ["latest/latest01"] = NotAVersion,
        ["latest/latest02"] = NotAVersion,
        ["latest/latest03"] = NotAVersion,
        ["raw/raw03"] = NotAVersion,
        ["tag/tag17"] = NotAVersion,
        ["tag/tag18"] = NotAVersion,
        ["tag/tag19"] = NotAVersion,
        ["null/null02"] = "with no ref no branch can be resolved, so {{branch}} is empty and type=raw,{{branch}} gives no tag",
    };
}

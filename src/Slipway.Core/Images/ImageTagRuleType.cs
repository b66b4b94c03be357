namespace Slipway.Core.Images;

/// <summary>The kinds of tag rule docker/metadata-action knows (its `type=` attribute).</summary>
public enum ImageTagRuleType
{
    /// <summary>A tag for scheduled builds (default pattern `nightly`).</summary>
    Schedule,

    /// <summary>Tags from a SemVer version (the tag pushed, or `value=`).</summary>
    Semver,

    /// <summary>Tags from a PEP 440 version.</summary>
    Pep440,

    /// <summary>A group of a regular expression matched against the tag pushed (or `value=`).</summary>
    Match,

    /// <summary>`edge` for builds of the default branch (or `branch=`).</summary>
    Edge,

    /// <summary>The branch, tag or pull request number of the ref (`event=branch|tag|pr`).</summary>
    Ref,

    /// <summary>A literal value, with expressions.</summary>
    Raw,

    /// <summary>The commit sha (`format=short|long`, default prefix `sha-`).</summary>
    Sha,
}

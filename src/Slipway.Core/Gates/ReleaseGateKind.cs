namespace Slipway.Core.Gates;

/// <summary>What a release gate checks: one of the built-in checks, or the user's own command.</summary>
public enum ReleaseGateKind
{
    /// <summary>`ci_green`: the check runs and commit statuses of the commit being released all succeeded on GitHub.</summary>
    CiGreen,

    /// <summary>`breaking_documented`: every breaking change in the range is explained (note text, CHANGELOG.md, a migration guide).</summary>
    BreakingDocumented,

    /// <summary>`reviewed`: every commit in the range reached the branch through a merged, approved pull request.</summary>
    Reviewed,

    /// <summary>`{name, run: [...]}`: a command that must exit 0, like an environment's gates.</summary>
    Command,
}

namespace Slipway.Core.Configuration;

/// <summary>How `release` and `plan` choose the bump when none is given on the command line.</summary>
public enum BumpStrategy
{
    /// <summary>Patch, unless the command line says otherwise (the seed's default).</summary>
    Manual,

    /// <summary>From the Conventional Commits since the last release.</summary>
    Conventional,
}

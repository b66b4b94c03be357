namespace Slipway.Core.Versioning;

/// <summary>
/// Where HEAD stands: the highest version tag reachable from it (<see cref="Latest"/>, which may be a
/// prerelease) and the highest reachable release without prerelease (<see cref="LatestStable"/>).
/// </summary>
/// <remarks>
/// The rule for prereleases: a stable bump starts from <see cref="LatestStable"/>, so 1.3.0-rc.2 is not
/// the base of a patch after 1.2.5 (that gives 1.2.6) while a minor gives 1.3.0, the version the
/// release candidates were for. A prerelease bump (--pre rc) computes the same target and then
/// numbers the candidate after the highest existing one for that target (1.3.0-rc.3).
/// </remarks>
public sealed record ReleaseLine(VersionTag? Latest, VersionTag? LatestStable)
{
    public static readonly ReleaseLine Empty = new(null, null);
}

using Slipway.Core.Configuration;
using Slipway.Core.Releases;

namespace Slipway.Core.Packages;

/// <summary>One package's release plan.</summary>
public sealed record PackagePlan(PackageConfig Package, ReleasePlan Plan)
{
    public string Name => Package.Name;

    /// <summary>Part of the release: a version to cut, or one on HEAD a re-run finishes.</summary>
    public bool Releases => Plan.Status is ReleaseStatus.Ready || (Plan.Status is ReleaseStatus.AlreadyTagged && Plan.TagExistsAtHead);
}

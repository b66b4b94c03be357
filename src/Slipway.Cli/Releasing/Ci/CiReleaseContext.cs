using Slipway.Adapters.Workspace;
using Slipway.Cli.Notifying;
using Slipway.Cli.Output;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Releasing.Ci;

/// <summary>What every `ci release` step sees: the repository, the version and its tag, the terminal; and what the steps found, for the outputs and summary.</summary>
public sealed class CiReleaseContext(Workspace repository, VersionTag release, Terminal terminal)
{
    public Workspace Repository { get; } = repository;

    /// <summary>The version, its tag and the tag's commit.</summary>
    public VersionTag Release { get; } = release;

    public Terminal Terminal { get; } = terminal;

    public SemanticVersion Version => Release.Version;

    public string Tag => Release.Name;

    /// <summary>The version's image tags, as the image step found or made them.</summary>
    public IReadOnlyList<string> ImageTags { get; set; } = [];

    public string? ImageDigest { get; set; }

    /// <summary>The image scan's verdict, when image.scan is configured and the scan step ran.</summary>
    public Slipway.Core.Security.ScanVerdict? ImageScan { get; set; }

    /// <summary>slipway.yml's notifiers, told when this run publishes the GitHub release (deployments announce their own ledger records).</summary>
    public CommandNotifications Notifications { get; init; } = CommandNotifications.None;

    /// <summary>The GitHub release's page, as the publish step found or made it.</summary>
    public string? ReleaseUrl { get; set; }
}

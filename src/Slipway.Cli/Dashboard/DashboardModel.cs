using Slipway.Core.Changelog;
using Slipway.Core.Deployments;
using Slipway.Core.Metrics;

namespace Slipway.Cli.Dashboard;

/// <summary>Everything the release page shows, read once: what runs where, the promotion path, each environment's recent attempts, the metrics, the versions' changelogs.</summary>
public sealed record DashboardModel
{
    /// <summary>The repository's name (owner/name on GitHub, else its folder).</summary>
    public required string Repository { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    public required PromotionPath Path { get; init; }

    /// <summary>In the promotion path's order.</summary>
    public required IReadOnlyList<EnvironmentPanel> Environments { get; init; }

    /// <summary>The metrics of the chosen environment (the last of the promotion path by default).</summary>
    public required DeliveryReport Metrics { get; init; }

    /// <summary>The changelog of each version the page names whose tag is in the repository, by version.</summary>
    public required IReadOnlyDictionary<string, ChangelogRelease> Changelogs { get; init; }

    /// <summary>Versions the page names whose tag is not in the repository (deleted, or never fetched here).</summary>
    public required IReadOnlySet<string> MissingTags { get; init; }

    /// <summary>Attempts not pushed to the remote yet (ids).</summary>
    public IReadOnlySet<string> Pending { get; init; } = new HashSet<string>();

    public bool NothingDeployed => Environments.All(e => e.TotalAttempts == 0);
}

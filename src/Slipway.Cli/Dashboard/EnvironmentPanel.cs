using Slipway.Core.Deployments;

namespace Slipway.Cli.Dashboard;

/// <summary>One environment on the page: what runs there, its newest attempts, and how many attempts of each outcome each day of the window had.</summary>
/// <param name="Recent">The newest attempts, newest first (at most <see cref="DashboardReader.RecentAttempts"/>).</param>
/// <param name="Days">One entry per day of the metrics window, oldest first: outcome name → attempts.</param>
public sealed record EnvironmentPanel(EnvironmentStatus Status, IReadOnlyList<DeploymentRecord> Recent, int TotalAttempts,
    IReadOnlyList<(DateOnly Day, IReadOnlyDictionary<string, int> Outcomes)> Days);

using Slipway.Adapters.Helm;
using Slipway.Core.Configuration;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Deploying;

/// <summary>`status --live`: asks helm about each environment's release (all at once) and has Core judge it against the ledger.</summary>
public static class LiveStatus
{
    public static async Task<IReadOnlyDictionary<string, LiveVerdict>> ReadAsync(string root, SlipwayConfig config, TagNaming naming,
        IReadOnlyList<string> environments, DeploymentHistory history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(history);
        var helm = new HelmClient(root);
        var verdicts = await Task.WhenAll(environments.Select(async name =>
        {
            var env = config.Environments.FirstOrDefault(e => e.Name == name);
            if (env?.Helm is not { } release)
            {
                return (name, LiveVerdict.NotChecked(env is null ? "not in slipway.yml" : $"kind: {env.Kind}"));
            }

            var live = await helm.LiveAsync(release, cancellationToken).ConfigureAwait(false);
            return (name, LiveVerdict.Judge(history.Current(name), naming, live));
        })).ConfigureAwait(false);
        return verdicts.ToDictionary(v => v.name, v => v.Item2, StringComparer.Ordinal);
    }

    /// <summary>What `--check` reports (exit 3) when environments drift, or null when none does.</summary>
    public static SlipwayError? CheckProblem(IReadOnlyList<string> environments, IReadOnlyDictionary<string, LiveVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var drifted = environments.Where(e => verdicts[e].Drifted).ToList();
        return drifted.Count == 0 ? null : SlipwayError.Precondition(
            $"drift in {string.Join(", ", drifted)}: helm runs something other than the ledger records (see the live column)",
            "deploy or roll back with slipway so the ledger records what runs, or undo the change made outside it");
    }
}

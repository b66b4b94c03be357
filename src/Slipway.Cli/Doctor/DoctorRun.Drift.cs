using Slipway.Adapters.Helm;
using Slipway.Adapters.Ledger;
using Slipway.Core.Configuration;
using Slipway.Core.Deployments;
using Slipway.Core.Doctor;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Doctor;

/// <summary>`drift:ENV`: what `status --live` says of each helm environment, where the cluster can be asked at all.</summary>
public static partial class DoctorRun
{
    /// <summary>One check per helm environment whose cluster check did not fail, when not offline and a kubeconfig exists
    /// (without one the cluster check already says why nothing in the cluster was asked).</summary>
    private static async Task<IReadOnlyList<DoctorCheck>> DriftChecksAsync(string root, SlipwayConfig config, IReadOnlyList<DeploymentEnvironment> environments,
        IReadOnlyList<DoctorCheck> earlier, LedgerSnapshot? ledger, bool offline, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        if (offline || Kubeconfig.Locate(environment).Count == 0)
        {
            return [];
        }

        var helmUsable = earlier.Any(c => c.Name == "helm" && c.Status == CheckStatus.Passed);
        var askable = environments.Where(e => e.Helm is not null
            && earlier.Any(c => c.Name == $"cluster:{e.Name}" && c.Status != CheckStatus.Failed)).ToList();
        var history = ledger?.History();
        var helm = new HelmClient(root);
        var naming = new TagNaming(config.Tag.Prefixes);
        var checks = new List<DoctorCheck>();
        foreach (var env in askable)
        {
            var name = $"drift:{env.Name}";
            if (!helmUsable)
            {
                checks.Add(DoctorCheck.Skip(name, "helm is not usable here (see the helm check)"));
                continue;
            }

            if (history is null)
            {
                checks.Add(DoctorCheck.Skip(name, "the ledger could not be read (see the ledger check)"));
                continue;
            }

            var verdict = LiveVerdict.Judge(history.Current(env.Name), naming, await helm.LiveAsync(env.Helm!, cancellationToken).ConfigureAwait(false));
            checks.Add(verdict.State switch
            {
                LiveState.InSync => DoctorCheck.Pass(name, verdict.Text),
                LiveState.Drift => DoctorCheck.Fail(name, verdict.Text,
                    $"deploy or roll back {env.Name} with slipway so the ledger records what runs, or undo the change made outside it"),
                _ => DoctorCheck.Skip(name, $"the cluster was not reachable: {verdict.Text}"),
            });
        }

        return checks;
    }
}

using Slipway.Adapters.Actions;
using Slipway.Cli.Output;
using Slipway.Core.Deployments;

namespace Slipway.Cli.Deploying;

/// <summary>Whether a person approved a deployment to an environment that requires it.</summary>
/// <remarks>A GitHub Actions job cannot read the name of the environment it runs in (no default variable carries it), so
/// the workflow says it: the job that has `environment: production` (where GitHub enforces the required reviewers) sets
/// SLIPWAY_APPROVED_ENVIRONMENT: production. Outside Actions, a person confirms at a terminal.</remarks>
public static class Approval
{
    public const string Variable = "SLIPWAY_APPROVED_ENVIRONMENT";

    /// <summary>In a GitHub Actions job whose workflow names <paramref name="target"/> in <see cref="Variable"/>.</summary>
    public static bool FromGitHubActions(DeploymentEnvironment target, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(environment);
        return ActionsContext.From(environment).InActions && environment(Variable) == target.Name;
    }

    /// <summary>Asks at a terminal, showing what changes; false when there is no terminal.</summary>
    public static bool Confirm(Terminal terminal, string change) =>
        Terminal.Interactive && terminal.Confirm(change);
}

using Slipway.Core.Errors;

namespace Slipway.Core.Deployments;

/// <summary>Whether a deployment may start: admitted, refused (<see cref="Refusal"/>), or to be confirmed by a person first
/// (<see cref="AskFirst"/>: no answer, or no terminal to ask at, is <see cref="Refusal"/>).</summary>
public sealed record DeploymentAdmission(SlipwayError? Refusal, bool AskFirst)
{
    public static DeploymentAdmission Admitted { get; } = new(null, false);
}

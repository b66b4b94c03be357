using Slipway.Core.Errors;

namespace Slipway.Core.Deployments;

/// <summary>A deployment stopped before anything was changed: the blocked record's detail and the error the command ends with.</summary>
public sealed record DeploymentBlock(string Detail, SlipwayError Error);

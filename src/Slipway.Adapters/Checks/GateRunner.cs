using Slipway.Adapters.Processes;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;

namespace Slipway.Adapters.Checks;

/// <summary>Runs a gate (an environment's before a deployment, or a release's before the tag), an argument array with SLIPWAY_VERSION, SLIPWAY_TAG and SLIPWAY_ENV set.</summary>
public sealed class GateRunner(string workingDirectory)
{
    /// <param name="environment">SLIPWAY_ENV: the environment deployed to, or null for a release gate (then it is unset).</param>
    public async Task<CheckResult> RunAsync(Gate gate, string? environment, string version, string tag, CancellationToken cancellationToken)
    {
        var variables = new Dictionary<string, string?>
        {
            ["SLIPWAY_VERSION"] = version,
            ["SLIPWAY_TAG"] = tag,
            ["SLIPWAY_ENV"] = environment,
        };
        try
        {
            var info = ProcessRunner.StartInfo(gate.Run[0], gate.Run.Skip(1), workingDirectory, variables);
            var result = await ProcessRunner.RunAsync(info, null, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return new CheckResult(true, "passed");
            }

            var said = result.LastWords;
            return new CheckResult(false, $"exit {result.ExitCode}" + (said.Length > 0 ? $": {said}" : string.Empty));
        }
        catch (SlipwayException e)
        {
            return new CheckResult(false, e.Error.Message);
        }
    }
}

using Slipway.Adapters.Processes;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;

namespace Slipway.Adapters.Checks;

/// <summary>Runs an environment's gates before a deployment, each an argument array with SLIPWAY_VERSION and SLIPWAY_ENV set.</summary>
public sealed class GateRunner(string workingDirectory)
{
    public async Task<CheckResult> RunAsync(Gate gate, string environment, string version, string tag, CancellationToken cancellationToken)
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

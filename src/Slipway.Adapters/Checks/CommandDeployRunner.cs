using Slipway.Adapters.Processes;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;

namespace Slipway.Adapters.Checks;

/// <summary>Deploys a `kind: command` environment: its command, then its status command when it has one, each an argument array
/// with the placeholders replaced and SLIPWAY_VERSION, SLIPWAY_TAG, SLIPWAY_DIGEST and SLIPWAY_ENV set, in the repository's root.</summary>
public sealed class CommandDeployRunner(string workingDirectory)
{
    /// <param name="output">Each command's stdout and stderr, for --verbose.</param>
    public async Task<CheckResult> RunAsync(CommandDeploy command, CommandValues values, Action<string> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(output);
        var deployed = await RunOneAsync(CommandDeploy.Expand(command.Run, values), command.Timeout, values, output, cancellationToken).ConfigureAwait(false);
        if (!deployed.Passed || command.Status is null)
        {
            return deployed;
        }

        var status = await RunOneAsync(CommandDeploy.Expand(command.Status, values), command.Timeout, values, output, cancellationToken).ConfigureAwait(false);
        return status.Passed ? status : status with { Detail = "status: " + status.Detail };
    }

    private async Task<CheckResult> RunOneAsync(IReadOnlyList<string> run, TimeSpan timeout, CommandValues values, Action<string> output, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var result = await ProcessRunner.RunAsync(ProcessRunner.StartInfo(run[0], run.Skip(1), workingDirectory, values.Variables), null, deadline.Token)
                .ConfigureAwait(false);
            output(result.StandardOutput + result.StandardError);
            if (result.Succeeded)
            {
                return new CheckResult(true, $"{run[0]} exited 0");
            }

            var said = result.LastWords;
            return new CheckResult(false, $"{run[0]} exited {result.ExitCode}" + (said.Length > 0 ? $": {said}" : string.Empty));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CheckResult(false, $"{run[0]} did not finish within {timeout.TotalSeconds:0.###}s (it was stopped)");
        }
        catch (SlipwayException e)
        {
            return new CheckResult(false, e.Error.Message);
        }
    }
}

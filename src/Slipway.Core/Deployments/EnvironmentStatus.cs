namespace Slipway.Core.Deployments;

/// <summary>What an environment runs now: its current attempt, since when that version has been there, and its last good version.</summary>
/// <param name="Since">When the current version first reached the environment in the attempts that led to now (a redeploy of the same version does not reset it).</param>
public sealed record EnvironmentStatus(string Name, DeploymentRecord? Current, DateTimeOffset? Since, DeploymentRecord? LastGood)
{
    public static EnvironmentStatus Of(DeploymentHistory history, string environment)
    {
        ArgumentNullException.ThrowIfNull(history);
        var current = history.Current(environment);
        DateTimeOffset? since = current?.At;
        if (current is not null)
        {
            // Back through the attempts that reached Helm, newest first, while they are of the current version.
            foreach (var attempt in history.Attempts(environment).SkipWhile(a => a.Id != current.Id))
            {
                if (attempt.Outcome == DeploymentOutcome.Blocked || (attempt.Action == DeploymentAction.Rollback && attempt.Outcome == DeploymentOutcome.RolledBack))
                {
                    continue;
                }

                if (attempt.Version != current.Version)
                {
                    break;
                }

                since = attempt.At;
            }
        }

        return new EnvironmentStatus(environment, current, since, history.LastGood(environment));
    }
}

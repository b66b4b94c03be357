namespace Slipway.Cli.Releasing;

/// <summary>How a `release` run ended, for the command to say so.</summary>
public enum ReleaseOutcome
{
    /// <summary>Every step was done already.</summary>
    AlreadyReleased,

    /// <summary>--dry-run: the plan and the steps were printed, nothing changed.</summary>
    DryRun,

    /// <summary>The person at the terminal said no.</summary>
    NotConfirmed,

    /// <summary>The steps not done ran.</summary>
    Released,
}

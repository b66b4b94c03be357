using Slipway.Core.Rollouts;

namespace Slipway.Cli.Deploying;

/// <summary>A canary rollout stopped by Ctrl-C (or SIGTERM) at <see cref="At"/>, after the canary was set back to 0 (or tried to be): <see cref="Back"/> says which.</summary>
public sealed class CanaryCancelledException : OperationCanceledException
{
    public CanaryCancelledException(RolloutProgress at, string back, Exception? innerException = null)
        : base($"cancelled at {at?.Text()}; {back}", innerException)
    {
        At = at;
        Back = back;
    }

    public CanaryCancelledException()
        : this(null!, string.Empty)
    {
    }

    public CanaryCancelledException(string message)
        : base(message)
    {
        Back = string.Empty;
    }

    public CanaryCancelledException(string message, Exception innerException)
        : base(message, innerException)
    {
        Back = string.Empty;
    }

    /// <summary>The step the canary had reached.</summary>
    public RolloutProgress? At { get; }

    /// <summary>"the canary was set back to 0 (1.3.0 runs)", or why it was not.</summary>
    public string Back { get; }
}

namespace Slipway.Core.Doctor;

/// <summary>How a check of `slipway doctor` ended.</summary>
public enum CheckStatus
{
    Passed,
    Failed,

    /// <summary>Not run here, with why (no credentials, --offline, not configured).</summary>
    Skipped,
}

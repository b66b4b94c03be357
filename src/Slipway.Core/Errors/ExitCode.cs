namespace Slipway.Core.Errors;

/// <summary>The process exit codes every command uses (PRODUCT.md).</summary>
public enum ExitCode
{
    /// <summary>Success.</summary>
    Ok = 0,

    /// <summary>The operation failed: a remote refused, a deploy failed.</summary>
    Failed = 1,

    /// <summary>Usage or configuration error.</summary>
    Usage = 2,

    /// <summary>A precondition failed: wrong branch, dirty tree, behind the remote, tag exists, shallow history.</summary>
    Precondition = 3,
}

using Slipway.Core.Doctor;

namespace Slipway.Core.Gates;

/// <summary>How a release gate ended: passed, failed with its fix, or skipped with why (by --skip-gate, or not run by `plan`).</summary>
public sealed record GateVerdict(string Gate, CheckStatus Status, string Message, string? Fix = null)
{
    public static GateVerdict Pass(string gate, string message) => new(gate, CheckStatus.Passed, message);

    /// <summary>A failure; the fix also names the way around it, --skip-gate with a reason that the tag records.</summary>
    public static GateVerdict Fail(string gate, string message, string fix) =>
        new(gate, CheckStatus.Failed, message, $"{fix} (or release anyway: --skip-gate {gate} --reason TEXT)");

    public static GateVerdict Skip(string gate, string why) => new(gate, CheckStatus.Skipped, why);

    public bool Failed => Status == CheckStatus.Failed;
}

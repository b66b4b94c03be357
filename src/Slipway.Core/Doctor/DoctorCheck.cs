namespace Slipway.Core.Doctor;

/// <summary>One check of `slipway doctor`: passed, failed with its fix (one line), or skipped with why; printed like `plan`'s checks (<see cref="Releases.PreflightCheck"/>) with a third status.</summary>
public sealed record DoctorCheck(string Name, CheckStatus Status, string Detail, string? Fix = null)
{
    public static DoctorCheck Pass(string name, string detail) => new(name, CheckStatus.Passed, detail);

    public static DoctorCheck Fail(string name, string detail, string fix) => new(name, CheckStatus.Failed, detail, fix);

    public static DoctorCheck Skip(string name, string why) => new(name, CheckStatus.Skipped, why);

    /// <summary>The exit code of a doctor run: 0 when none failed, 3 (precondition) otherwise.</summary>
    public static int ExitCode(IEnumerable<DoctorCheck> checks) =>
        checks.Any(c => c.Status == CheckStatus.Failed) ? (int)Errors.ExitCode.Precondition : 0;
}

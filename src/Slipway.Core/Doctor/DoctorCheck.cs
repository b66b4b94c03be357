using Slipway.Core.Releases;

namespace Slipway.Core.Doctor;

/// <summary>One check of `slipway doctor`: passed, failed with its fix (one line), or skipped with why.</summary>
public sealed record DoctorCheck(string Name, CheckStatus Status, string Detail, string? Fix = null)
{
    public static DoctorCheck Pass(string name, string detail) => new(name, CheckStatus.Passed, detail);

    public static DoctorCheck Fail(string name, string detail, string fix) => new(name, CheckStatus.Failed, detail, fix);

    public static DoctorCheck Skip(string name, string why) => new(name, CheckStatus.Skipped, why);

    /// <summary>A check `release` runs, as doctor shows it.</summary>
    public static DoctorCheck From(PreflightCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return new(check.Name, check.Ok ? CheckStatus.Passed : CheckStatus.Failed, check.Message, check.Ok ? null : check.Fix);
    }

    /// <summary>The exit code of a doctor run: 0 when none failed, 3 (precondition) otherwise.</summary>
    public static int ExitCode(IEnumerable<DoctorCheck> checks) =>
        checks.Any(c => c.Status == CheckStatus.Failed) ? (int)Errors.ExitCode.Precondition : 0;
}

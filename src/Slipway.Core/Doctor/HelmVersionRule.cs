namespace Slipway.Core.Doctor;

/// <summary>The `helm` check: helm 3 or 4 can be started here, from what `helm version --short` answered.</summary>
public static class HelmVersionRule
{
    public const string Name = "helm";

    private const string Install = "install helm 3 or 4 (https://helm.sh/docs/intro/install/)";

    /// <param name="output">helm's answer (v3.16.2+g13654a5), or null when helm could not be started (not on PATH).</param>
    /// <param name="problem">Why `helm version` failed, or null when it succeeded.</param>
    public static DoctorCheck Check(string? output, string? problem)
    {
        if (output is null)
        {
            return DoctorCheck.Fail(Name, "helm is not on PATH, so nothing can be deployed from here", Install + " and put it on PATH");
        }

        if (problem is not null)
        {
            return DoctorCheck.Fail(Name, $"helm version failed: {problem}", "reinstall helm 3 or 4");
        }

        var text = output.Trim();
        return text.StartsWith("v3.", StringComparison.Ordinal) || text.StartsWith("v4.", StringComparison.Ordinal)
            ? DoctorCheck.Pass(Name, $"helm {text.Split('+')[0]}")
            : DoctorCheck.Fail(Name, $"helm {text} is not version 3 or 4", Install);
    }
}

using Slipway.Core.Doctor;

namespace Slipway.Tests.Doctor;

/// <summary>doctor's helm check from what `helm version --short` answered, without helm.</summary>
public sealed class HelmVersionRuleTests
{
    [Theory]
    [InlineData("v3.16.2+g13654a5\n", "helm v3.16.2")]
    [InlineData("v4.0.0", "helm v4.0.0")]
    public void Helm_3_or_4_passes_with_its_version(string output, string detail)
    {
        var check = HelmVersionRule.Check(output, problem: null);
        Assert.Equal(CheckStatus.Passed, check.Status);
        Assert.Equal(detail, check.Detail);
    }

    [Fact]
    public void Helm_2_not_on_PATH_or_failing_fails_with_the_fix()
    {
        var old = HelmVersionRule.Check("v2.17.0+ga690bad", problem: null);
        Assert.Equal("helm v2.17.0+ga690bad is not version 3 or 4", old.Detail);
        Assert.Equal("install helm 3 or 4 (https://helm.sh/docs/intro/install/)", old.Fix);

        var missing = HelmVersionRule.Check(output: null, problem: null);
        Assert.Equal("helm is not on PATH, so nothing can be deployed from here", missing.Detail);
        Assert.EndsWith("and put it on PATH", missing.Fix, StringComparison.Ordinal);

        var broken = HelmVersionRule.Check(string.Empty, "Error: unknown flag: --short");
        Assert.Equal("helm version failed: Error: unknown flag: --short", broken.Detail);
        Assert.Equal(CheckStatus.Failed, broken.Status);
    }
}

using Slipway.Core.Git;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Core;

/// <summary>Our ref-name rules agree with git check-ref-format on the hostile corpus and a few more.</summary>
public sealed class RefNameTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in HostileInputs.RefNames.Concat(["main", "release/1.x", "a.lock", "x/.hidden", "ok-name_1", "a/b/c", "v1.2.3", "x.", "a//b", "/a", "ümlaut"]))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Agrees_with_git_check_ref_format(string name) =>
        Assert.Equal(HostileInputs.GitAcceptsBranch(name), RefName.IsValid(name));
}

using Slipway.Adapters.Configuration;
using Slipway.Core.Errors;

namespace Slipway.Tests.Changelog;

public sealed class ChangelogConfigTests
{
    [Fact]
    public void The_changelog_and_bump_files_sections_are_read()
    {
        var config = ConfigLoader.Parse("""
            changelog:
              file: docs/CHANGELOG.md
              template: github
              contributors: true
              sections:
                - { title: Features, types: [feat, perf] }
                - { title: Fixes, types: fix }
            bump_files:
              - { path: pyproject.toml, key: tool.poetry.version }
              - { path: package.json }
              - { path: src/pkg/__init__.py, pattern: '__version__ = "([^"]+)"' }
            """, "slipway.yml");
        Assert.Equal("docs/CHANGELOG.md", config.Changelog.File);
        Assert.Equal("github", config.Changelog.Template);
        Assert.True(config.Changelog.Contributors);
        Assert.Equal(["Features", "Fixes"], config.Changelog.Sections.Select(s => s.Title));
        Assert.Equal(["feat", "perf"], config.Changelog.Sections[0].Types);
        Assert.Equal(["pyproject.toml", "package.json", "src/pkg/__init__.py"], config.BumpFiles.Select(b => b.Path));
        Assert.Null(config.BumpFiles[1].Key);
    }

    [Theory]
    [InlineData("changelog:\n  template: fancy\n", "slipway.yml:2: changelog.template:")]
    [InlineData("changelog:\n  file: /etc/passwd\n", "changelog.file: '/etc/passwd' is not a path inside the repository")]
    [InlineData("changelog:\n  file: ../x.md\n", "changelog.file:")]
    [InlineData("changelog:\n  sections:\n    - { title: X }\n", "changelog.sections[0]")]
    [InlineData("changelog:\n  colour: red\n", "changelog.colour: unknown key")]
    [InlineData("bump_files:\n  - { path: Chart.yaml }\n", "Chart.yaml needs a key")]
    [InlineData("bump_files:\n  - { path: VERSION }\n", "bump_files[0].path:")]
    [InlineData("bump_files:\n  - { path: VERSION, pattern: '(a)(b)' }\n", "exactly one capture group")]
    [InlineData("bump_files:\n  - { key: version }\n", "bump_files[0].path: missing")]
    public void A_bad_changelog_or_bump_files_entry_names_file_line_and_key(string yaml, string expected)
    {
        var error = Assert.Throws<SlipwayException>(() => ConfigLoader.Parse(yaml, "slipway.yml")).Error;
        Assert.Equal(ExitCode.Usage, error.Code);
        Assert.Contains(expected, error.OneLine(), StringComparison.Ordinal);
        Assert.Matches(@"^slipway\.yml:\d+: ", error.Message);
    }
}

using Slipway.Core.BumpFiles;
using Slipway.Core.Errors;

namespace Slipway.Tests.BumpFiles;

public sealed class VersionFileEditorTests
{
    private static string Edit(string path, string? key, string text, string? pattern = null) =>
        VersionFileEditor.Edit(new BumpFile(path, key, pattern), text, "1.3.0");

    [Fact]
    public void Pyproject_project_version_changes_only_the_value()
    {
        const string text = "# top comment\n[build-system]\nrequires = [\"hatchling\"]\nversion = \"9.9.9\"  # not this one\n\n[project]\nname = \"agent-bus\"\n  version   =   \"1.2.0\"   # the version\ndescription = \"\"\"\nversion = \"0\"\n\"\"\"\n";
        Assert.Equal(text.Replace("\"1.2.0\"", "\"1.3.0\"", StringComparison.Ordinal), Edit("pyproject.toml", "project.version", text));
    }

    [Fact]
    public void Pyproject_poetry_version_with_single_quotes_keeps_them()
    {
        const string text = "[tool.black]\nversion = 'x'\n[ tool . poetry ]\r\nversion='1.2.0'\r\nname = 'a'\r\n";
        Assert.Equal(text.Replace("'1.2.0'", "'1.3.0'", StringComparison.Ordinal), Edit("pyproject.toml", "tool.poetry.version", text));
    }

    [Fact]
    public void Chart_yaml_version_and_app_version_are_edited_in_their_own_quoting()
    {
        const string text = "apiVersion: v2\n# version: 0.0.1\nname: agent-bus\nversion: 0.1.0 # chart\nappVersion: \"1.2.0\"\ndependencies:\n  - name: redis\n    version: 17.0.0\n";
        var once = Edit("helm/agent-bus/Chart.yaml", "version", text);
        Assert.Equal(text.Replace("version: 0.1.0 #", "version: 1.3.0 #", StringComparison.Ordinal), once);
        Assert.Equal(text.Replace("\"1.2.0\"", "\"1.3.0\"", StringComparison.Ordinal), Edit("Chart.yaml", "appVersion", text));
    }

    [Fact]
    public void Nested_yaml_keys_are_found_by_dotted_path()
    {
        const string text = "image:\n  repository: x\n  # tag: no\n  tag: '1.2.0'\nother:\n  tag: 0\n";
        Assert.Equal(text.Replace("'1.2.0'", "'1.3.0'", StringComparison.Ordinal), Edit("values.yaml", "image.tag", text));
    }

    [Fact]
    public void Package_json_top_level_version_only()
    {
        const string text = "{\n  \"name\": \"x\",\n  \"dependencies\": { \"version\": \"^1.0.0\" },\n  \"version\"  :   \"1.2.0\",\n\t\"private\": true\n}";
        Assert.Equal(text.Replace("\"1.2.0\"", "\"1.3.0\"", StringComparison.Ordinal), Edit("package.json", null, text));
    }

    [Fact]
    public void Package_json_with_non_ascii_text_before_the_version_is_edited_at_the_right_place()
    {
        const string text = "{ \"description\": \"日本語 🚀\", \"version\": \"1.2.0\" }";
        Assert.Equal("{ \"description\": \"日本語 🚀\", \"version\": \"1.3.0\" }", Edit("package.json", "version", text));
    }

    [Fact]
    public void Csproj_version_outside_comments_is_edited()
    {
        const string text = "<Project>\n  <!-- <Version>0.0.1</Version> -->\n  <PropertyGroup Label=\"x\">\r\n    <Version> 1.2.0 </Version>\n  </PropertyGroup>\n</Project>\n";
        Assert.Equal(text.Replace("> 1.2.0 <", "> 1.3.0 <", StringComparison.Ordinal), Edit("src/App/App.csproj", null, text));
        Assert.Equal(text.Replace("> 1.2.0 <", "> 1.3.0 <", StringComparison.Ordinal), Edit("Directory.Build.props", "Version", text));
    }

    [Fact]
    public void A_pattern_replaces_its_one_capture_group()
    {
        const string text = "NAME = 'x'\n__version__ = \"1.2.0\"\n";
        Assert.Equal(text.Replace("1.2.0", "1.3.0", StringComparison.Ordinal), Edit("src/pkg/__init__.py", null, text, "^__version__ = \"([^\"]+)\""));
    }

    [Theory]
    [InlineData("pyproject.toml", "project.version", "[project]\nname = \"x\"\n")]
    [InlineData("Chart.yaml", "appVersion", "version: 1.0.0\n")]
    [InlineData("package.json", "version", "{ \"name\": \"x\" }")]
    [InlineData("App.csproj", "Version", "<Project></Project>")]
    public void A_missing_key_is_a_configuration_error_naming_file_and_key(string path, string key, string text)
    {
        var error = Assert.Throws<SlipwayException>(() => Edit(path, key, text)).Error;
        Assert.Equal(ExitCode.Usage, error.Code);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_the_version_that_is_already_there_changes_nothing()
    {
        const string text = "[project]\nversion = \"1.3.0\"\n";
        Assert.Equal(text, Edit("pyproject.toml", "project.version", text));
        Assert.Equal("1.3.0", VersionFileEditor.Read(new BumpFile("pyproject.toml", "project.version", null), text));
    }

    [Theory]
    [InlineData("(a)(b)")]
    [InlineData("no group")]
    [InlineData("(unclosed")]
    public void A_pattern_needs_exactly_one_capture_group(string pattern) =>
        Assert.NotNull(PatternValueLocator.Problem(pattern));
}

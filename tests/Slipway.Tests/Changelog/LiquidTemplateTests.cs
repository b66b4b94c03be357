using Slipway.Core.Changelog;
using Slipway.Core.Changelog.Templates;
using Slipway.Core.Commits;
using Slipway.Core.Errors;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Changelog;

public sealed class LiquidTemplateTests
{
    private static string Render(string template, ChangelogRelease? release = null) =>
        LiquidTemplate.Parse(template, "notes.liquid").Render(new ChangelogDocument([release ?? SampleRelease.Build()], SampleRelease.Remote));

    [Fact]
    public void A_custom_template_sees_the_release_its_groups_and_commits()
    {
        var text = Render("""
            # {{ release.tag }} ({{ release.date }}) from {{ release.previous_tag }}
            {% for group in release.groups %}{{ group.title }}:{% for c in group.commits %} [{{ c.scope }}]{{ c.description }}@{{ c.short_sha }}{% endfor %}
            {% endfor %}{% for c in release.breaking %}BREAKING {{ c.breaking_note }}{% endfor %} {{ remote.url }}
            """);
        Assert.Equal("""
            # v1.3.0 (2026-11-26) from v1.2.0
            Added: [ui]dark mode (#42)@2abcdef
            Fixed: []crash on an empty slipway.yml@3abcdef
            Performance: [tags]peel tags lazily@4abcdef
            Documentation: []explain rollbacks@5abcdef
            Other: []Update the deployment notes@7abcdef []bump dependencies@6abcdef
            BREAKING the /v1 routes are gone; use /v2 https://github.com/tefj-fun/agent_bus
            """, text);
    }

    [Fact]
    public void Issue_references_are_data_with_their_links()
    {
        var text = Render("{% for c in release.commits %}{% for i in c.issues %}{{ i.action }} #{{ i.number }} {{ i.url }};{% endfor %}{% endfor %}");
        Assert.Equal("Fixes #12 https://github.com/tefj-fun/agent_bus/issues/12; #42 https://github.com/tefj-fun/agent_bus/issues/42;", text);
    }

    [Fact]
    public void A_syntax_error_names_the_file_the_line_and_the_bad_expression()
    {
        var error = Assert.Throws<SlipwayException>(() => LiquidTemplate.Parse("line one\n{% for c in release.commits %}\n{{ c.sha }}\n", "notes.liquid")).Error;
        Assert.Equal(ExitCode.Usage, error.Code);
        Assert.StartsWith("notes.liquid:", error.Message, StringComparison.Ordinal);
        Assert.Contains("template error", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.OneLine());
    }

    [Fact]
    public void An_unclosed_output_names_its_line()
    {
        var error = Assert.Throws<SlipwayException>(() => LiquidTemplate.Parse("ok\nok\n{{ release.tag \n", "t.liquid")).Error;
        Assert.Matches(@"^t\.liquid:[34]: template error: .*", error.Message);
    }

    [Fact]
    public void An_unknown_variable_is_a_render_error_naming_its_line_and_expression()
    {
        var template = LiquidTemplate.Parse("# {{ release.tag }}\n\n{{ relase.version }}\n", "notes.liquid");
        var error = Assert.Throws<SlipwayException>(() => template.Render(new ChangelogDocument([SampleRelease.Build()], null))).Error;
        Assert.Equal(ExitCode.Usage, error.Code);
        Assert.StartsWith("notes.liquid:3: template error:", error.Message, StringComparison.Ordinal);
        Assert.Contains("{{ relase.version }}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_filter_is_an_error_naming_it()
    {
        var error = Assert.Throws<SlipwayException>(() =>
            LiquidTemplate.Parse("a\n{{ release.tag | shout }}\n", "f.liquid").Render(new ChangelogDocument([SampleRelease.Build()], null))).Error;
        Assert.Equal(ExitCode.Usage, error.Code);
        Assert.Contains("f.liquid:", error.Message, StringComparison.Ordinal);
        Assert.Contains("shout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_filter_is_not_available_because_it_needs_reflection()
    {
        var error = Assert.Throws<SlipwayException>(() =>
            LiquidTemplate.Parse("{{ release | json }}", "j.liquid").Render(new ChangelogDocument([SampleRelease.Build()], null))).Error;
        Assert.Equal(ExitCode.Usage, error.Code);
        Assert.Contains("json", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<int> HostileMessages() => HostileInputs.CommitMessageCases();

    [Theory]
    [MemberData(nameof(HostileMessages))]
    public void Hostile_commit_text_is_printed_literally_never_evaluated(int index)
    {
        var commit = SampleRelease.Make(1, HostileInputs.CommitMessages[index]);
        var parsed = ConventionalCommitParser.Parse(commit.Message);
        var release = SampleRelease.Build(commits: [(commit, parsed)]);
        var text = Render("{% for c in release.commits %}[{{ c.subject }}|{{ c.description }}|{{ c.body }}]{% endfor %}", release);
        var entry = Assert.Single(release.Entries);
        Assert.Equal($"[{commit.Subject}|{entry.Description}|{(parsed.IsConventional ? parsed.Body : commit.Body)}]", text);
    }

    [Fact]
    public void Template_syntax_in_a_commit_message_stays_text_in_every_template()
    {
        const string message = "fix: {{ 7*7 }} and {% raw %}x{% endraw %} and {{#if}}";
        var release = SampleRelease.Build(commits: [(SampleRelease.Make(1, message), SampleRelease.Cc("fix", null, "{{ 7*7 }} and {% raw %}x{% endraw %} and {{#if}}"))]);
        var liquid = Render("{{ release.commits[0].description }}|{{ release.commits[0].subject }}", release);
        Assert.Equal("{{ 7*7 }} and {% raw %}x{% endraw %} and {{#if}}|" + message, liquid);
        Assert.Contains("{{ 7*7 }} and {% raw %}x{% endraw %}", new KeepAChangelogTemplate().Render(new([release], null)), StringComparison.Ordinal);
        Assert.DoesNotContain("49", liquid, StringComparison.Ordinal);
    }
}

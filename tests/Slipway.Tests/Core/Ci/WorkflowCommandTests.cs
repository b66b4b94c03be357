using Slipway.Core.Ci;

namespace Slipway.Tests.Core.Ci;

/// <summary>Workflow-command escaping as the runner's toolkit does it (actions/toolkit packages/core/src/command.ts: escapeData, escapeProperty).</summary>
public sealed class WorkflowCommandTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("100%", "100%25")]
    [InlineData("a\r\nb", "a%0D%0Ab")]
    [InlineData("%0A is not a newline", "%250A is not a newline")]
    [InlineData("a: b, c", "a: b, c")]
    public void Data_escapes_percent_carriage_return_and_line_feed_only(string value, string expected) =>
        Assert.Equal(expected, WorkflowCommand.EscapeData(value));

    [Theory]
    [InlineData("deploy staging", "deploy staging")]
    [InlineData("a: b, c", "a%3A b%2C c")]
    [InlineData("50%\n::warning::x", "50%25%0A%3A%3Awarning%3A%3Ax")]
    public void Properties_also_escape_colon_and_comma(string value, string expected) =>
        Assert.Equal(expected, WorkflowCommand.EscapeProperty(value));

    [Fact]
    public void An_error_annotation_stays_one_line_whatever_its_title_and_message_hold()
    {
        var line = WorkflowCommand.Error("slipway ci release: publish, retry", "GitHub said:\n::add-mask::secret\r\n100%");

        Assert.Equal("::error title=slipway ci release%3A publish%2C retry::GitHub said:%0A::add-mask::secret%0D%0A100%25", line);
        Assert.DoesNotContain('\n', line);
    }
}

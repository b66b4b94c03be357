using System.Net;
using Slipway.Cli.Output.Html;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Metrics;

/// <summary>Every hostile commit message through the page's encoder: no markup, no control or bidi character, the text itself when read back.</summary>
public sealed class HtmlTextTests
{
    public static TheoryData<int> Messages() => HostileInputs.CommitMessageCases();

    [Theory]
    [MemberData(nameof(Messages))]
    public void A_hostile_message_becomes_text_that_reads_back_as_itself_with_control_characters_visible(int index)
    {
        var message = HostileInputs.CommitMessages[index];

        var html = HtmlText.Encode(message);

        Assert.DoesNotContain('<', html);
        Assert.DoesNotContain('>', html);
        Assert.DoesNotContain('"', html);
        Assert.DoesNotContain('\'', html);
        Assert.DoesNotContain(html, c => (char.IsControl(c) && c is not '\n' and not '\t') || c is '\u202e' or '\u200f');
        var visible = string.Concat(message.Where(c => c != '\r').Select(c => (char.IsControl(c) && c is not '\n' and not '\t') || c == '\u202e' ? $"\\u{(int)c:x4}" : c.ToString()));
        Assert.Equal(visible, WebUtility.HtmlDecode(html));
    }

    [Fact]
    public void An_id_made_from_data_holds_only_safe_characters_and_stays_distinct()
    {
        Assert.Equal("version-1.3.0", HtmlText.Id("version-", "1.3.0"));
        Assert.Equal("env-a_20b_22", HtmlText.Id("env-", "a b\""));
        Assert.NotEqual(HtmlText.Id("env-", "a b"), HtmlText.Id("env-", "a_b"));
    }
}

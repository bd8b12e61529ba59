using Syndicate.Cli.Input;

namespace Syndicate.Tests.Cli.Input;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<p>One\n  two.</p><p>Three.</p>", "One two.\nThree.")]
    [InlineData("<div><p>A</p>\n\n<p>B</p></div>", "A\nB")]
    [InlineData("Line<br>break<BR/>again", "Line\nbreak\nagain")]
    [InlineData("<ul><li>one</li><li>two</li></ul>", "one\ntwo")]
    [InlineData("<p>x<script type=\"text/javascript\">if (a < b) { document.write('<p>'); }</script>y</p>", "xy")]
    [InlineData("<style>p { color: red; }</style><p>Text</p>", "Text")]
    [InlineData("<!-- <p>hidden</p> --><p>shown</p>", "shown")]
    [InlineData("<a href=\"x?a=1&amp;b=2\" title='a > b'>link</a> &amp; &lt;tag&gt; &#1576; &nbsp;end", "link & <tag> ب end")]
    [InlineData("<p>a < b and c > d</p>", "a < b and c > d")]
    [InlineData("<h2>Head</h2>Text <b>bold</b> <i>it</i>.", "Head\nText bold it.")]
    public void Converts_html(string html, string expected)
    {
        Assert.Equal(expected, HtmlText.ToText(html));
    }

    [Theory]
    [InlineData("Plain\n\n  second paragraph  \r\nthird", "Plain\nsecond paragraph\nthird")]
    [InlineData("Tom &amp; Jerry", "Tom & Jerry")]
    [InlineData("  ", "")]
    [InlineData("1 < 2", "1 < 2")]
    public void Treats_text_without_tags_as_plain_text(string text, string expected)
    {
        Assert.Equal(expected, HtmlText.ToText(text));
    }
}

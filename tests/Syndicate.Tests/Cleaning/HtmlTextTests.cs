using Syndicate.Cleaning;

namespace Syndicate.Tests.Cleaning;

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
    [InlineData("<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><p>Story.</p><aside>Related: <a>Other story</a></aside><footer>© The Site</footer>", "Story.")]
    [InlineData("<p>Story.</p><form><label>Search</label><input><button>Go</button></form><p>More.</p>", "Story.\nMore.")]
    [InlineData("<p>Story.</p><aside>cut short, never closed <p>More.</p>", "Story.\ncut short, never closed\nMore.")]
    [InlineData("<aside>a</aside><p>b</p><aside>c", "b\nc")]
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

    [Theory]
    [InlineData("<p>Text</p>")]
    [InlineData("Text with a <a href=\"https://example.com\">link</a>.")]
    [InlineData("Line<br/>break")]
    [InlineData("Text</SPAN> closed")]
    [InlineData("<!-- comment --> text")]
    [InlineData("He said &quot;no&quot;.")]
    [InlineData("He said &#8220;no&#8221;.")]
    [InlineData("Fish &amp; chips")]
    [InlineData("A&#x2019;s")]
    public void Finds_markup(string text)
    {
        Assert.True(HtmlText.ContainsMarkup(text));
    }

    [Theory]
    [InlineData("Plain text")]
    [InlineData("a < b and c > d")]
    [InlineData("x<y")]
    [InlineData("the <Reuters> feed")]
    [InlineData("AT&T and R&D; both")]
    [InlineData("&unknownentity; stays")]
    [InlineData("&#; and &#x; are no entities")]
    [InlineData("رويترز <p")]
    public void Ordinary_text_is_not_markup(string text)
    {
        Assert.False(HtmlText.ContainsMarkup(text));
    }

    [Fact]
    public void Many_unclosed_page_elements_are_each_looked_for_once()
    {
        string html = string.Concat(Enumerable.Repeat("<aside>x ", 1 << 16));

        Assert.Equal(string.Join("\n", Enumerable.Repeat("x", 1 << 16)), HtmlText.ToText(html)); // an aside is a block
    }

    [Fact]
    public void Long_runs_of_ampersands_and_angle_brackets_are_no_markup()
    {
        Assert.False(HtmlText.ContainsMarkup(new string('&', 1 << 20)));
        Assert.False(HtmlText.ContainsMarkup(string.Concat(Enumerable.Repeat("<x", 1 << 18))));
        Assert.True(HtmlText.ContainsMarkup(new string('&', 1 << 20) + "&quot;"));
    }

    [Fact]
    public void Article_text_keeps_line_feeds_as_paragraph_breaks()
    {
        const string Body = "First paragraph with a <a href=\"x\">link</a>.\n\nSecond &quot;quoted&quot; paragraph.\n<p>Third</p>";

        Assert.Equal("First paragraph with a link.\nSecond \"quoted\" paragraph.\nThird", HtmlText.ArticleText(Body));
        Assert.Equal("First paragraph with a link. Second \"quoted\" paragraph.\nThird", HtmlText.ToText(Body));
    }

    [Fact]
    public void Article_text_with_entities_only_changes_nothing_else()
    {
        const string Body = "  First line &quot;quoted&quot;\n\n second line  ";

        Assert.Equal("  First line \"quoted\"\n\n second line  ", HtmlText.ArticleText(Body));
    }
}

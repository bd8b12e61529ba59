using Syndicate.Cli.Input;

namespace Syndicate.Tests.Cli.Input;

public sealed class FeedTests
{
    private const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Okaz</title>
            <link>https://www.okaz.com.sa</link>
            <image><title>Logo</title></image>
            <item>
              <title>خبر &amp;amp; عاجل</title>
              <link>https://www.okaz.com.sa/news/1</link>
              <guid isPermaLink="false">okaz-1</guid>
              <pubDate>Tue, 21 Jul 2015 02:16:13 +0300</pubDate>
              <description><![CDATA[<p>Short <b>teaser</b></p>]]></description>
              <content:encoded><![CDATA[<p>First&nbsp;paragraph &amp; more.</p><script>var x = "<p>";</script><p>Second<br/>line</p>]]></content:encoded>
            </item>
            <item>
              <title>Plain</title>
              <link>https://www.okaz.com.sa/news/2</link>
              <pubDate>Wed, 22 Jul 2015 10:00 GMT</pubDate>
              <description>&lt;div&gt;Escaped &lt;i&gt;html&lt;/i&gt;&lt;/div&gt;&lt;div&gt;Next&lt;/div&gt;</description>
              <source url="https://spa.gov.sa/rss">SPA</source>
              <dc:creator>Someone</dc:creator>
            </item>
            <item>
              <title>Headline only</title>
              <guid>okaz-3</guid>
              <dc:date>2015-07-23T08:00:00Z</dc:date>
            </item>
          </channel>
        </rss>
        """;

    private const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title type="text">Saudi Press Agency</title>
          <id>urn:spa</id>
          <entry>
            <title type="html">Royal &lt;b&gt;decree&lt;/b&gt;</title>
            <link rel="self" href="https://spa.gov.sa/self/1"/>
            <link rel="alternate" href="https://spa.gov.sa/1"/>
            <id>urn:spa:1</id>
            <updated>2015-07-21T05:00:00Z</updated>
            <published>2015-07-21T02:16:13+03:00</published>
            <summary type="text">Summary only</summary>
            <content type="html">&lt;p&gt;Body one&lt;/p&gt;&lt;p&gt;Body two&lt;/p&gt;</content>
          </entry>
          <entry>
            <title>Text title</title>
            <link href="https://spa.gov.sa/2"/>
            <id>urn:spa:2</id>
            <updated>2015-07-22T00:00:00Z</updated>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>X one</p><p>X two</p></div></content>
            <source><id>urn:other</id><title>Other outlet</title></source>
          </entry>
          <entry>
            <title>Summary entry</title>
            <link href="https://spa.gov.sa/3"/>
            <summary>Line one
              Line &lt;two&gt;</summary>
          </entry>
        </feed>
        """;

    [Fact]
    public void Reads_rss_items_with_cdata_and_html()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("okaz.rss", Rss);

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Empty(errors);
        Assert.Equal(3, records.Count);
        Assert.Equal([7L, 15L, 23L], records.Select(r => r.Line));

        var first = records[0].Article;
        Assert.Equal("okaz-1", first.Id);
        Assert.Equal("Okaz", first.Source);
        Assert.Equal("خبر & عاجل", first.Title);
        Assert.Equal("https://www.okaz.com.sa/news/1", first.Url);
        Assert.Equal(new DateTimeOffset(2015, 7, 21, 2, 16, 13, TimeSpan.FromHours(3)), first.Published);
        Assert.Equal("First paragraph & more.\nSecond\nline", first.Body);

        var second = records[1].Article;
        Assert.Equal("https://www.okaz.com.sa/news/2", second.Id);
        Assert.Equal("SPA", second.Source);
        Assert.Equal(new DateTimeOffset(2015, 7, 22, 10, 0, 0, TimeSpan.Zero), second.Published);
        Assert.Equal("Escaped html\nNext", second.Body);

        var third = records[2].Article;
        Assert.Equal("okaz-3", third.Id);
        Assert.Equal(string.Empty, third.Body);
        Assert.Equal("Headline only", third.Title);
        Assert.Equal(new DateTimeOffset(2015, 7, 23, 8, 0, 0, TimeSpan.Zero), third.Published);
    }

    [Fact]
    public void Reads_atom_entries()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("spa.atom", Atom);

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Empty(errors);
        Assert.Equal(3, records.Count);
        Assert.Equal([5L, 15L, 23L], records.Select(r => r.Line));

        var first = records[0].Article;
        Assert.Equal("urn:spa:1", first.Id);
        Assert.Equal("Saudi Press Agency", first.Source);
        Assert.Equal("Royal decree", first.Title);
        Assert.Equal("https://spa.gov.sa/1", first.Url);
        Assert.Equal(new DateTimeOffset(2015, 7, 21, 2, 16, 13, TimeSpan.FromHours(3)), first.Published);
        Assert.Equal("Body one\nBody two", first.Body);

        var second = records[1].Article;
        Assert.Equal("Other outlet", second.Source);
        Assert.Equal("https://spa.gov.sa/2", second.Url);
        Assert.Equal(new DateTimeOffset(2015, 7, 22, 0, 0, 0, TimeSpan.Zero), second.Published);
        Assert.Equal("X one\nX two", second.Body);

        var third = records[2].Article;
        Assert.Equal("https://spa.gov.sa/3", third.Id);
        Assert.Null(third.Published);
        Assert.Equal("Line one\n      Line <two>", third.Body);
    }

    [Fact]
    public void Detects_feeds_on_stdin_and_in_xml_files_by_root_element()
    {
        using var temp = new TempDirectory();
        var rss = temp.Write("a.xml", Rss);
        var atom = temp.Write("b.xml", Atom);

        var (records, errors) = Inputs.ReadAll([rss, atom]);
        var (stdinRecords, stdinErrors) = Inputs.ReadStdin(Atom);

        Assert.Empty(errors);
        Assert.Empty(stdinErrors);
        Assert.Equal(6, records.Count);
        Assert.Equal(3, stdinRecords.Count);
        Assert.Equal("-", stdinRecords[0].Input);
    }

    [Fact]
    public void Malformed_xml_is_one_error_with_the_line_after_the_items_before()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("broken.rss", """
            <rss><channel><title>T</title>
            <item><guid>1</guid><description>one</description></item>
            <item><guid>2</guid><description>two</item>
            <item><guid>3</guid><description>three</description></item>
            </channel></rss>
            """);

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Equal("1", Assert.Single(records).Article.Id);
        var error = Assert.Single(errors);
        Assert.Equal(path, error.Input);
        Assert.Equal(3, error.Line);
        Assert.StartsWith($"{path}:3: malformed XML: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Item_errors_name_the_item_line_and_reading_goes_on()
    {
        var (records, errors) = Inputs.ReadStdin("""
            <rss><channel>
            <item><title>No id</title></item>
            <item><guid>2</guid><title>kept</title><pubDate>someday</pubDate></item>
            <item><guid>3</guid></item>
            <item><guid>4</guid><title>ok</title></item>
            </channel></rss>
            """);

        Assert.Equal(["2", "4"], records.Select(r => r.Article.Id));
        Assert.Equal(
            [
                "<stdin>:2: item has neither 'guid' nor 'link'",
                "<stdin>:4: item has no title and no content",
            ],
            errors.Select(e => e.ToString()));

        // An unreadable time is a warning: the item is kept, without a time.
        Assert.Null(records[0].Article.Published);
        Assert.Equal("published ignored: 'pubDate' is not a valid RFC 822 or ISO 8601 time: 'someday'", records[0].Warning);
        Assert.Null(records[1].Warning);
    }

    [Fact]
    public void External_entities_are_never_resolved()
    {
        using var temp = new TempDirectory();
        var secret = temp.Write("secret.txt", "TOP-SECRET");
        var path = temp.Write("xxe.xml", $"""
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
            <rss><channel><item><guid>1</guid><description>&xxe;</description></item></channel></rss>
            """);

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.DoesNotContain(records, r => r.Article.Body.Contains("TOP-SECRET", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Message.Contains("TOP-SECRET", StringComparison.Ordinal));
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Another_root_element_is_an_error()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("other.xml", "<html><body/></html>");

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Empty(records);
        Assert.Equal($"{path}:1: not an RSS or Atom feed: root element is 'html'", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Reads_a_gzipped_feed()
    {
        using var temp = new TempDirectory();
        var path = temp.WriteGzip("feed.rss.gz", Rss);

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Empty(errors);
        Assert.Equal(3, records.Count);
    }
    [Fact]
    public void Bytes_invalid_in_the_encoding_at_the_start_of_a_feed_are_an_error_not_an_exception()
    {
        // XmlReader.Create decodes the first bytes already: it threw out of the reader (found by syndicate fuzz).
        byte[] feed = [0xEF, 0xBB, 0xBF, 0xC1, 0x62, 0x0B, 0x3C, 0x3F];
        var errors = new List<InputError>();
        var reader = new ArticleReader(["-"], InputFormat.Rss, ErrorMode.Skip, errors.Add, new MemoryStream(feed));

        Assert.Empty(reader.Read());
        Assert.StartsWith("<stdin>:1: malformed XML: ", Assert.Single(errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_short_gzip_feed_with_a_damaged_declaration_is_an_error_not_an_exception()
    {
        // XmlTextReader threw ArgumentOutOfRangeException (a negative block copy) on this input (found by syndicate fuzz).
        byte[] gzip = Convert.FromBase64String("H4sIAAAAAAAEA7Oxr8jNUShLLSrOzM+zVTLUM3D+XlPYcyOzNflyrpJCal5yfkpmXrqtUmlJmq6Fkr0dlw==");
        var errors = new List<InputError>();
        var reader = new ArticleReader(["-"], InputFormat.Atom, ErrorMode.Skip, errors.Add, new MemoryStream(gzip));

        Assert.Empty(reader.Read());
        Assert.Contains("malformed XML", Assert.Single(errors).ToString(), StringComparison.Ordinal);
    }
}

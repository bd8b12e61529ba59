using System.Text;
using Syndicate.Cli.Input;

namespace Syndicate.Tests.Cli.Input;

public sealed class JsonlTests
{
    [Fact]
    public void Reads_all_fields()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("data.jsonl",
            """{"id":"snn-1","source":"okaz","url":"http://okaz.com.sa/1","published":"2015-07-21T02:16:13Z","title":"عنوان","body":"نص\nالخبر","extra":{"x":[1,2,{"y":null}]}}""" + "\n");

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Empty(errors);
        var record = Assert.Single(records);
        Assert.Equal(path, record.Input);
        Assert.Equal(1, record.Line);
        var article = record.Article;
        Assert.Equal("snn-1", article.Id);
        Assert.Equal("okaz", article.Source);
        Assert.Equal("http://okaz.com.sa/1", article.Url);
        Assert.Equal(new DateTimeOffset(2015, 7, 21, 2, 16, 13, TimeSpan.Zero), article.Published);
        Assert.Equal("عنوان", article.Title);
        Assert.Equal("نص\nالخبر", article.Body);
    }

    [Fact]
    public void Accepts_field_aliases_and_prefers_the_main_names()
    {
        var (records, errors) = Inputs.ReadStdin(
            """
            {"id":"a","text":"from text","date":"2020-01-02T03:04:05Z"}
            {"id":"b","content":"from content"}
            {"id":"c","content":"no","text":"no","body":"yes","date":"2001-01-01T00:00:00Z","published":"2020-01-01T00:00:00Z"}
            {"id":42,"body":"numeric id","source":null,"title":null}
            {"\u0069d":"escaped name","body":"x"}
            """);

        Assert.Empty(errors);
        Assert.Equal(["a", "b", "c", "42", "escaped name"], records.Select(r => r.Article.Id));
        Assert.Equal("from text", records[0].Article.Body);
        Assert.Equal(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero), records[0].Article.Published);
        Assert.Equal("from content", records[1].Article.Body);
        Assert.Equal("yes", records[2].Article.Body);
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), records[2].Article.Published);
        Assert.Equal("unknown", records[3].Article.Source);
        Assert.Null(records[3].Article.Title);
    }

    [Fact]
    public void A_record_without_a_source_is_credited_to_its_urls_host()
    {
        var (records, errors) = Inputs.ReadStdin(
            """
            {"id":"a","body":"x","url":"https://www.Reuters.com/world/a-1"}
            {"id":"b","body":"x","url":"http://news.example.co.uk/b?c=d","source":""}
            {"id":"c","body":"x","url":"https://www.reuters.com/c","source":"Reuters wire"}
            {"id":"d","body":"x","url":"/relative/path"}
            {"id":"e","body":"x","url":"ftp://files.example.com/e"}
            {"id":"f","body":"x"}
            """);

        Assert.Empty(errors);
        Assert.Equal(["reuters.com", "news.example.co.uk", "Reuters wire", "unknown", "unknown", "unknown"], records.Select(r => r.Article.Source));
    }

    [Theory]
    [InlineData("\"2015-07-21T02:16:13Z\"", "2015-07-21T02:16:13+00:00")]
    [InlineData("\"2015-07-21T02:16:13+03:00\"", "2015-07-21T02:16:13+03:00")]
    [InlineData("\"2015-07-21T02:16:13.250-05:00\"", "2015-07-21T02:16:13.25-05:00")]
    [InlineData("\"2015-07-21T02:16:13\"", "2015-07-21T02:16:13+00:00")]
    [InlineData("\"2015-07-21 02:16:13\"", "2015-07-21T02:16:13+00:00")]
    [InlineData("\"2015-07-21\"", "2015-07-21T00:00:00+00:00")]
    [InlineData("1437444973", "2015-07-21T02:16:13+00:00")]
    [InlineData("1437444973.5", "2015-07-21T02:16:13.5+00:00")]
    [InlineData("1437444973250", "2015-07-21T02:16:13.25+00:00")]
    [InlineData("\"1437444973\"", "2015-07-21T02:16:13+00:00")]
    [InlineData("\"1437444973250\"", "2015-07-21T02:16:13.25+00:00")]
    [InlineData("\"Tue, 21 Jul 2015 02:16:13 GMT\"", "2015-07-21T02:16:13+00:00")]
    [InlineData("\"Tue, 21 Jul 2015 02:16:13 +0300\"", "2015-07-21T02:16:13+03:00")]
    [InlineData("null", null)]
    public void Parses_published(string json, string? expected)
    {
        var (records, errors) = Inputs.ReadStdin($$"""{"id":"a","body":"b","published":{{json}}}""");

        Assert.Empty(errors);
        var published = Assert.Single(records).Article.Published;
        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), published);
        if (expected is not null)
        {
            Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, published!.Value.Offset);
        }
    }

    [Theory]
    [InlineData("\"yesterday\"", "published ignored: 'yesterday' is not a valid ISO 8601, RFC 1123/822 or Unix time")]
    [InlineData("\"7/21/2015\"", "published ignored: '7/21/2015' is not a valid ISO 8601, RFC 1123/822 or Unix time")]
    [InlineData("\"2014-09-31\"", "published ignored: '2014-09-31' is not a valid ISO 8601, RFC 1123/822 or Unix time")]
    [InlineData("\"2014-02-30T10:00:00Z\"", "published ignored: '2014-02-30T10:00:00Z' is not a valid ISO 8601, RFC 1123/822 or Unix time")]
    [InlineData("1e300", "published ignored: 1e300 is out of range for Unix seconds or milliseconds")]
    [InlineData("true", "published ignored: expected an ISO 8601 or RFC 1123/822 string or Unix seconds, not a boolean")]
    [InlineData("{\"at\":1}", "published ignored: expected an ISO 8601 or RFC 1123/822 string or Unix seconds, not an object")]
    public void An_unreadable_published_is_a_warning_and_the_article_is_kept(string json, string warning)
    {
        var (records, errors) = Inputs.ReadStdin($$"""{"id":"a","body":"b","published":{{json}},"title":"t"}""");

        Assert.Empty(errors);
        var record = Assert.Single(records);
        Assert.Null(record.Article.Published);
        Assert.Equal("t", record.Article.Title);
        Assert.Equal(warning, record.Warning);
    }

    [Fact]
    public void An_unreadable_published_falls_back_to_a_readable_date()
    {
        var (records, errors) = Inputs.ReadStdin("""{"id":"a","body":"b","published":"2014-09-31","date":"2014-09-30"}""");

        Assert.Empty(errors);
        var record = Assert.Single(records);
        Assert.Equal(new DateTimeOffset(2014, 9, 30, 0, 0, 0, TimeSpan.Zero), record.Article.Published);
        Assert.StartsWith("published ignored: '2014-09-31'", record.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_last_line_without_line_feed_that_is_longer_than_the_lines_before_it()
    {
        // The buffer moves the unread last line to its front when it looks for more input; the line must be taken
        // from where it now is, not from where it was (a regression: it came out overwritten by its own tail).
        var (records, errors) = Inputs.ReadStdin("{\"a\":1}\n{\"id\":\"z\",\"body\":\"a longer last line\"}");

        Assert.Equal("<stdin>:1: missing field 'id'", Assert.Single(errors).ToString());
        var record = Assert.Single(records);
        Assert.Equal("z", record.Article.Id);
        Assert.Equal("a longer last line", record.Article.Body);
        Assert.Equal(2, record.Line);
    }

    [Fact]
    public void Reports_each_bad_record_with_file_and_line_and_goes_on()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("data.jsonl", string.Join('\n',
            """{"id":"1","body":"ok"}""",
            """{"id":"2"}""",
            """{"body":"no id"}""",
            """{"id":"","body":"empty id"}""",
            """{"id":"5","body":7}""",
            """{"id":"6","body":"unterminated""",
            """[1,2]""",
            """{"id":"8","body":"x"} trailing""",
            """{"id":"9","body":"ok"}"""));

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Equal(["1", "9"], records.Select(r => r.Article.Id));
        Assert.Equal([1L, 9L], records.Select(r => r.Line));
        Assert.Equal(
            [
                $"{path}:2: missing field 'body'",
                $"{path}:3: missing field 'id'",
                $"{path}:4: field 'id' is empty",
                $"{path}:5: field 'body' must be a string, not a number",
                $"{path}:6: invalid JSON: Expected end of string, but instead reached end of data.",
                $"{path}:7: expected a JSON object",
                $"{path}:8: invalid JSON: 't' is invalid after a single JSON value. Expected end of data.",
            ],
            errors.Select(e => e.ToString()));
        Assert.All(errors, e => Assert.Equal(path, e.Input));
    }

    [Fact]
    public void A_headline_without_a_text_is_kept_with_a_warning_as_a_feed_item_is()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("headlines.jsonl", """
            {"id":"1","source":"sabq","title":"Rain expected in Jazan"}
            {"id":"2","source":"sabq","title":"  "}
            {"id":"3","source":"sabq","title":"Rain expected in Jazan","body":"The civil defence warned of rain."}
            """);

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Equal(["1", "3"], records.Select(r => r.Article.Id));
        Assert.Equal("Rain expected in Jazan", records[0].Article.Title);
        Assert.Equal(string.Empty, records[0].Article.Body);
        Assert.Equal("no 'body', 'text' or 'content': kept with its title alone, a story of its own", records[0].Warning);
        Assert.Null(records[1].Warning);
        Assert.Equal([$"{path}:2: missing field 'body'"], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Fail_mode_throws_at_the_first_bad_record_after_returning_the_ones_before()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("data.jsonl", """
            {"id":"1","body":"a"}
            {"id":"2","body":"b"}

            {"id":"3"}
            {"id":"4","body":"d"}
            """);

        var records = Inputs.ReadFail([path], out var exception);

        Assert.Equal(["1", "2"], records.Select(r => r.Article.Id));
        Assert.NotNull(exception);
        Assert.Equal($"{path}:4: missing field 'body'", exception.Message);
        Assert.Equal(4, exception.Error.Line);
        Assert.Equal("missing field 'body'", exception.Error.Message);
    }

    [Fact]
    public void Skips_blank_lines_and_keeps_physical_line_numbers()
    {
        var (records, errors) = Inputs.ReadStdin("\n\n{\"id\":\"a\",\"body\":\"x\"}\n   \n\t\n{\"id\":\"b\",\"body\":\"y\"}\n\n");

        Assert.Empty(errors);
        Assert.Equal([3L, 6L], records.Select(r => r.Line));
    }

    [Fact]
    public void Reads_crlf_line_endings_a_bom_and_a_last_line_without_newline()
    {
        var bytes = Encoding.UTF8.GetPreamble()
            .Concat(Encoding.UTF8.GetBytes("{\"id\":\"a\",\"body\":\"x\"}\r\n\r\n{\"id\":\"b\",\"body\":\"y\\r\\n\"}"))
            .ToArray();
        using var temp = new TempDirectory();
        var path = temp.WriteBytes("bom.jsonl", bytes);

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Empty(errors);
        Assert.Equal(["a", "b"], records.Select(r => r.Article.Id));
        Assert.Equal([1L, 3L], records.Select(r => r.Line));
        Assert.Equal("y\r\n", records[1].Article.Body);
    }

    [Fact]
    public void An_empty_file_has_no_records_and_no_errors()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("empty.jsonl", string.Empty);

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Empty(records);
        Assert.Empty(errors);
    }

    [Fact]
    public void Reads_a_10_MB_line_by_growing_the_buffer()
    {
        var body = new string('ب', 5 * 1024 * 1024); // two UTF-8 bytes each
        using var temp = new TempDirectory();
        var path = temp.Write("big.jsonl", "{\"id\":\"small\",\"body\":\"s\"}\n{\"id\":\"big\",\"body\":\"" + body + "\"}\n{\"id\":\"after\",\"body\":\"a\"}\n");

        var (records, errors) = Inputs.ReadAll([path], bufferSize: 4096);

        Assert.Empty(errors);
        Assert.Equal(["small", "big", "after"], records.Select(r => r.Article.Id));
        Assert.Equal(body, records[1].Article.Body);
        Assert.Equal(3, records[2].Line);
    }

    [Fact]
    public void A_line_over_the_limit_is_an_error_and_reading_goes_on()
    {
        var text = "{\"id\":\"a\",\"body\":\"x\"}\n{\"id\":\"long\",\"body\":\"" + new string('x', 100_000) + "\"}\n{\"id\":\"c\",\"body\":\"z\"}\n";

        var (records, errors) = Inputs.ReadAll(["-"], stdin: new MemoryStream(Encoding.UTF8.GetBytes(text)), bufferSize: 1024, maxRecordBytes: 8192);

        Assert.Equal(["a", "c"], records.Select(r => r.Article.Id));
        Assert.Equal([1L, 3L], records.Select(r => r.Line));
        Assert.Equal("<stdin>:2: line longer than 8192 bytes", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Invalid_utf8_in_a_used_field_is_an_error_of_that_line()
    {
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"id\":\"a\",\"body\":\"ok\"}\n{\"id\":\"b\",\"body\":\"bad "));
        bytes.AddRange(new byte[] { 0xC3, 0x28, 0xFF });
        bytes.AddRange(Encoding.UTF8.GetBytes("\"}\n{\"id\":\"c\",\"body\":\"ok\"}\n"));

        var (records, errors) = Inputs.ReadAll(["-"], stdin: new MemoryStream(bytes.ToArray()));

        Assert.Equal(["a", "c"], records.Select(r => r.Article.Id));
        Assert.Equal("<stdin>:2: invalid UTF-8 in field 'body'", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_an_error_of_that_line()
    {
        var deep = new string('[', 1000) + new string(']', 1000);
        var text = "{\"id\":\"a\",\"body\":\"x\",\"deep\":" + deep + "}\n{\"id\":\"b\",\"body\":\"y\"}\n";

        var (records, errors) = Inputs.ReadStdin(text);

        Assert.Equal("b", Assert.Single(records).Article.Id);
        var error = Assert.Single(errors);
        Assert.Equal(1, error.Line);
        Assert.StartsWith("invalid JSON: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("depth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_gzip_by_extension_and_by_magic_bytes_including_concatenated_members()
    {
        using var temp = new TempDirectory();
        var named = temp.WriteGzip("data.jsonl.gz", "{\"id\":\"a\",\"body\":\"x\"}\n{\"id\":\"b\",", "\"body\":\"y\"}\n", "{\"id\":\"c\",\"body\":\"z\"}\n");
        var unnamed = temp.WriteBytes("data.bin", File.ReadAllBytes(named));

        var (records, errors) = Inputs.ReadAll([named, unnamed]);

        Assert.Empty(errors);
        Assert.Equal(["a", "b", "c", "a", "b", "c"], records.Select(r => r.Article.Id));
        Assert.Equal([1L, 2L, 3L, 1L, 2L, 3L], records.Select(r => r.Line));
    }

    [Fact]
    public void Reads_stdin_as_jsonl_by_default_even_without_a_brace()
    {
        var (records, errors) = Inputs.ReadStdin("{\"id\":\"a\",\"body\":\"x\"}\nnot json\n");

        Assert.Equal("a", Assert.Single(records).Article.Id);
        Assert.Equal("-", Assert.Single(errors).Input);
        Assert.StartsWith("<stdin>:2: invalid JSON: ", errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Small_and_large_buffers_give_the_same_records()
    {
        var random = new Random(12345);
        var builder = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            var body = new string((char)('a' + random.Next(26)), random.Next(0, 3000));
            builder.Append($$"""{"id":"r{{i}}","source":"s{{i % 7}}","body":"{{body}}\n\"q\""}""").Append(i % 3 == 0 ? "\r\n" : "\n");
        }

        var bytes = Encoding.UTF8.GetBytes(builder.ToString());
        var small = Inputs.ReadAll(["-"], stdin: new MemoryStream(bytes), bufferSize: 64).Records;
        var large = Inputs.ReadAll(["-"], stdin: new MemoryStream(bytes)).Records;

        Assert.Equal(300, large.Count);
        Assert.Equal(large.Select(r => (r.Article.Id, r.Article.Source, r.Article.Body, r.Line)), small.Select(r => (r.Article.Id, r.Article.Source, r.Article.Body, r.Line)));
    }

    [Fact]
    public void Counts_the_bytes_read_as_stored()
    {
        using var temp = new TempDirectory();
        var plain = temp.Write("a.jsonl", "{\"id\":\"a\",\"body\":\"x\"}\n");
        var packed = temp.WriteGzip("b.jsonl.gz", "{\"id\":\"b\",\"body\":\"y\"}\n");
        var reader = new ArticleReader([plain, packed], InputFormat.Auto, ErrorMode.Fail, _ => { });

        Assert.Equal(0, reader.BytesRead);
        Assert.Equal(2, reader.Read().Count());
        Assert.Equal(new FileInfo(plain).Length + new FileInfo(packed).Length, reader.BytesRead);
    }
}

using System.Text;
using Syndicate.Cli.Input;

namespace Syndicate.Tests.Cli.Input;

public sealed class CsvInputTests
{
    [Fact]
    public void Reads_rows_with_quoted_separators_quotes_and_line_breaks_at_the_line_each_starts()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("day.csv",
            "id,source,url,published,title,body\r\n" +
            "1,okaz,https://okaz/1,2015-07-21T02:16:13Z,\"قال، الوزير\",\"أول فقرة، و\"\"اقتباس\"\"\r\nثاني فقرة\"\r\n" +
            "2,was,,Tue, 21 Jul 2015 02:16:13 GMT,,\n");

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Single(errors);
        Assert.Equal(4, errors[0].Line);
        Assert.Equal("7 fields where the header has 6", errors[0].Message);
        var article = Assert.Single(records).Article;
        Assert.Equal(2, records[0].Line);
        Assert.Equal("1", article.Id);
        Assert.Equal("okaz", article.Source);
        Assert.Equal("https://okaz/1", article.Url);
        Assert.Equal(new DateTimeOffset(2015, 7, 21, 2, 16, 13, TimeSpan.Zero), article.Published);
        Assert.Equal("قال، الوزير", article.Title);
        Assert.Equal("أول فقرة، و\"اقتباس\"\r\nثاني فقرة", article.Body);
    }

    [Theory]
    [InlineData("tsv", "id\tsource\tbody\n1\ta\tx, y; z\n")]
    [InlineData("csv", "id;source;body\n1;a;\"x, y; z\"\n")]
    [InlineData("csv", "\uFEFF ID , Source ,BODY\n1,a,\"x, y; z\"\n")]
    public void Finds_the_separator_and_the_columns_whatever_their_case(string extension, string text)
    {
        using var temp = new TempDirectory();
        var path = temp.Write("a." + extension, text);

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Empty(errors);
        var article = Assert.Single(records).Article;
        Assert.Equal(("1", "a", "x, y; z"), (article.Id, article.Source, article.Body));
    }

    [Fact]
    public void Gives_each_bad_row_an_error_at_its_line_and_goes_on()
    {
        using var temp = new TempDirectory();
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("id,source,title,body,date\n1,a,,x,\n2,b\n\n3,c,,"));
        bytes.Add(0xFF);
        bytes.AddRange(Encoding.UTF8.GetBytes(",\n4,,,,\n,d,,y,\n5,e,Headline,,not a date\n6,,,z,1437436573\n"));
        var path = temp.WriteBytes("rows.csv", [.. bytes]);

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Equal(
            [(3L, "2 fields where the header has 5"), (5, "invalid UTF-8 (or U+FFFF)"), (6, "missing field 'body'"), (7, "missing field 'id'")],
            errors.Select(e => (e.Line, e.Message)));
        Assert.All(errors, e => Assert.False(e.EndsInput));
        Assert.Equal(["1", "5", "6"], records.Select(r => r.Article.Id));
        Assert.Equal("a", records[0].Article.Source);
        Assert.Null(records[0].Article.Published);
        Assert.Equal(("Headline", string.Empty), (records[1].Article.Title, records[1].Article.Body));
        Assert.StartsWith("date ignored: 'not a date'", records[1].Warning, StringComparison.Ordinal);
        Assert.Equal("unknown", records[2].Article.Source);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1437436573), records[2].Article.Published);
    }

    [Fact]
    public void A_bad_date_is_a_warning_and_the_row_is_kept()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("d.csv", "id,source,body,published\n1,a,x,2014-09-31\n");

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Empty(errors);
        Assert.Null(Assert.Single(records).Article.Published);
        Assert.Equal("published ignored: '2014-09-31' is not a valid ISO 8601, RFC 1123/822 or Unix time", records[0].Warning);
    }

    [Fact]
    public void A_quote_left_open_ends_the_input_at_its_row_after_the_rows_before_it()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("open.csv", "id,source,body\n1,a,x\n2,b,\"never closed\n3,c,y\n4,d,z\n");

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Equal(["1"], records.Select(r => r.Article.Id));
        AssertEndsInputAt(errors, 3, "not closed");
    }

    [Fact]
    public void A_row_longer_than_the_record_limit_ends_the_input_at_its_line_after_the_rows_before_it()
    {
        using var temp = new TempDirectory();
        var within = new string('x', 30_000);
        var beyond = new string('y', 200_000);
        var path = temp.Write("long.csv", $"id,source,body\n1,a,{within}\n2,b,short\n3,c,\"{beyond}\n4,d,z\n");

        var (records, errors) = Inputs.ReadAll([path], maxRecordBytes: 64 * 1024);

        Assert.Equal(["1", "2"], records.Select(r => r.Article.Id));
        Assert.Equal(within, records[0].Article.Body);
        AssertEndsInputAt(errors, 4, "row longer than 65536 bytes");
    }

    [Fact]
    public void A_header_longer_than_the_record_limit_ends_the_input_at_line_1()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("header.csv", $"id,body,\"{new string('h', 200_000)}\n1,x\n");

        var (records, errors) = Inputs.ReadAll([path], maxRecordBytes: 64 * 1024);

        Assert.Empty(records);
        AssertEndsInputAt(errors, 1, "header longer than 65536 bytes");
    }

    [Fact]
    public void A_row_longer_than_the_parser_reads_is_an_error_not_a_crash()
    {
        // Beyond 16,777,216 characters the parser refuses a row whatever the record limit; that is an input error too.
        using var temp = new TempDirectory();
        var path = temp.File("huge.csv");
        using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
        {
            writer.Write("id,source,body\n1,a,first\n2,b,\"");
            var block = new string('w', 1 << 20);
            for (var i = 0; i < 17; i++)
            {
                writer.Write(block);
            }

            writer.Write("\"\n3,c,z\n");
        }

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Equal(["1"], records.Select(r => r.Article.Id));
        AssertEndsInputAt(errors, 3, "row longer than 16777216 characters");
    }

    [Theory]
    [InlineData("name,body\nx,y\n", "the header names no column 'id' (header: name, body)")]
    [InlineData("id,source,outlet\n1,a,b\n", "the header names no column 'body', 'text', 'content' or 'title' (header: id, source, outlet)")]
    [InlineData("id,ID,body\n1,2,x\n", "bad header: column 'id' is named twice")]
    public void A_header_that_cannot_give_articles_ends_the_input_at_line_1(string text, string message)
    {
        using var temp = new TempDirectory();
        var path = temp.Write("h.csv", text);

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Empty(records);
        var error = Assert.Single(errors);
        Assert.Equal((1L, true, message), (error.Line, error.EndsInput, error.Message));
    }

    [Fact]
    public void Columns_no_article_field_is_read_from_are_named_once()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("extra.csv", "id,outlet,body,published_at\n1,a,x,2015\n2,b,y,2016\n");
        var warnings = new List<InputError>();
        var reader = new ArticleReader([path], InputFormat.Auto, ErrorMode.Skip, _ => { }, onWarning: warnings.Add);

        var records = reader.Read().ToList();

        Assert.Equal(2, records.Count);
        var warning = Assert.Single(warnings, w => !ArticleReader.IsUntimedNotice(w));
        Assert.Equal(1, warning.Line);
        Assert.StartsWith("fields not read: outlet, published_at", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gzipped_files_directories_and_standard_input_by_option_are_read()
    {
        using var temp = new TempDirectory();
        temp.WriteGzip("feeds/a.csv.gz", "id,source,body\n1,a,x\n");
        temp.Write("feeds/b.tsv", "id\tsource\tbody\n2\tb\ty\n");
        var (records, errors) = Inputs.ReadAll([Path.Combine(temp.Path, "feeds")]);

        Assert.Empty(errors);
        Assert.Equal(["1", "2"], records.Select(r => r.Article.Id));

        var (fromStdin, stdinErrors) = Inputs.ReadStdin("id,source,body\n3,c,z\n", InputFormat.Csv);
        Assert.Empty(stdinErrors);
        Assert.Equal("3", Assert.Single(fromStdin).Article.Id);
    }

    [Theory]
    [InlineData("id,source,body\n1,a,x\n")]
    [InlineData("\uFEFF\"ID\";\"source\";\"body\"\r\n1;a;x\r\n")]
    [InlineData("source\tid\tbody\na\t1\tx\n")]
    public void A_header_naming_an_id_column_makes_an_input_of_no_known_format_csv(string text)
    {
        using var temp = new TempDirectory();
        var path = temp.Write("export.dat", text);

        var (fromFile, fileErrors) = Inputs.ReadAll([path]);
        var (fromStdin, stdinErrors) = Inputs.ReadStdin(text);

        Assert.Empty(fileErrors);
        Assert.Empty(stdinErrors);
        Assert.Equal(("1", "a", "x"), (fromFile.Single().Article.Id, fromFile[0].Article.Source, fromFile[0].Article.Body));
        Assert.Equal(("1", "a", "x"), (fromStdin.Single().Article.Id, fromStdin[0].Article.Source, fromStdin[0].Article.Body));
    }

    [Theory]
    [InlineData("identifier,body\n1,x\n")]
    [InlineData("plain words id and more\n")]
    public void A_first_line_without_an_id_column_is_not_taken_for_a_header(string text)
    {
        Assert.False(CsvSource.LooksLikeHeader(Encoding.UTF8.GetBytes(text.Split('\n')[0])));

        // On stdin such text is read as JSON Lines, and each line is a bad record.
        var (records, errors) = Inputs.ReadStdin(text);
        Assert.Empty(records);
        Assert.StartsWith("invalid JSON", errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("id,source,body\n")]
    [InlineData("id,source,body\n\n\n")]
    public void A_file_without_rows_holds_no_article_and_is_no_error(string text)
    {
        using var temp = new TempDirectory();
        var path = temp.Write("empty.csv", text);

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Empty(records);
        Assert.Empty(errors);
    }

    [Fact]
    public void Reads_the_same_articles_as_the_same_corpus_in_json_lines()
    {
        var articles = new[]
        {
            new { id = "a1", source = "okaz", url = "https://o/1", published = "2015-07-21T02:16:13Z", title = "عنوان، \"أول\"", body = "فقرة أولى.\nفقرة, ثانية \"مقتبسة\"." },
            new { id = "a2", source = "was", url = "", published = "", title = "", body = "الرياض 05 شوال 1436 هـ واس\nنص" },
        };
        using var temp = new TempDirectory();
        var jsonl = temp.Write("c.jsonl", string.Join('\n', articles.Select(a => System.Text.Json.JsonSerializer.Serialize(a))) + "\n");
        static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var csv = temp.Write("c.csv", "id,source,url,published,title,body\n" + string.Concat(articles.Select(a =>
            string.Join(',', Quote(a.id), Quote(a.source), Quote(a.url), Quote(a.published), Quote(a.title), Quote(a.body)) + "\n")));

        var fromJson = Inputs.ReadAll([jsonl]).Records.Select(r => r.Article).ToList();
        var fromCsv = Inputs.ReadAll([csv]).Records.Select(r => r.Article).ToList();

        Assert.Equal(2, fromCsv.Count);
        for (var i = 0; i < fromJson.Count; i++)
        {
            Assert.Equal(
                (fromJson[i].Id, fromJson[i].Source, fromJson[i].Body, fromJson[i].Published),
                (fromCsv[i].Id, fromCsv[i].Source, fromCsv[i].Body, fromCsv[i].Published));
        }

        // JSON keeps an empty string as given; CSV has no null, so an empty field is no value.
        Assert.Equal(("https://o/1", "عنوان، \"أول\""), (fromCsv[0].Url, fromCsv[0].Title));
        Assert.Equal((null, null), (fromCsv[1].Url, fromCsv[1].Title));
    }

    // The one error of a read that stopped at line: it ends the input and says what it found there.
    private static void AssertEndsInputAt(List<InputError> errors, long line, string message)
    {
        var error = Assert.Single(errors);
        Assert.Equal((line, true), (error.Line, error.EndsInput));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}

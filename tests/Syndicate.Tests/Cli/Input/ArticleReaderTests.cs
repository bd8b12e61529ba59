using Syndicate.Cli.Input;

namespace Syndicate.Tests.Cli.Input;

public sealed class ArticleReaderTests
{
    [Fact]
    public void Fields_no_article_field_is_read_from_are_named_once_a_run_where_first_seen()
    {
        using var temp = new TempDirectory();
        // A schema of its own: its times and outlets would be lost without a word.
        var monday = temp.Write("monday.jsonl",
            "{\"id\":\"a\",\"source\":\"s\",\"body\":\"x\"}\n" +
            "{\"id\":\"b\",\"outlet\":\"okaz\",\"published_at\":\"2015-07-21\",\"content\":\"y\",\"tags\":{\"body\":1}}\n");
        var tuesday = temp.Write("tuesday.json", "[{\"id\":\"c\",\"outlet\":\"sabq\",\"body\":\"z\",\"author\":\"n\"}]");
        var known = temp.Write("known.jsonl", "{\"id\":\"d\",\"source\":\"s\",\"url\":\"u\",\"date\":\"2015-07-21\",\"title\":\"t\",\"text\":\"w\"}\n");

        var errors = new List<InputError>();
        var warnings = new List<InputError>();
        var records = new ArticleReader([monday, tuesday, known], InputFormat.Auto, ErrorMode.Skip, errors.Add, onWarning: warnings.Add).Read().ToList();

        Assert.Empty(errors);
        Assert.Equal(["a", "b", "c", "d"], records.Select(r => r.Article.Id));
        Assert.Equal(
            [
                $"{monday}:2: fields not read: outlet, published_at, tags ({FieldSurvey.ReadFields})",
                $"{monday}: {ArticleReader.UntimedMessage(2)}",
                $"{tuesday}:1: fields not read: author ({FieldSurvey.ReadFields})",
                $"{tuesday}: {ArticleReader.UntimedMessage(1)}",
            ],
            warnings.Select(w => w.ToString()));
    }

    [Fact]
    public void An_input_whose_first_articles_have_no_time_is_named_once_and_one_with_a_time_is_not()
    {
        using var temp = new TempDirectory();
        var untimed = temp.Write("untimed.jsonl", string.Concat(Enumerable.Range(0, 150).Select(i => $"{{\"id\":\"u{i}\",\"body\":\"x\"}}\n")));
        var lateTime = temp.Write("late.jsonl", string.Concat(Enumerable.Range(0, 150).Select(i =>
            i == 99 ? $"{{\"id\":\"l{i}\",\"body\":\"x\",\"date\":\"2015-07-21\"}}\n" : $"{{\"id\":\"l{i}\",\"body\":\"x\"}}\n")));
        var text = temp.Write("story.txt", "Title\nbody");

        var warnings = new List<InputError>();
        var records = new ArticleReader([untimed, lateTime, text], InputFormat.Auto, ErrorMode.Skip, _ => { }, onWarning: warnings.Add).Read().ToList();

        Assert.Equal(301, records.Count);
        var notice = Assert.Single(warnings);
        Assert.Equal($"{untimed}: {ArticleReader.UntimedMessage(100)}", notice.ToString());
        Assert.True(ArticleReader.IsUntimedNotice(notice));
    }

    [Fact]
    public void An_input_that_holds_no_article_is_named_and_is_no_error()
    {
        using var temp = new TempDirectory();
        var empty = temp.Write("empty.jsonl", "");
        var blank = temp.Write("blank.jsonl", "\n  \n");
        var feed = temp.Write("feed.xml", "<rss version=\"2.0\"><channel><title>No items</title></channel></rss>");
        var bad = temp.Write("bad.jsonl", "{\"id\":\"x\"}\n");
        var present = temp.Write("present.jsonl", "{\"id\":\"a\",\"body\":\"x\"}");

        var errors = new List<InputError>();
        var warnings = new List<InputError>();
        var records = new ArticleReader([empty, blank, feed, bad, present], InputFormat.Auto, ErrorMode.Skip, errors.Add, onWarning: warnings.Add).Read().ToList();

        Assert.Equal("a", Assert.Single(records).Article.Id);
        Assert.Single(errors); // the record without a body, whose input is not also called empty
        Assert.Equal([$"{empty}: holds no article", $"{blank}: holds no article", $"{feed}: holds no article"], warnings.Where(w => !ArticleReader.IsUntimedNotice(w)).Select(w => w.ToString()));
    }

    [Fact]
    public void A_missing_file_is_an_error_and_the_next_input_is_read()
    {
        using var temp = new TempDirectory();
        var missing = Path.Combine(temp.Path, "missing.jsonl");
        var present = temp.Write("present.jsonl", "{\"id\":\"a\",\"body\":\"x\"}");

        var (records, errors) = Inputs.ReadAll([missing, present]);

        Assert.Equal("a", Assert.Single(records).Article.Id);
        var error = Assert.Single(errors);
        Assert.Equal(0, error.Line);
        Assert.Equal($"{missing}: file not found", error.ToString());
    }

    [Fact]
    public void Fail_mode_stops_at_a_missing_file_after_the_inputs_before()
    {
        using var temp = new TempDirectory();
        var present = temp.Write("present.jsonl", "{\"id\":\"a\",\"body\":\"x\"}");
        var missing = Path.Combine(temp.Path, "nope", "missing.json");

        var records = Inputs.ReadFail([present, missing, present], out var exception);

        Assert.Equal("a", Assert.Single(records).Article.Id);
        Assert.Equal($"{missing}: file not found", exception!.Message);
    }

    [Fact]
    public void Content_that_is_no_known_format_is_an_error()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("data.bin", "identifier,body\n1,text\n");

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Empty(records);
        Assert.Equal($"{path}: unknown format: not JSON Lines, JSON, RSS or Atom, nor CSV with a header naming an id column, by extension or content", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Sniffs_files_without_a_known_extension()
    {
        using var temp = new TempDirectory();
        var jsonl = temp.Write("a.data", "{\"id\":\"a\",\"body\":\"x\"}\n");
        var json = temp.Write("b.data", "[{\"id\":\"b\",\"body\":\"x\"}]");
        var rss = temp.Write("c", "<rss><channel><item><guid>c</guid><title>t</title></item></channel></rss>");

        var (records, errors) = Inputs.ReadAll([jsonl, json, rss]);

        Assert.Empty(errors);
        Assert.Equal(["a", "b", "c"], records.Select(r => r.Article.Id));
    }

    [Fact]
    public void An_explicit_format_overrides_the_extension()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("articles.txt", "{\"id\":\"a\",\"body\":\"x\"}\n{\"id\":\"b\",\"body\":\"y\"}\n");

        var (records, errors) = Inputs.ReadAll([path], InputFormat.Jsonl);

        Assert.Empty(errors);
        Assert.Equal(["a", "b"], records.Select(r => r.Article.Id));
    }

    [Fact]
    public void Reads_inputs_in_the_order_given_and_streams_lazily()
    {
        using var temp = new TempDirectory();
        var first = temp.Write("1.jsonl", "{\"id\":\"a\",\"body\":\"x\"}\n");
        var second = temp.Write("2.json", "[{\"id\":\"b\",\"body\":\"x\"}]");
        var reader = new ArticleReader([second, first, second], InputFormat.Auto, ErrorMode.Fail, _ => { });

        using var enumerator = reader.Read().GetEnumerator();
        Assert.True(enumerator.MoveNext());
        Assert.Equal("b", enumerator.Current.Article.Id);
        Assert.Equal(second, enumerator.Current.Input);
        Assert.True(enumerator.MoveNext());
        Assert.Equal("a", enumerator.Current.Article.Id);
        Assert.True(enumerator.MoveNext());
        Assert.Equal("b", enumerator.Current.Article.Id);
        Assert.False(enumerator.MoveNext());
    }

    [Fact]
    public void Errors_format_their_location()
    {
        Assert.Equal("data.jsonl:17: missing field 'body'", new InputError("data.jsonl", 17, "missing field 'body'").ToString());
        Assert.Equal("<stdin>:2: bad", new InputError("-", 2, "bad").ToString());
        Assert.Equal("x.json: file not found", new InputError("x.json", 0, "file not found").ToString());
    }
}

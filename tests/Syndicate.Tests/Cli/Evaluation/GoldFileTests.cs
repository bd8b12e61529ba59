using Syndicate.Cli.Evaluation;
using Syndicate.Cli.Input;

namespace Syndicate.Tests.Cli.Evaluation;

public sealed class GoldFileTests
{
    [Fact]
    public void Link_labels_are_recognised_by_their_kinds_and_links()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("gold.jsonl", """
            {"id": "s1", "story": "p1", "kind": "source", "original": true}
            {"id": "w1", "story": "p1", "kind": "wd", "link": "s1"}

            {"id": "n1", "story": "n1", "kind": "nd", "link": "s1"}
            """);

        GoldFile gold = GoldFile.Read(path);

        Assert.Null(gold.Stories);
        Assert.Equal(["s1", "w1", "n1"], gold.Ids);
        Assert.Equal(new LinkLabel("w1", "wd", "s1", "p1"), gold.Links![1]);
    }

    [Fact]
    public void Story_labels_read_as_before()
    {
        GoldFile gold = GoldFile.Read(TestData.FixturePath("synthetic", "gold.jsonl"));

        Assert.Null(gold.Links);
        Assert.Equal(371, gold.Stories!.Count);
    }

    [Fact]
    public void A_gzipped_gold_file_is_read_whatever_its_name()
    {
        using var temp = new TempDirectory();
        string path = temp.WriteGzip("gold.jsonl", """{"id": "s1", "kind": "source"}""" + "\n");

        Assert.Single(GoldFile.Read(path).Links!);
    }

    [Theory]
    [InlineData("""{"id":"a1","source":"x","title":"t","body":"b"}""", ":1: expected a gold label", "no 'story' (it looks like an article: is this the corpus?)")]
    [InlineData("""{"id":"a1","cluster":3,"canonical":true}""", ":1: expected a gold label", "(it looks like a prediction line")]
    [InlineData("not json", ":1: expected one JSON object per line", "not JSON")]
    [InlineData("[1, 2]", ":1: expected one JSON object per line", "found a JSON array")]
    [InlineData("{\"id\":\"s1\",\"kind\":\"source\"}\n{\"id\":\"w1\",\"kind\":\"wd\"}", ":2: expected a link label", "no 'link'")]
    [InlineData("{\"id\":\"s1\",\"kind\":\"source\"}\n{\"id\":\"w1\",\"kind\":\"wd\",\"link\":\"zz\"}", ":2: link 'zz'", "names no text of kind 'source'")]
    [InlineData("{\"id\":\"s1\",\"kind\":\"source\"}\n{\"id\":\"s1\",\"kind\":\"source\"}", ":2: id 's1' is labelled twice", "first on line 1")]
    [InlineData("{\"id\":\"s1\",\"kind\":\"source\"}\n{\"id\":\"x\",\"story\":\"s\",\"kind\":\"reprint\"}", ":2: expected a link label", "found a story label")]
    [InlineData("{\"id\":\"x\",\"story\":\"s\",\"kind\":\"reprint\"}\n{\"id\":\"s1\",\"kind\":\"source\"}", ":2: expected a gold label", "found a link label")]
    [InlineData("{\"id\":\"x\",\"story\":\"s\",\"kind\":\"reprint\",\"original\":\"yes\"}", ":1: expected a gold label", "'original' must be true or false")]
    [InlineData("", "", "holds no gold labels")]
    public void A_file_that_is_not_gold_is_one_error_naming_the_line(string content, string where, string what)
    {
        using var temp = new TempDirectory();
        string path = temp.Write("gold.jsonl", content);

        InputException e = Assert.Throws<InputException>(() => GoldFile.Read(path));

        Assert.StartsWith(path + where, e.Message, StringComparison.Ordinal);
        Assert.Contains(what, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_directory_or_a_missing_file_is_one_error()
    {
        using var temp = new TempDirectory();

        Assert.Equal(temp.Path + ": is a directory; expected a file", Assert.Throws<InputException>(() => GoldFile.Read(temp.Path)).Message);
        Assert.StartsWith(temp.File("absent.jsonl") + ": cannot be read: ", Assert.Throws<InputException>(() => GoldFile.Read(temp.File("absent.jsonl"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gold_file_given_as_predictions_says_what_it_looks_like()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("gold.jsonl", """{"id": "s1", "story": "p1", "kind": "source"}""" + "\n");

        InputException e = Assert.Throws<InputException>(() => PredictionJsonl.Read(path));

        Assert.Equal(path + ":1: expected a prediction {\"id\", \"cluster\", ...} as 'syndicate cluster --format jsonl' writes; this line has no 'cluster' (it looks like a gold label)", e.Message);
    }

    [Fact]
    public void Predictions_with_numeric_and_string_clusters_are_read()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("p.jsonl", "{\"id\":\"a\",\"cluster\":3,\"canonical\":true,\"source\":\"x\"}\n{\"id\":\"b\",\"cluster\":\"k\"}\n");

        List<ArticlePrediction> predictions = PredictionJsonl.Read(path);

        Assert.Equal([new ArticlePrediction("a", "3", true, Source: "x"), new ArticlePrediction("b", "k", false)], predictions);
    }

    [Fact]
    public void A_truncated_gzip_file_is_an_error()
    {
        using var temp = new TempDirectory();
        string whole = temp.WriteGzip("whole.gz", string.Concat(Enumerable.Range(0, 4000).Select(i => $"{{\"id\":\"s{i}\",\"kind\":\"source\"}}\n")));
        Assert.Equal(4000, GoldFile.Read(whole).Links!.Count);
        byte[] bytes = File.ReadAllBytes(whole);
        string cut = temp.WriteBytes("cut.gz", bytes[..(bytes.Length / 2)]);

        InputException e = Assert.Throws<InputException>(() => GoldFile.Read(cut));

        Assert.Contains("cannot be read completely: truncated or corrupt gzip data", e.Message, StringComparison.Ordinal);
    }
}

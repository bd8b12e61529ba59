using Syndicate.Cli.Input;

namespace Syndicate.Tests.Cli.Input;

/// <summary>A file's format is decided by its content as well as its name: read whole, or an error; never half.</summary>
public sealed class DocumentShapeTests
{
    private const string ThreeLines = """
        {"id":"a","body":"one"}
        {"id":"b","body":"two"}
        {"id":"c","body":"three"}

        """;

    [Fact]
    public void Json_lines_named_json_are_read_whole()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("x.json", ThreeLines);

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Empty(errors);
        Assert.Equal(["a", "b", "c"], records.Select(r => r.Article.Id));
        Assert.Equal([1L, 2L, 3L], records.Select(r => r.Line));
    }

    [Fact]
    public void Json_lines_read_with_input_format_json_are_read_whole()
    {
        var (records, errors) = Inputs.ReadStdin(ThreeLines, InputFormat.Json);

        Assert.Empty(errors);
        Assert.Equal(["a", "b", "c"], records.Select(r => r.Article.Id));
    }

    [Fact]
    public void A_json_array_named_jsonl_is_read_as_an_array()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("x.jsonl", "[\n  {\"id\":\"a\",\"body\":\"one\"},\n  {\"id\":\"b\",\"body\":\"two\"}\n]\n");

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Empty(errors);
        Assert.Equal(["a", "b"], records.Select(r => r.Article.Id));
        Assert.Equal([2L, 3L], records.Select(r => r.Line));
    }

    [Theory]
    [InlineData("[{\"id\":\"a\",\"body\":\"one\"}]\n\nxyz\n", 3)]
    [InlineData("[{\"id\":\"a\",\"body\":\"one\"}]\n[{\"id\":\"b\",\"body\":\"two\"}]\n", 2)]
    [InlineData("{\"articles\":[{\"id\":\"a\",\"body\":\"one\"}],\"next\":null}\n}\n", 2)]
    public void Content_after_the_document_is_an_error_at_its_line(string json, long line)
    {
        using var temp = new TempDirectory();
        string path = temp.Write("x.json", json);

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Equal("a", Assert.Single(records).Article.Id);
        InputError error = Assert.Single(errors);
        Assert.True(error.EndsInput);
        Assert.Equal(line, error.Line);
        Assert.Equal($"{path}:{line}: unexpected content after the end of the JSON document", error.ToString());
    }

    [Fact]
    public void A_wrapping_object_may_hold_other_properties_after_its_articles()
    {
        var (records, errors) = Inputs.ReadStdin("{\"count\":2,\"articles\":[{\"id\":\"a\",\"body\":\"one\"},{\"id\":\"b\",\"body\":\"two\"}],\"next\":{\"page\":[2,3]},\"s\":\"x\"}\n", InputFormat.Json);

        Assert.Empty(errors);
        Assert.Equal(["a", "b"], records.Select(r => r.Article.Id));
    }

    [Fact]
    public void Something_else_after_a_top_level_article_is_an_error()
    {
        var (records, errors) = Inputs.ReadStdin("{\"id\":\"a\",\"body\":\"one\"}\n[1]\n", InputFormat.Json);

        Assert.Equal("a", Assert.Single(records).Article.Id);
        Assert.Equal("<stdin>:2: unexpected content after a JSON object: expected another object or the end", Assert.Single(errors).ToString());
    }
}

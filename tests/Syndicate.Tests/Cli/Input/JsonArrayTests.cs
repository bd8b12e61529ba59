using System.Text;
using Syndicate.Cli.Input;

namespace Syndicate.Tests.Cli.Input;

public sealed class JsonArrayTests
{
    private const string Pretty = """
        [
          {
            "id": "a",
            "body": "first"
          },
          { "id": "b", "body": "second", "nested": { "deep": [ { } ] } },

          {"id": "c",
           "content": "third"}
        ]
        """;

    [Fact]
    public void Reads_an_array_with_the_line_of_each_opening_brace()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("data.json", Pretty);

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Empty(errors);
        Assert.Equal(["a", "b", "c"], records.Select(r => r.Article.Id));
        Assert.Equal([2L, 6L, 8L], records.Select(r => r.Line));
        Assert.Equal("third", records[2].Article.Body);
    }

    [Fact]
    public void A_tiny_buffer_gives_the_same_records_and_lines()
    {
        var (large, _) = Inputs.ReadAll(["-"], stdin: Stream(Pretty));
        var (small, errors) = Inputs.ReadAll(["-"], stdin: Stream(Pretty), bufferSize: 16);

        Assert.Empty(errors);
        Assert.Equal(large.Select(r => (r.Article.Id, r.Article.Body, r.Line)), small.Select(r => (r.Article.Id, r.Article.Body, r.Line)));
    }

    [Fact]
    public void Reads_an_object_with_an_articles_array()
    {
        // On standard input a leading '{' means JSON Lines, so the format is named here.
        var (records, errors) = Inputs.ReadStdin(
            """
            {"meta": {"count": 2, "list": [1, 2]}, "name": "x",
             "articles": [{"id": "a", "body": "x"},
                          {"id": "b", "body": "y"}],
             "after": true}
            """,
            InputFormat.Json);

        Assert.Empty(errors);
        Assert.Equal(["a", "b"], records.Select(r => r.Article.Id));
        Assert.Equal([2L, 3L], records.Select(r => r.Line));
    }

    [Fact]
    public void Reads_a_single_object_as_one_article()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("one.json", "\n\n{\n  \"id\": \"only\",\n  \"body\": \"text\"\n}\n");

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Empty(errors);
        var record = Assert.Single(records);
        Assert.Equal("only", record.Article.Id);
        Assert.Equal(3, record.Line);
    }

    [Fact]
    public void Bad_elements_are_errors_of_their_line_and_reading_goes_on()
    {
        using var temp = new TempDirectory();
        var deep = new string('[', 1000) + new string(']', 1000);
        var path = temp.Write("data.json", "[\n{\"id\":\"a\"},\n42,\n{\"id\":\"d\",\"body\":\"x\",\"deep\":" + deep + "},\n{\"id\":\"e\",\"body\":\"ok\"}\n]");

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Equal("e", Assert.Single(records).Article.Id);
        Assert.Equal(5, records[0].Line);
        Assert.Equal(3, errors.Count);
        Assert.Equal($"{path}:2: missing field 'body'", errors[0].ToString());
        Assert.Equal($"{path}:3: expected a JSON object", errors[1].ToString());
        Assert.Equal(4, errors[2].Line);
        Assert.Contains("depth", errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_ends_the_input_after_returning_the_records_before()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("data.json", "[\n{\"id\":\"a\",\"body\":\"x\"},\n{\"id\":\"b\",\"body\":\"y\"}\n{\"id\":\"c\",\"body\":\"z\"}\n]");

        var records = Inputs.ReadFail([path], out var exception);

        Assert.Equal(["a", "b"], records.Select(r => r.Article.Id));
        Assert.Equal($"{path}:4: expected ',' or ']' after an array element", exception!.Message);
    }

    [Fact]
    public void A_truncated_array_is_an_error()
    {
        var (records, errors) = Inputs.ReadStdin("[{\"id\":\"a\",\"body\":\"x\"},\n{\"id\":\"b\",\"bo");

        Assert.Equal("a", Assert.Single(records).Article.Id);
        var error = Assert.Single(errors);
        Assert.Equal(2, error.Line);
        Assert.StartsWith("invalid JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData(" [ \n ] ")]
    public void Empty_documents_have_no_records(string text)
    {
        var (records, errors) = Inputs.ReadAll(["-"], InputFormat.Json, Stream(text));

        Assert.Empty(records);
        Assert.Empty(errors);
    }

    [Fact]
    public void Detects_an_array_on_stdin_after_a_bom_and_whitespace()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("  \r\n [{\"id\":\"a\",\"body\":\"x\"}]")).ToArray();

        var (records, errors) = Inputs.ReadAll(["-"], stdin: new MemoryStream(bytes));

        Assert.Empty(errors);
        Assert.Equal(2, Assert.Single(records).Line);
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));
}

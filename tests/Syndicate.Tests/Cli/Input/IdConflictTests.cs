using Syndicate.Cli.Input;

namespace Syndicate.Tests.Cli.Input;

/// <summary>An id names one article: read again with the same text it is the same article, with another text an error.</summary>
public sealed class IdConflictTests
{
    [Fact]
    public void The_same_id_with_the_same_text_is_returned_again()
    {
        using var temp = new TempDirectory();
        string first = temp.Write("first.jsonl", "{\"id\":\"x\",\"title\":\"T\",\"body\":\"same words\",\"source\":\"a\"}\n");
        string second = temp.Write("second.jsonl", "{\"id\":\"x\",\"title\":\"T\",\"body\":\"same words\",\"source\":\"b\"}\n");

        var (records, errors) = Inputs.ReadAll([first, second]);

        Assert.Empty(errors);
        Assert.Equal([first, second], records.Select(r => r.Input));
    }

    [Theory]
    [InlineData("{\"id\":\"x\",\"title\":\"T\",\"body\":\"other words\"}")]
    [InlineData("{\"id\":\"x\",\"title\":\"U\",\"body\":\"same words\"}")]
    [InlineData("{\"id\":\"x\",\"body\":\"same words\"}")]
    public void The_same_id_with_another_text_is_an_error_naming_both_places(string line)
    {
        using var temp = new TempDirectory();
        string first = temp.Write("first.jsonl", "{\"id\":\"y\",\"body\":\"b\"}\n{\"id\":\"x\",\"title\":\"T\",\"body\":\"same words\"}\n");
        string second = temp.Write("second.jsonl", line + "\n");

        var (records, errors) = Inputs.ReadAll([first, second]);

        Assert.Equal(["y", "x"], records.Select(r => r.Article.Id));
        InputError error = Assert.Single(errors);
        Assert.False(error.EndsInput);
        Assert.Equal($"{second}:1: id \"x\" was already used by {first}:2 for different text", error.ToString());
    }

    [Fact]
    public void Two_folders_of_text_files_with_the_same_names_conflict()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("monday"));
        Directory.CreateDirectory(temp.File("tuesday"));
        string a = temp.Write(Path.Combine("monday", "story.txt"), "Monday's story\n\nabout one thing");
        string b = temp.Write(Path.Combine("tuesday", "story.txt"), "Tuesday's story\n\nabout another");

        var (records, errors) = Inputs.ReadAll([temp.File("monday"), temp.File("tuesday")]);

        Assert.Equal([a], records.Select(r => r.Input));
        Assert.Equal($"{b}:1: id \"story\" was already used by {a}:1 for different text", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Under_fail_the_conflict_stops_reading()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("feed.jsonl", "{\"id\":\"x\",\"body\":\"one\"}\n{\"id\":\"x\",\"body\":\"two\"}\n{\"id\":\"z\",\"body\":\"three\"}\n");

        List<InputRecord> records = Inputs.ReadFail([path], out InputException? exception);

        Assert.Equal("x", Assert.Single(records).Article.Id);
        Assert.Equal($"{path}:2: id \"x\" was already used by {path}:1 for different text", exception?.Error.ToString());
    }
}

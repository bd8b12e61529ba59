using Syndicate.Cli.Input;

namespace Syndicate.Tests.Cli.Input;

/// <summary>
/// An id names one source's article: read again with the same source and text it is the same article, with another
/// source or text an error.
/// </summary>
public sealed class IdConflictTests
{
    [Fact]
    public void The_same_id_with_the_same_text_is_returned_again()
    {
        using var temp = new TempDirectory();
        string first = temp.Write("first.jsonl", "{\"id\":\"x\",\"title\":\"T\",\"body\":\"same words\",\"source\":\"a\"}\n");
        string second = temp.Write("second.jsonl", "{\"id\":\"x\",\"title\":\"T\",\"body\":\"same words\",\"source\":\"a\"}\n");

        var (records, errors) = Inputs.ReadAll([first, second]);

        Assert.Empty(errors);
        Assert.Equal([first, second], records.Select(r => r.Input));
    }

    [Fact]
    public void The_same_id_and_text_from_another_source_is_an_error_naming_the_first_source()
    {
        // Two outlets that number their articles alike: the second outlet's verbatim copy is another article, and is
        // neither merged into the first nor passed over as the first read again.
        using var temp = new TempDirectory();
        string first = temp.Write("sputnik.jsonl", "{\"id\":\"1\",\"title\":\"T\",\"body\":\"same words\",\"source\":\"sputnik\"}\n");
        string second = temp.Write("urdupoint.jsonl", "{\"id\":\"1\",\"title\":\"T\",\"body\":\"same words\",\"source\":\"urdupoint\"}\n");

        var (records, errors) = Inputs.ReadAll([first, second]);

        Assert.Equal([first], records.Select(r => r.Input));
        Assert.Equal($"{second}:1: id \"1\" was already used by {first}:1 for an article of another source (\"sputnik\")", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Text_files_of_one_directory_that_share_a_name_are_identified_by_their_paths()
    {
        using var temp = new TempDirectory();
        string a = temp.Write(Path.Combine("news", "sputnik", "1.txt"), "The same wire story\n\ncarried word for word by both outlets");
        string b = temp.Write(Path.Combine("news", "urdupoint", "1.txt"), "The same wire story\n\ncarried word for word by both outlets");
        string c = temp.Write(Path.Combine("news", "urdupoint", "2.txt"), "A story of the outlet's own\n\nwith a name of its own");

        var (records, errors) = Inputs.ReadAll([temp.File("news")]);

        Assert.Empty(errors);
        Assert.Equal([a, b, c], records.Select(r => r.Input));
        Assert.Equal(["sputnik/1", "urdupoint/1", "2"], records.Select(r => r.Article.Id));
        Assert.Equal(["sputnik", "urdupoint", "urdupoint"], records.Select(r => r.Article.Source));
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

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
    public void A_feed_item_whose_guid_another_outlets_item_has_is_kept_under_its_source()
    {
        // Two outlets' feeds carrying one wire item under the wire's guid: both copies are read, the later one under
        // "{source}/{guid}", and reading its feed again gives it the same id without an error.
        using var temp = new TempDirectory();
        string sputnik = temp.Write("sputnik.xml", Feed("Sputnik", "wire-1", "The same wire story carried word for word"));
        string urdupoint = temp.Write("urdupoint.xml", Feed("UrduPoint", "wire-1", "The same wire story carried word for word"));
        string edited = temp.Write("pakistanpoint.xml", Feed("Pakistan Point", "wire-1", "The same wire story, edited by the second outlet"));

        var (records, errors) = Inputs.ReadAll([sputnik, urdupoint, edited, urdupoint]);

        Assert.Empty(errors);
        Assert.Equal(["wire-1", "UrduPoint/wire-1", "Pakistan Point/wire-1", "UrduPoint/wire-1"], records.Select(r => r.Article.Id));
        Assert.Equal(["Sputnik", "UrduPoint", "Pakistan Point", "UrduPoint"], records.Select(r => r.Article.Source));
        Assert.All(records, r => Assert.Equal("https://example.com/wire-1", r.Article.Url));
    }

    [Fact]
    public void A_feed_item_whose_guid_its_own_outlet_used_for_another_text_is_still_an_error()
    {
        using var temp = new TempDirectory();
        string morning = temp.Write("morning.xml", Feed("Sputnik", "wire-1", "The first text of the item"));
        string evening = temp.Write("evening.xml", Feed("Sputnik", "wire-1", "Another text under the same guid"));

        var (records, errors) = Inputs.ReadAll([morning, evening]);

        Assert.Equal([morning], records.Select(r => r.Input));
        Assert.Equal($"{evening}:4: id \"wire-1\" was already used by {morning}:4 for different text", Assert.Single(errors).ToString());
    }

    [Fact]
    public void A_record_of_another_format_whose_id_another_source_used_is_not_renamed()
    {
        // Ids a corpus chose are the corpus's: only a feed's guid or link is renamed.
        using var temp = new TempDirectory();
        string feed = temp.Write("sputnik.xml", Feed("Sputnik", "1", "The same words"));
        string lines = temp.Write("urdupoint.jsonl", "{\"id\":\"1\",\"title\":\"A wire story\",\"body\":\"The same words\",\"source\":\"UrduPoint\"}\n");

        var (records, errors) = Inputs.ReadAll([feed, lines]);

        Assert.Equal(["1"], records.Select(r => r.Article.Id));
        Assert.Equal($"{lines}:1: id \"1\" was already used by {feed}:4 for an article of another source (\"Sputnik\")", Assert.Single(errors).ToString());
    }

    private static string Feed(string outlet, string guid, string body) =>
        $"""
        <rss version="2.0">
          <channel>
            <title>{outlet}</title>
            <item>
              <guid isPermaLink="false">{guid}</guid>
              <link>https://example.com/{guid}</link>
              <title>A wire story</title>
              <description>{body}</description>
            </item>
          </channel>
        </rss>
        """;

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

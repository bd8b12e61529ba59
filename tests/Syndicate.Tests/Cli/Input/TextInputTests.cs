using System.Text;
using Syndicate.Cli.Input;

namespace Syndicate.Tests.Cli.Input;

public sealed class TextInputTests
{
    [Fact]
    public void Reads_the_seed_fixtures_directory()
    {
        var seeds = Path.Combine(Inputs.RepositoryRoot(), "fixtures", "seeds");

        var (records, errors) = Inputs.ReadAll([seeds]);

        Assert.Empty(errors);
        Assert.Equal(["000_60b9483e00639b6d", "001_fae738b27fb1fcc4"], records.Select(r => r.Article.Id));
        Assert.All(records, r => Assert.Equal("unknown", r.Article.Source));
        Assert.All(records, r => Assert.Null(r.Article.Published));
        Assert.All(records, r => Assert.Equal(1, r.Line));
        var first = records[0];
        Assert.Equal(Path.Combine(seeds, "000_60b9483e00639b6d.txt"), first.Input);
        Assert.Equal(File.ReadAllText(first.Input), first.Article.Body);
        Assert.Equal("بوتين يطلع علييف هاتفياً على الاتصالات الروسية مع واشنطن حول الضمانات الأمنية", first.Article.Title);
    }

    [Fact]
    public void Takes_the_source_from_the_top_subdirectory_in_ordinal_order()
    {
        using var temp = new TempDirectory();
        temp.Write("b.txt", "\n\n  Top title  \nbody");
        temp.Write("okaz/2015/x.txt", "Okaz title\nbody");
        temp.Write("was/a.TXT", "Wire title\r\nbody");
        temp.Write("Was/z.txt", "Upper title\nbody");
        temp.Write("okaz/notes.md", "reported, not read");
        temp.Write(".hidden/h.txt", "ignored");
        temp.Write("okaz/.h.txt", "ignored");

        var (records, errors) = Inputs.ReadAll([temp.Path]);

        Assert.Empty(errors);
        Assert.Equal(["z", "b", "x", "a"], records.Select(r => r.Article.Id));
        Assert.Equal(["Was", "unknown", "okaz", "was"], records.Select(r => r.Article.Source));
        Assert.Equal(["Upper title", "Top title", "Okaz title", "Wire title"], records.Select(r => r.Article.Title));
        Assert.Equal("\n\n  Top title  \nbody", records[1].Article.Body);
    }

    [Fact]
    public void A_directory_reads_its_feeds_and_json_lines_too_and_names_each_file_it_skips()
    {
        using var temp = new TempDirectory();
        temp.Write("okaz/x.txt", "Okaz title\nbody");
        temp.Write("dumps/2015-07-21.jsonl", "{\"id\":\"j1\",\"source\":\"sabq\",\"body\":\"one\"}\n{\"id\":\"j2\",\"source\":\"was\",\"body\":\"two\"}\n");
        temp.WriteGzip("dumps/2015-07-22.jsonl.gz", "{\"id\":\"j3\",\"source\":\"okaz\",\"body\":\"three\"}\n");
        temp.Write("feeds/spa.xml", "<rss><channel><item><guid>r1</guid><title>Feed title</title><description>four</description></item></channel></rss>");
        var notes = temp.Write("dumps/README.md", "what these files are");
        var page = temp.Write("page.html", "<p>five</p>");
        temp.Write(".cache/y.jsonl", "{\"id\":\"hidden\",\"source\":\"s\",\"body\":\"six\"}\n");

        var errors = new List<InputError>();
        var warnings = new List<InputError>();
        var records = new ArticleReader([temp.Path], InputFormat.Auto, ErrorMode.Skip, errors.Add, onWarning: warnings.Add).Read().ToList();

        Assert.Empty(errors);
        // In ordinal order of the relative paths; a text file's source is its folder, a record names its own.
        Assert.Equal(["j1", "j2", "j3", "r1", "x"], records.Select(r => r.Article.Id));
        Assert.Equal(["sabq", "was", "okaz", "unknown", "okaz"], records.Select(r => r.Article.Source));
        Assert.Equal(
            [$"{notes}: {InputDirectory.SkippedMessage}", $"{page}: {InputDirectory.SkippedMessage}"],
            warnings.Where(w => !ArticleReader.IsUntimedNotice(w)).Select(w => w.ToString()));

        // The run is sized by the files it reads, not by the ones it skips or leaves out.
        long read = new[] { "okaz/x.txt", "dumps/2015-07-21.jsonl", "dumps/2015-07-22.jsonl.gz", "feeds/spa.xml" }
            .Sum(f => new FileInfo(temp.File(f)).Length);
        Assert.Equal(read, Syndicate.Cli.Commands.InputSet.Resolve([temp.Path], stdinRedirected: false).TotalBytes);
    }

    [Fact]
    public void A_directory_reached_again_by_a_link_is_read_once_and_the_link_named()
    {
        using var temp = new TempDirectory();
        temp.Write("okaz/x.txt", "Okaz title\nbody");
        temp.Write("dumps/day.jsonl", "{\"id\":\"j1\",\"source\":\"sabq\",\"body\":\"one\"}\n");
        var loop = temp.File("okaz/up");
        Directory.CreateSymbolicLink(loop, temp.Path);
        var again = temp.File("again");
        Directory.CreateSymbolicLink(again, temp.File("dumps"));
        var elsewhere = new TempDirectory();
        try
        {
            elsewhere.Write("wire/y.txt", "Wire title\nbody");
            Directory.CreateSymbolicLink(temp.File("linked"), elsewhere.Path);

            var errors = new List<InputError>();
            var warnings = new List<InputError>();
            var records = new ArticleReader([temp.Path], InputFormat.Auto, ErrorMode.Skip, errors.Add, onWarning: warnings.Add).Read().ToList();

            Assert.Empty(errors);
            // A link to a directory outside the tree is followed; the loop and the second name of dumps are not.
            Assert.Equal(["j1", "y", "x"], records.Select(r => r.Article.Id));
            Assert.Equal(
                [
                    $"{again}: skipped: the directory {temp.File("dumps")} is read already, under another name",
                    $"{loop}: skipped: the directory {Path.TrimEndingDirectorySeparator(temp.Path)} is read already, under another name",
                ],
                warnings.Where(w => !ArticleReader.IsUntimedNotice(w)).Select(w => w.ToString()));
        }
        finally
        {
            elsewhere.Dispose();
        }
    }

    [Fact]
    public void Empty_and_invalid_text_files_are_errors_naming_the_file()
    {
        using var temp = new TempDirectory();
        var empty = temp.Write("a.txt", " \n\t\n");
        var invalid = temp.WriteBytes("b.txt", [0x41, 0x0A, 0xC3, 0x28]);
        temp.Write("c.txt", "fine");

        var (records, errors) = Inputs.ReadAll([temp.Path]);

        Assert.Equal("c", Assert.Single(records).Article.Id);
        Assert.Equal([$"{empty}: empty file", $"{invalid}: invalid UTF-8"], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Reads_a_single_text_file_and_text_on_stdin()
    {
        using var temp = new TempDirectory();
        var path = temp.WriteBytes("story.txt", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Title\nBody")).ToArray());

        var (records, errors) = Inputs.ReadAll([path]);
        var (stdin, stdinErrors) = Inputs.ReadStdin("Piped title\nbody", InputFormat.Text);

        Assert.Empty(errors);
        Assert.Empty(stdinErrors);
        Assert.Equal("story", Assert.Single(records).Article.Id);
        Assert.Equal("Title\nBody", records[0].Article.Body);
        Assert.Equal("stdin", Assert.Single(stdin).Article.Id);
        Assert.Equal("Piped title", stdin[0].Article.Title);
    }
}

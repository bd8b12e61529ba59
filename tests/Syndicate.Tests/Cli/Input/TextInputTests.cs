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
        temp.Write("okaz/notes.md", "ignored");
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

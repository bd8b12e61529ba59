using System.Text.Json;
using System.Text.RegularExpressions;

namespace Syndicate.Tests.Cli.EndToEnd;

/// <summary><c>syndicate cluster</c> on each kind of input, several at once, and on hostile text.</summary>
public sealed class ClusterInputTests
{
    private const string Injected = "<script>alert(1)</script>";

    [Fact]
    public void SeveralInputs_OfEveryKind_AreReadInOrder_AndCopiesAcrossThemCluster()
    {
        using var dir = new TempDirectory();
        // Two articles of the corpus reprinted by a feed each: the RSS item copies the first, the Atom entry the second.
        JsonElement first = Corpus.Articles[0];
        JsonElement second = Corpus.Articles[1];
        string rss = dir.File("feed.rss");
        File.WriteAllText(rss, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Reprints Daily</title>
            <item><title>{Xml(first, "title")}</title><link>https://reprints.example/1</link><guid>rss-1</guid>
            <pubDate>Tue, 18 Jan 2022 09:00:00 GMT</pubDate><description>{Xml(first, "body")}</description></item>
            </channel></rss>
            """);
        string atom = dir.File("feed.atom");
        File.WriteAllText(atom, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire Watch</title>
            <entry><id>atom-1</id><title>{Xml(second, "title")}</title><link href="https://atom.example/1"/>
            <updated>2022-01-18T10:00:00Z</updated><content type="text">{Xml(second, "body")}</content></entry>
            </feed>
            """);
        string jsonl = dir.File("part.jsonl");
        File.WriteAllLines(jsonl, Corpus.Lines.Take(10));
        string stdin = string.Join('\n', Corpus.Lines.Skip(10).Take(5)) + "\n";

        CliResult run = SyndicateCli.RunWithInput(stdin, "cluster", Corpus.SeedsPath, rss, atom, jsonl, "-", "--format", "jsonl").ExpectClean();
        IReadOnlyList<JsonElement> rows = Corpus.ParseLines(run);

        string[] seeds = Directory.GetFiles(Corpus.SeedsPath, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray()!;
        string[] expected = [.. seeds, "rss-1", "atom-1", .. Corpus.Ids.Take(15)];
        Assert.Equal(expected, rows.Select(r => r.GetProperty("id").GetString()));
        JsonElement rssRow = rows.Single(r => r.GetProperty("id").GetString() == "rss-1");
        JsonElement atomRow = rows.Single(r => r.GetProperty("id").GetString() == "atom-1");
        Assert.Equal("Reprints Daily", rssRow.GetProperty("source").GetString());
        Assert.Equal("Atom Wire Watch", atomRow.GetProperty("source").GetString());
        Assert.Equal(Row(rows, first).GetProperty("cluster").GetInt64(), rssRow.GetProperty("cluster").GetInt64());
        Assert.Equal(Row(rows, second).GetProperty("cluster").GetInt64(), atomRow.GetProperty("cluster").GetInt64());
        Assert.NotEqual("original", rssRow.GetProperty("relation").GetString());
        Assert.NotEqual("original", atomRow.GetProperty("relation").GetString());
    }

    [Fact]
    public void TheCorpusAsCsv_ClustersAsTheSameCorpusInJsonLines_FromAFileAndFromStdin()
    {
        using var dir = new TempDirectory();
        string[] columns = ["id", "source", "url", "published", "title", "body"];
        var csv = new System.Text.StringBuilder().AppendJoin(',', columns).Append("\r\n");
        foreach (JsonElement article in Corpus.Articles)
        {
            csv.AppendJoin(',', columns.Select(c => article.TryGetProperty(c, out var v) && v.ValueKind == JsonValueKind.String
                ? "\"" + v.GetString()!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
                : string.Empty)).Append("\r\n");
        }

        string path = dir.Write("corpus.csv", csv.ToString());

        CliResult fromFile = SyndicateCli.Run("cluster", path, "--format", "jsonl").ExpectClean();
        CliResult fromStdin = SyndicateCli.RunWithInput(csv.ToString(), "cluster", "-", "--input-format", "csv", "--format", "jsonl").ExpectClean();

        Assert.Equal(Corpus.ClusterJsonl.Stdout, fromFile.Stdout);
        Assert.Equal(Corpus.ClusterJsonl.Stdout, fromStdin.Stdout);
    }

    [Fact]
    public void TextDirectory_GivesOneArticlePerFile_NamedAfterIt_WithTheDatelineWire()
    {
        CliResult run = SyndicateCli.Run("cluster", Corpus.SeedsPath, "--format", "csv").ExpectClean();

        string[] ids = Directory.GetFiles(Corpus.SeedsPath, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray()!;
        Assert.Equal(ids.Length + 1, run.Lines.Length);
        Assert.Equal(ids, run.Lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.All(run.Lines.Skip(1), l => Assert.EndsWith(",Sputnik,", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Html_EscapesArticleText_AndMarksTheSharedPassages()
    {
        using var dir = new TempDirectory();
        string title = $"{Injected} Tom & Jerry \"quoted\"";
        string body = $"Officials said {Injected} that \"we & they\" agree on the plan for the river bridge, "
            + "which will be built over three years by a consortium of local firms and paid for by the regional budget. "
            + "The minister added that work starts in the spring once the final survey of the site is complete.";
        string input = dir.File("hostile.jsonl");
        File.WriteAllLines(input,
        [
            JsonSerializer.Serialize(new { id = "wire-1", source = "wire", url = "https://wire.example/1", published = "2022-01-18T06:00:00Z", title, body }),
            JsonSerializer.Serialize(new { id = "copy-1", source = "outlet", url = "https://outlet.example/1", published = "2022-01-18T07:00:00Z", title, body = body + " Reporting by staff." }),
        ]);
        string path = dir.File("report.html");

        SyndicateCli.Run("cluster", input, "--format", "html", "--out", path).ExpectClean();
        string html = File.ReadAllText(path);

        HtmlAssert.SelfContained(html);
        Assert.DoesNotContain(Injected, html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; Jerry &quot;quoted&quot;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;we &amp; they&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"we & they\"", html, StringComparison.Ordinal);
        // The canonical text once, escaped, and read as the HTML it is (the script is no text of the story); the copy
        // as what it adds to it.
        Assert.Single(Regex.Matches(html, "Officials said that &quot;we &amp; they&quot; agree"));
        Assert.DoesNotContain("alert(1)&lt;/script&gt; that", html, StringComparison.Ordinal);
        Assert.Contains("<ins>Reporting by staff.</ins>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://outlet.example/1\"", html, StringComparison.Ordinal);
    }

    private static JsonElement Row(IReadOnlyList<JsonElement> rows, JsonElement article) =>
        rows.Single(r => r.GetProperty("id").GetString() == article.GetProperty("id").GetString());

    private static string Xml(JsonElement article, string field) =>
        System.Security.SecurityElement.Escape(article.GetProperty(field).GetString()!);
}

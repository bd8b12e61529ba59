using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Syndicate.Tests.Cli.EndToEnd;

/// <summary><c>syndicate cluster</c> on the bundled corpus, in every output format.</summary>
public sealed class ClusterFormatTests
{
    private static readonly string[] s_columns = ["id", "cluster", "canonical", "relation", "similarity", "source", "wire"];
    private static readonly string[] s_relations = ["original", "duplicate", "near-duplicate", "partial"];

    [Fact]
    public void Jsonl_HasOneLinePerInputArticle_InInputOrder_WithTheDocumentedFields()
    {
        CliResult run = Corpus.ClusterJsonl.ExpectClean();
        IReadOnlyList<JsonElement> rows = Corpus.ParseLines(run);

        Assert.Equal(Corpus.Ids, rows.Select(r => r.GetProperty("id").GetString()));
        for (int i = 0; i < rows.Count; i++)
        {
            JsonElement row = rows[i];
            Assert.Equal(s_columns, row.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.Number, row.GetProperty("cluster").ValueKind);
            Assert.True(row.GetProperty("cluster").GetInt64() > 0);
            Assert.True(row.GetProperty("canonical").ValueKind is JsonValueKind.True or JsonValueKind.False);
            Assert.Contains(row.GetProperty("relation").GetString(), s_relations);
            double similarity = row.GetProperty("similarity").GetDouble();
            Assert.InRange(similarity, 0.0, 1.0);
            Assert.Equal(Corpus.Articles[i].GetProperty("source").GetString(), row.GetProperty("source").GetString());
            Assert.True(row.GetProperty("wire").ValueKind is JsonValueKind.String or JsonValueKind.Null);
            if (row.GetProperty("canonical").GetBoolean())
            {
                Assert.Equal("original", row.GetProperty("relation").GetString());
                Assert.Equal(1.0, similarity);
            }
        }

        foreach (IGrouping<long, JsonElement> cluster in rows.GroupBy(r => r.GetProperty("cluster").GetInt64()))
        {
            Assert.Single(cluster, r => r.GetProperty("canonical").GetBoolean());
            Assert.Single(cluster.Select(r => r.GetProperty("wire").GetString()).Distinct());
        }

        // The fixture is built from syndicated stories: the run must find copies of each kind, not only singletons.
        var relations = rows.Select(r => r.GetProperty("relation").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?>(s_relations), relations);
        Assert.Equal(s_relations.Length, relations.Count);
    }

    [Fact]
    public void Table_and_html_list_a_story_with_one_copy_that_a_roundup_carries()
    {
        using var dir = new TempDirectory();
        string input = dir.File("roundup.jsonl");
        Syndicate.Tests.Clustering.CarrierTests.WriteReleasesAndRoundup(input);

        // The seizure's story has two copies (the release and the roundup); the campaign's has one, and the roundup carries it.
        string table = SyndicateCli.Run("cluster", input, "--format", "table").ExpectClean().Stdout;
        Assert.Contains("3 articles → 2 stories: 2 carried by several copies, 0 singletons", table, StringComparison.Ordinal);
        Assert.Contains("1+1", table, StringComparison.Ordinal);

        string path = dir.File("report.html");
        SyndicateCli.Run("cluster", input, "--format", "html", "-o", path).ExpectClean();
        string html = File.ReadAllText(path);
        Assert.Equal(2, Regex.Matches(html, "<section class=\"story\"").Count);
        Assert.Contains("1 copy from 1 outlet, carried inside 1 more article", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonl_IsByteIdentical_AcrossRuns_AndFromStdin()
    {
        CliResult first = Corpus.ClusterJsonl.ExpectClean();
        CliResult second = SyndicateCli.Run("cluster", Corpus.Path, "--format", "jsonl").ExpectClean();
        CliResult piped = SyndicateCli.RunWithInput(File.ReadAllText(Corpus.Path), "cluster", "-", "--format", "jsonl").ExpectClean();

        Assert.Equal(first.StdoutBytes, second.StdoutBytes);
        Assert.Equal(first.StdoutBytes, piped.StdoutBytes);
    }

    [Fact]
    public void Csv_HasTheJsonlColumns_OneRowPerArticle()
    {
        CliResult csv = SyndicateCli.Run("cluster", Corpus.Path, "--format", "csv").ExpectClean();
        IReadOnlyList<JsonElement> jsonl = Corpus.ParseLines(Corpus.ClusterJsonl);

        string[] lines = csv.Lines;
        Assert.Equal(string.Join(',', s_columns) + ",carries", lines[0]);
        Assert.Equal(jsonl.Count + 1, lines.Length);
        for (int i = 0; i < jsonl.Count; i++)
        {
            // No field of this corpus needs quoting, so a plain split reads the row.
            string[] cells = lines[i + 1].Split(',');
            JsonElement row = jsonl[i];
            Assert.Equal(8, cells.Length);
            Assert.Equal(row.GetProperty("id").GetString(), cells[0]);
            Assert.Equal(row.GetProperty("cluster").GetInt64().ToString(CultureInfo.InvariantCulture), cells[1]);
            Assert.Equal(row.GetProperty("canonical").GetBoolean() ? "true" : "false", cells[2]);
            Assert.Equal(row.GetProperty("relation").GetString(), cells[3]);
            Assert.Equal(row.GetProperty("similarity").GetDouble(), double.Parse(cells[4], CultureInfo.InvariantCulture));
            Assert.Equal(row.GetProperty("source").GetString(), cells[5]);
            Assert.Equal(row.GetProperty("wire").GetString() ?? "", cells[6]);
            string carries = row.TryGetProperty("carries", out JsonElement ids) ? string.Join(' ', ids.EnumerateArray().Select(e => e.GetInt64())) : "";
            Assert.Equal(carries, cells[7]);
        }
    }

    [Fact]
    public void Json_IsTheFullReport_ClustersMembersOptionsStatistics()
    {
        CliResult run = SyndicateCli.Run("cluster", Corpus.Path, "--format", "json").ExpectClean();
        using JsonDocument report = JsonDocument.Parse(run.Stdout);
        JsonElement root = report.RootElement;
        var articles = Corpus.Articles.ToDictionary(a => a.GetProperty("id").GetString()!, StringComparer.Ordinal);
        var jsonl = Corpus.ParseLines(Corpus.ClusterJsonl).ToDictionary(r => r.GetProperty("id").GetString()!, StringComparer.Ordinal);

        Assert.Equal(Corpus.Path, root.GetProperty("inputs")[0].GetString());
        JsonElement options = root.GetProperty("options");
        SyndicationOptions defaults = SyndicationOptions.Default;
        Assert.Equal(defaults.ShingleSize, options.GetProperty("shingleSize").GetInt32());
        Assert.Equal(defaults.SignatureLength, options.GetProperty("signatureLength").GetInt32());
        Assert.Equal(defaults.SimilarityThreshold, options.GetProperty("similarityThreshold").GetDouble());
        Assert.True(options.TryGetProperty("seed", out _));
        JsonElement statistics = root.GetProperty("statistics");
        Assert.Equal(Corpus.Ids.Count, statistics.GetProperty("articles").GetInt32());
        Assert.Equal(0, statistics.GetProperty("errors").GetInt32());

        JsonElement clusters = root.GetProperty("clusters");
        Assert.Equal(statistics.GetProperty("clusters").GetInt32(), clusters.GetArrayLength());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonElement cluster in clusters.EnumerateArray())
        {
            string canonical = cluster.GetProperty("canonical").GetString()!;
            JsonElement members = cluster.GetProperty("members");
            Assert.Equal(members.GetArrayLength(), cluster.GetProperty("size").GetInt32());
            Assert.True(cluster.GetProperty("wire").ValueKind is JsonValueKind.String or JsonValueKind.Null);
            Assert.Contains(members.EnumerateArray(), m => m.GetProperty("id").GetString() == canonical);
            foreach (JsonElement member in members.EnumerateArray())
            {
                string id = member.GetProperty("id").GetString()!;
                Assert.True(seen.Add(id), id + " is in two clusters");
                JsonElement input = articles[id];
                Assert.Equal(input.GetProperty("source").GetString(), member.GetProperty("source").GetString());
                Assert.Equal(input.GetProperty("url").GetString(), member.GetProperty("url").GetString());
                Assert.Equal(input.GetProperty("published").GetDateTimeOffset(), member.GetProperty("published").GetDateTimeOffset());
                Assert.Contains(member.GetProperty("relation").GetString(), s_relations);
                Assert.InRange(member.GetProperty("similarity").GetDouble(), 0.0, 1.0);

                // The report and the jsonl describe the same clustering.
                JsonElement row = jsonl[id];
                Assert.Equal(cluster.GetProperty("id").GetInt64(), row.GetProperty("cluster").GetInt64());
                Assert.Equal(id == canonical, row.GetProperty("canonical").GetBoolean());
                Assert.Equal(cluster.GetProperty("wire").GetString(), row.GetProperty("wire").GetString());
            }
        }

        Assert.Equal(Corpus.Ids.Count, seen.Count);
    }

    [Fact]
    public void Table_Piped_IsPlainText_BiggestStoriesFirst_WithSummary()
    {
        CliResult run = SyndicateCli.Run("cluster", Corpus.Path, "--format", "table", "--top", "5").ExpectClean();
        string text = run.Stdout;

        Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal);
        Assert.Contains("canonical title", text, StringComparison.Ordinal);
        Assert.Contains("first seen", text, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{Corpus.Ids.Count} articles"), text, StringComparison.Ordinal);
        Assert.Contains("more stories with several copies", text, StringComparison.Ordinal);

        // Five story rows, biggest first: the copies column never grows going down.
        int[] copies = run.Lines
            .Select(l => l.Split('│', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length == 9 && int.TryParse(cells[1], CultureInfo.InvariantCulture, out _))
            .Select(cells => int.Parse(cells[4], CultureInfo.InvariantCulture))
            .ToArray();
        Assert.Equal(5, copies.Length);
        Assert.Equal(copies.OrderDescending(), copies);
        Assert.True(copies[^1] > 1);
    }

    [Fact]
    public void Out_WritesTheFile_AndNothingOnStdout()
    {
        using var dir = new TempDirectory();
        string path = dir.File("report.jsonl");

        CliResult run = SyndicateCli.Run("cluster", Corpus.Path, "--format", "jsonl", "--out", path).ExpectClean();

        Assert.Empty(run.StdoutBytes);
        Assert.Equal(Corpus.ClusterJsonl.StdoutBytes, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Html_IsOneSelfContainedPage_WithEachCopysDifferencesMarked()
    {
        using var dir = new TempDirectory();
        string path = dir.File("report.html");

        CliResult run = SyndicateCli.Run("cluster", Corpus.Path, "--format", "html", "-o", path).ExpectClean();
        string html = File.ReadAllText(path);

        Assert.Empty(run.StdoutBytes);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<html[ >]"));
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        HtmlAssert.SelfContained(html);
        Assert.Contains("<ins>", html, StringComparison.Ordinal);
        Assert.Contains("<del>", html, StringComparison.Ordinal);
        Assert.Equal(Regex.Matches(html, "<ins>").Count, Regex.Matches(html, "</ins>").Count);
        Assert.Equal(Regex.Matches(html, "<del>").Count, Regex.Matches(html, "</del>").Count);
    }

    [Fact]
    public void Html_ShowsTheTextOfCopiesServedAsHtml_NotTheirTags()
    {
        using var dir = new TempDirectory();
        const string Text = "Oil prices rose on Friday as supply concerns outweighed worries about demand, with Brent crude futures up 1.2% at $83.50 a barrel by 0930 GMT, and traders said output cuts were likely to be extended.";
        string corpus = dir.Write("scraped.jsonl",
            "{\"id\":\"a\",\"source\":\"wire\",\"body\":\"" + Text + "\"}\n"
            + "{\"id\":\"b\",\"source\":\"site\",\"body\":\"<p>" + Text.Replace("Brent crude", "<a href='/brent'>Brent crude</a>", StringComparison.Ordinal) + " More&nbsp;later.</p>\"}\n");
        string path = dir.File("report.html");

        SyndicateCli.Run("cluster", corpus, "--format", "html", "-o", path).ExpectClean();
        string html = File.ReadAllText(path);

        Assert.Single(Regex.Matches(html, "<section class=\"story\""));
        Assert.DoesNotContain("&lt;p&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=&#39;/brent", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;nbsp;", html, StringComparison.Ordinal);
        Assert.Contains("<del>More later.</del>", html, StringComparison.Ordinal); // the longer copy is the canonical one
    }

    [Fact]
    public void Html_ListsEveryStory_WithContents_AndEachCanonicalTextOnce()
    {
        using var dir = new TempDirectory();
        string path = dir.File("report.html");
        SyndicateCli.Run("cluster", Corpus.Path, "--format", "html", "-o", path).ExpectClean();
        string html = File.ReadAllText(path);
        int stories = MultiCopyStories().Count;

        Assert.True(stories > 25, "the bundled corpus should have more stories than the table lists");
        string[] sections = Regex.Matches(html, "<section class=\"story\" id=\"(s[0-9]+)\">").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(stories, sections.Length);
        Assert.Equal(sections.Select(id => "#" + id), Regex.Matches(html, "<li><a href=\"(#s[0-9]+)\"").Select(m => m.Groups[1].Value));
        Assert.DoesNotContain("left out", html, StringComparison.Ordinal);
        // One full text per story (the canonical), plus one for each copy too different for a word diff.
        Assert.Equal(stories, Regex.Matches(html, "<span dir=\"ltr\">canonical <code>").Count);
        Assert.Equal(stories + Regex.Matches(html, "words differ; the copy's own text").Count, Regex.Matches(html, "<div class=\"text\"").Count);
    }

    [Fact]
    public void Html_Top_ListsTheBiggestStories_AndSaysHowManyAreLeftOut()
    {
        using var dir = new TempDirectory();
        string path = dir.File("report.html");
        SyndicateCli.Run("cluster", Corpus.Path, "--format", "html", "--top", "3", "-o", path).ExpectClean();
        string html = File.ReadAllText(path);
        List<JsonElement> stories = MultiCopyStories();

        long[] biggest = stories.OrderByDescending(c => c.GetProperty("size").GetInt32()).ThenBy(c => c.GetProperty("id").GetInt64())
            .Take(3).Select(c => c.GetProperty("id").GetInt64()).ToArray();
        Assert.Equal(biggest, Regex.Matches(html, "<section class=\"story\" id=\"s([0-9]+)\">").Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Only the 3 biggest of the {stories.Count:N0} stories with several copies are listed (--top 3); {stories.Count - 3:N0} are left out."), html, StringComparison.Ordinal);
        // Said before the first story.
        Assert.True(html.IndexOf("left out", StringComparison.Ordinal) < html.IndexOf("<section", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(60)]
    public void Table_NarrowTerminal_KeepsTheIdColumn_AndReadableTitles(int columns)
    {
        CliResult run = SyndicateCli.RunWithEnvironment([("COLUMNS", columns.ToString(CultureInfo.InvariantCulture))], "cluster", Corpus.Path, "--format", "table", "--top", "5").ExpectClean();
        List<JsonElement> stories = MultiCopyStories().OrderByDescending(c => c.GetProperty("size").GetInt32()).ThenBy(c => c.GetProperty("id").GetInt64()).Take(5).ToList();

        string[] rows = run.Lines.Where(l => l.StartsWith('│') && l.Length > 2 && char.IsAsciiDigit(l.Split('│', StringSplitOptions.TrimEntries)[1].FirstOrDefault())).ToArray();
        Assert.Equal(5, rows.Length);
        Assert.All(run.Lines.Where(l => l.StartsWith('╭') || l.StartsWith('│') || l.StartsWith('╰')), l => Assert.True(l.Length <= columns, $"{l.Length} > {columns}: {l}"));
        for (int i = 0; i < rows.Length; i++)
        {
            string[] cells = rows[i].Split('│', StringSplitOptions.TrimEntries);
            Assert.Equal(stories[i].GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture), cells[1]);
            Assert.Equal(stories[i].GetProperty("canonical").GetString(), cells[^2]);
            // More than a couple of words of the title survive.
            Assert.True(cells[2].Length >= (columns >= 80 ? 20 : 10), $"title cut to '{cells[2]}'");
        }
    }

    private static List<JsonElement> MultiCopyStories()
    {
        CliResult json = SyndicateCli.Run("cluster", Corpus.Path, "--format", "json").ExpectClean();
        return JsonDocument.Parse(json.Stdout).RootElement.GetProperty("clusters").EnumerateArray()
            .Where(c => c.GetProperty("size").GetInt32() > 1).Select(c => c.Clone()).ToList();
    }
}

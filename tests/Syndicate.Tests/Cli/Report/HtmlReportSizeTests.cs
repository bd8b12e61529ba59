using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Syndicate.Tests.Cli.EndToEnd;

namespace Syndicate.Tests.Cli.Report;

/// <summary>The html report of a real corpus of thousands of stories: all of them, at a size that stays reasonable.</summary>
public sealed class HtmlReportSizeTests
{
    [SharedDataFact("saudinewsnet.jsonl.gz")]
    public void SaudiNewsNet_ListsEveryStory_AndIsNoBiggerThanTheTextsItShows()
    {
        using var dir = new TempDirectory();
        string corpus = SharedData.File("saudinewsnet.jsonl.gz");
        string path = dir.File("report.html");

        SyndicateCli.Run("cluster", corpus, "--format", "html", "--out", path).Expect(0);
        string html = File.ReadAllText(path);
        long size = new FileInfo(path).Length;

        Match summary = Regex.Match(html, "stories: ([0-9,]+) carried by several copies");
        Assert.True(summary.Success);
        int stories = int.Parse(summary.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.True(stories > 1000, $"{stories} stories");
        Assert.Equal(stories, Regex.Matches(html, "<section class=\"story\"").Count);
        Assert.DoesNotContain("left out", html, StringComparison.Ordinal);

        // Each listed article's body once would take this much; the canonical texts, the copies' differences, the
        // contents and the markup together must not take more than a tenth above it.
        var listed = Regex.Matches(html, "<code>([^<]+)</code>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        long bodies = 0;
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(corpus), CompressionMode.Decompress), Encoding.UTF8))
        {
            while (reader.ReadLine() is { } line)
            {
                JsonElement article = JsonDocument.Parse(line).RootElement;
                if (listed.Contains(article.GetProperty("id").GetString()!))
                {
                    bodies += Encoding.UTF8.GetByteCount(article.GetProperty("body").GetString()!);
                }
            }
        }

        Assert.True(size <= bodies * 11 / 10, $"the report is {size:N0} bytes for {bodies:N0} bytes of article bodies");
    }
}

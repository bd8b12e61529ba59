using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Syndicate.Fingerprinting;

namespace Syndicate.Tests.Cleaning;

/// <summary>
/// Real articles served as HTML, as a scraped page or a feed's description gives them, fingerprint as the same articles
/// served as text.
/// </summary>
public sealed class HtmlArticleCorpusTests
{
    /// <summary>Every how-many-th article of each corpus is wrapped: a tenth keeps the test to seconds.</summary>
    private const int Stride = 10;

    [SharedDataFact("saudinewsnet.jsonl.gz", "ant-multisource.jsonl.gz")]
    public void Real_articles_wrapped_in_html_get_the_fingerprint_of_their_text()
    {
        var fingerprinter = new Fingerprinter(SyndicationOptions.Default);
        var compared = 0;
        foreach (var file in new[] { "saudinewsnet.jsonl.gz", "ant-multisource.jsonl.gz" })
        {
            using var reader = new StreamReader(new GZipStream(File.OpenRead(SharedData.File(file)), CompressionMode.Decompress), Encoding.UTF8);
            var index = 0;
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                if (index++ % Stride != 0)
                {
                    continue;
                }

                using var record = JsonDocument.Parse(line);
                var root = record.RootElement;
                var id = root.GetProperty("id").GetString()!;
                var title = root.GetProperty("title").GetString();
                var body = root.GetProperty("body").GetString() ?? "";
                if (body.Contains('<') || body.Contains('&'))
                {
                    continue; // text that would read differently once encoded as HTML
                }

                var plain = fingerprinter.Compute(new Article(id, "s", body) { Title = title });
                var html = fingerprinter.Compute(new Article(id, "s", Page(body)) { Title = title is null ? null : WebUtility.HtmlEncode(title) });

                Assert.True(plain.Signature.AsSpan().SequenceEqual(html.Signature), $"{file}: {id}: signature");
                Assert.True(plain.Evidence.AsSpan().SequenceEqual(html.Evidence), $"{file}: {id}: evidence row");
                Assert.True(plain.Lead.AsSpan().SequenceEqual(html.Lead), $"{file}: {id}: lead sketch");
                Assert.Equal(plain.ContentHash, html.ContentHash);
                Assert.True(plain.Cleaned.Wire?.Name == html.Cleaned.Wire?.Name, $"{file}: {id}: wire {plain.Cleaned.Wire?.Name} and {html.Cleaned.Wire?.Name}");
                Assert.Equal(Collapsed(plain.Cleaned.Dateline?.Text), html.Cleaned.Dateline?.Text); // HTML collapses runs of spaces
                compared++;
            }
        }

        Assert.True(compared > 6_000, $"only {compared} articles compared");
    }

    private static string? Collapsed(string? text) =>
        text is null ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // The body as a page: each line a paragraph, entities for what HTML escapes, a link inside the first paragraph and
    // the page's furniture (a script, a comment) around the text.
    private static string Page(string body)
    {
        var page = new StringBuilder("<html><head><script>var x = '<p>';</script></head><body><article>");
        var first = true;
        foreach (var line in body.Split('\n'))
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var encoded = WebUtility.HtmlEncode(line.Trim());
            if (first && encoded.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space)
            {
                encoded = "<a href=\"/tag?a=1&amp;b=2\">" + encoded[..space] + "</a>" + encoded[space..];
            }

            page.Append("<p>").Append(encoded).Append("</p>\n");
            first = false;
        }

        return page.Append("<!-- share widget --></article></body></html>").ToString();
    }
}

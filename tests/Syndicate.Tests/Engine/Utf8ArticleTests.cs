using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Syndicate.Cleaning;
using Syndicate.Clustering;
using Syndicate.Fingerprinting;

namespace Syndicate.Tests.Engine;

/// <summary>
/// An article created from the UTF-8 bytes of its body is the article created from the decoded string: the same
/// cleaning, the same fingerprint bit for bit, the same verdicts, clusters, journal and reopened state.
/// </summary>
public sealed class Utf8ArticleTests
{
    private static Article FromBytes(Article article) =>
        new(article.Id, article.Source, Encoding.UTF8.GetBytes(article.Body))
        {
            Title = article.Title,
            Url = article.Url,
            Published = article.Published,
        };

    private static void AssertSameFingerprint(Fingerprint expected, Fingerprint actual, string what)
    {
        Assert.True(expected.ContentHash == actual.ContentHash, $"{what}: content hash");
        Assert.True(expected.ShingleCount == actual.ShingleCount, $"{what}: shingle count {expected.ShingleCount} and {actual.ShingleCount}");
        Assert.True(expected.Signature.AsSpan().SequenceEqual(actual.Signature), $"{what}: signature");
        Assert.True(expected.Lead.AsSpan().SequenceEqual(actual.Lead), $"{what}: lead sketch");
        Assert.True(expected.Evidence.AsSpan().SequenceEqual(actual.Evidence), $"{what}: evidence row");
        Assert.True(expected.LineHashes.AsSpan().SequenceEqual(actual.LineHashes), $"{what}: paragraph hashes");
        Assert.True(expected.ExcludedLines == actual.ExcludedLines, $"{what}: excluded lines");
        AssertSameCleaning(expected.Cleaned, actual.Cleaned, what);
    }

    private static void AssertSameCleaning(CleanedArticle expected, CleanedArticle actual, string what)
    {
        Assert.True(string.Equals(expected.Body, actual.Body, StringComparison.Ordinal), $"{what}: cleaned body");
        Assert.True(expected.Dateline?.Text == actual.Dateline?.Text, $"{what}: dateline {expected.Dateline?.Text} and {actual.Dateline?.Text}");
        Assert.True(expected.Dateline?.Place == actual.Dateline?.Place, $"{what}: dateline place");
        Assert.True(expected.Wire?.Name == actual.Wire?.Name, $"{what}: wire {expected.Wire?.Name} and {actual.Wire?.Name}");
        Assert.True(expected.BylineWire?.Name == actual.BylineWire?.Name, $"{what}: byline wire");
        Assert.True(expected.TrailingCreditWire?.Name == actual.TrailingCreditWire?.Name, $"{what}: trailing credit wire");
        Assert.True(expected.RunningCreditWire?.Name == actual.RunningCreditWire?.Name, $"{what}: running credit wire");
        Assert.True(expected.TrailingCredit == actual.TrailingCredit, $"{what}: trailing credit");
        Assert.True(expected.HadContinuationMarker == actual.HadContinuationMarker, $"{what}: continuation marker");
        Assert.True(expected.RemovedTitleLines == actual.RemovedTitleLines, $"{what}: title lines");
        Assert.True(expected.RemovedBoilerplate.SequenceEqual(actual.RemovedBoilerplate), $"{what}: removed furniture");
    }

    [Fact]
    public void A_utf8_body_reads_as_its_decoded_string()
    {
        byte[] valid = Encoding.UTF8.GetBytes("\uFEFFالرياض (واس) - نص الخبر.\r\nسطر ثان 😀");
        byte[] invalid = [0x41, 0xC3, 0x28, 0xED, 0xA0, 0x80, 0xF0, 0x9F, 0x98, 0x42, 0xFF];
        foreach (byte[] bytes in new[] { valid, invalid, [] })
        {
            var article = new Article("a", "s", bytes);
            Assert.Equal(Encoding.UTF8.GetString(bytes), article.Body);
        }

    }

    [Fact]
    public void The_engine_copies_what_it_keeps_of_a_utf8_body()
    {
        string story = string.Join('\n', TestData.StoryParagraphs(0));
        foreach (string body in new[] { "الرياض 7 ديسمبر (واس) -\n" + story, story })
        {
            // The caller reuses its buffer once the article is added.
            byte[] buffer = Encoding.UTF8.GetBytes(body);
            using var engine = new SyndicationEngine();
            Verdict verdict = engine.Add(new Article("a", "s", buffer));
            Array.Fill(buffer, (byte)'x');
            Cluster cluster = engine.GetCluster(verdict.ClusterId)!;
            Assert.Equal(body, cluster.CanonicalOriginalText);
            Assert.Equal(engine.Fingerprint(new Article("b", "s", body)).Cleaned.Body, cluster.CanonicalText);
        }
    }

    [Fact]
    public void Awkward_bodies_get_the_fingerprint_of_their_strings()
    {
        var engine = new SyndicationEngine();
        string story = string.Join(' ', TestData.StoryParagraphs(0));
        string[] bodies =
        [
            TestData.SeedText(0),
            TestData.SeedText(1),
            story.Replace(". ", ".\r\n", StringComparison.Ordinal),                                   // CRLF paragraphs
            "<p>" + story.Replace(". ", ".</p><p>", StringComparison.Ordinal) + "</p>",                // HTML
            CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(Encoding.UTF8.GetBytes("Le président a déclaré à Paris que la réforme des retraites sera présentée mercredi au conseil des ministres.")), // mojibake
            "\uFEFF" + story,                                                                          // byte order mark
            "",
            "   \n  ",
        ];
        foreach (string body in bodies)
        {
            var text = new Article("x", "urdupoint", body) { Title = "عنوان" };
            Fingerprint expected = engine.Fingerprint(text);
            Fingerprint actual = engine.Fingerprint(FromBytes(text));
            AssertSameFingerprint(expected, actual, body.Length > 40 ? body[..40] : body);
        }

        // Invalid UTF-8 reads as the replacement character, as Encoding.UTF8.GetString reads it.
        byte[] damaged = [.. Encoding.UTF8.GetBytes(story), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(story)];
        AssertSameFingerprint(
            engine.Fingerprint(new Article("d", "s", Encoding.UTF8.GetString(damaged))),
            engine.Fingerprint(new Article("d", "s", damaged)),
            "invalid UTF-8");
    }

    [Fact]
    public void An_engine_fed_utf8_articles_answers_as_one_fed_strings_and_journals_the_same_bytes()
    {
        List<Article> articles = [.. Corpus.Stream(syntheticStories: 12), TestData.Seed(0, "seed-0"), TestData.Seed(1, "seed-1")];
        using var textDir = new TempDirectory();
        using var bytesDir = new TempDirectory();
        // Articles without a publication time are journalled with the time they arrived: one clock for both engines.
        var clock = new StoppedClock();
        using (SyndicationEngine fromText = SyndicationEngine.Open(textDir.Path, timeProvider: clock))
        using (SyndicationEngine fromBytes = SyndicationEngine.Open(bytesDir.Path, timeProvider: clock))
        {
            foreach (Article article in articles)
            {
                Verdict expected = fromText.Add(article);
                Verdict actual = fromBytes.Add(FromBytes(article));
                Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
            }

            AssertSameClusters(fromText, fromBytes);
        }

        // Nothing was checkpointed: the journals hold every article, and hold them byte for byte alike.
        string[] journals = [.. Directory.GetFiles(textDir.Path).Select(Path.GetFileName).Where(f => f!.Contains("journal", StringComparison.Ordinal))!];
        Assert.NotEmpty(journals);
        foreach (string journal in journals)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(textDir.Path, journal)), File.ReadAllBytes(Path.Combine(bytesDir.Path, journal)));
        }

        using (SyndicationEngine reopenedText = SyndicationEngine.Open(textDir.Path, timeProvider: clock))
        using (SyndicationEngine reopenedBytes = SyndicationEngine.Open(bytesDir.Path, timeProvider: clock))
        {
            AssertSameClusters(reopenedText, reopenedBytes);
            reopenedText.Checkpoint();
            reopenedBytes.Checkpoint();
        }

        // A cluster's original text held as bytes is written to the snapshot as the string would be.
        Assert.Equal(File.ReadAllBytes(Path.Combine(textDir.Path, "snapshot.bin")), File.ReadAllBytes(Path.Combine(bytesDir.Path, "snapshot.bin")));
    }

    private sealed class StoppedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    }

    private static void AssertSameClusters(SyndicationEngine expected, SyndicationEngine actual)
    {
        IReadOnlyList<Cluster> want = expected.GetClusters();
        IReadOnlyList<Cluster> got = actual.GetClusters();
        Assert.Equal(want.Count, got.Count);
        for (int i = 0; i < want.Count; i++)
        {
            Assert.Equal(want[i].CanonicalId, got[i].CanonicalId);
            Assert.Equal(want[i].CanonicalText, got[i].CanonicalText);
            Assert.Equal(want[i].CanonicalOriginalText, got[i].CanonicalOriginalText);
            Assert.Equal(want[i].Members.Select(m => (m.Id, m.Relation, m.Similarity)), got[i].Members.Select(m => (m.Id, m.Relation, m.Similarity)));
        }
    }

    [SharedDataFact("saudinewsnet.jsonl.gz", "ant-multisource.jsonl.gz", "counter-urdu-dev/corpus.jsonl.gz")]
    public void Every_real_article_from_its_utf8_bytes_gets_the_fingerprint_of_its_string()
    {
        var fingerprinter = new Fingerprinter(SyndicationOptions.Default);
        int compared = 0;
        foreach (string file in new[] { "saudinewsnet.jsonl.gz", "ant-multisource.jsonl.gz", "counter-urdu-dev/corpus.jsonl.gz" })
        {
            using var reader = new StreamReader(new GZipStream(File.OpenRead(SharedData.File(file)), CompressionMode.Decompress), Encoding.UTF8);
            for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                using var record = JsonDocument.Parse(line);
                JsonElement root = record.RootElement;
                string id = root.GetProperty("id").GetString()!;
                string? title = root.TryGetProperty("title", out JsonElement t) ? t.GetString() : null;
                string body = root.GetProperty("body").GetString() ?? "";
                string source = root.TryGetProperty("source", out JsonElement s) ? s.GetString() ?? "" : "";
                var text = new Article(id, source, body) { Title = title };
                AssertSameFingerprint(fingerprinter.Compute(text), fingerprinter.Compute(FromBytes(text)), $"{file}: {id}");
                compared++;
            }
        }

        Assert.True(compared > 60_000, $"only {compared} articles compared");
    }
}

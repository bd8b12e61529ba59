using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Syndicate.Fingerprinting;

namespace Syndicate.Tests.Fingerprinting;

/// <summary>
/// The fingerprints of the bundled corpus under <see cref="Fingerprinter.Revision"/>. A state records the revision of
/// its fingerprints, so that one holding another revision's is recognised after an upgrade; that only works if every
/// change of a fingerprint raises the revision. This test fails on any such change until the revision is raised and
/// the new digest recorded beside it.
/// </summary>
public sealed class FingerprintRevisionTests
{
    // Raise RecordedRevision together with Fingerprinter.Revision, and record the digest the failure message gives.
    private const int RecordedRevision = 3;
    private const ulong RecordedDigest = 0x28305db6b6474163;

    [Fact]
    public void The_bundled_corpus_has_the_fingerprints_recorded_for_this_text_pipeline_revision()
    {
        ulong digest = Digest();
        Assert.True(
            (RecordedRevision, RecordedDigest) == (Fingerprinter.Revision, digest),
            $"The bundled corpus fingerprints to {digest:x16} under revision {Fingerprinter.Revision}; recorded: {RecordedDigest:x16} under revision {RecordedRevision}. "
            + "If the text pipeline changed, raise Fingerprinter.Revision and record the new digest with it here.");
    }

    [Fact]
    public void The_digest_moves_with_any_fingerprint()
    {
        // The digest reads every part of a fingerprint: one changed article changes it.
        List<Article> articles = Articles();
        ulong before = Digest(articles);
        Article changed = articles[5];
        int middle = changed.Body.IndexOf(' ', changed.Body.Length / 2);
        articles[5] = new Article(changed.Id, changed.Source, changed.Body.Insert(middle, " كلمة")) { Title = changed.Title };
        Assert.NotEqual(before, Digest(articles));
    }

    /// <summary>
    /// The seeds and the bundled corpus, and the first 20 of its articles again as a vocalised page with a footer gives
    /// them (harakat and tatweel in the text; the footer vocalised, respelled or respaced), so that the handling of
    /// furniture in its other forms is pinned too.
    /// </summary>
    private static List<Article> Articles()
    {
        var articles = new List<Article> { TestData.Seed(0), TestData.Seed(1) };
        foreach (string line in File.ReadLines(TestData.FixturePath("synthetic", "corpus.jsonl")))
        {
            JsonElement e = JsonDocument.Parse(line).RootElement;
            articles.Add(new Article(e.GetProperty("id").GetString()!, e.GetProperty("source").GetString()!, e.GetProperty("body").GetString()!)
            {
                Title = e.TryGetProperty("title", out JsonElement title) ? title.GetString() : null,
            });
        }

        foreach (Article article in articles.Skip(2).Take(20).ToList())
        {
            var body = new StringBuilder();
            int letters = 0;
            foreach (char c in article.Body)
            {
                body.Append(c);
                if (c is >= '\u0621' and <= '\u064A' && ++letters % 5 == 0)
                {
                    body.Append(letters % 3 == 0 ? '\u0640' : '\u064E');
                }
            }

            // The footer vocalised, or with a Farsi yeh and a tab, or with no-break spaces.
            body.Append((letters % 3) switch
            {
                0 => "\nرابطُ الخبرِ بصحيـفة الوئام: http://www.alweeam.com.sa/",
                1 => "\nرابط الخبر\tبصحیفة الوئام: http://www.alweeam.com.sa/",
                _ => "\nرابط\u00A0الخبر\u00A0بصحيفة\u00A0الوئام: http://www.alweeam.com.sa/",
            }).Append(article.Id).Append('/');
            articles.Add(new Article(article.Id + "-vocalised", "alweeam", body.ToString()) { Title = article.Title });
        }

        return articles;
    }

    private static ulong Digest() => Digest(Articles());

    private static ulong Digest(List<Article> articles)
    {
        var engine = new SyndicationEngine();
        var hash = new XxHash3();
        Span<byte> number = stackalloc byte[8];
        foreach (Article article in articles)
        {
            Fingerprint print = engine.Fingerprint(article);
            hash.Append(Encoding.UTF8.GetBytes(article.Id));
            hash.Append(Encoding.UTF8.GetBytes(print.Cleaned.Body));
            hash.Append(print.Signature);
            hash.Append(print.Evidence);
            hash.Append(MemoryMarshal.AsBytes(print.Lead.AsSpan()));
            hash.Append(MemoryMarshal.AsBytes(print.LineHashes.AsSpan()));
            BinaryPrimitives.WriteUInt64LittleEndian(number, print.ContentHash);
            hash.Append(number);
            BinaryPrimitives.WriteInt64LittleEndian(number, ((long)print.ShingleCount << 1) | (print.ExcludedLines ? 1L : 0L));
            hash.Append(number);
        }

        return hash.GetCurrentHashAsUInt64();
    }
}

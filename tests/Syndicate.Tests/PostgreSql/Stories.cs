using System.Globalization;
using System.Text.Json;
using Syndicate.Cli.Evaluation;
using Syndicate.Clustering;
using Syndicate.Sketches;
using Syndicate.Tests.Engine;

namespace Syndicate.Tests.PostgreSql;

/// <summary>Inputs for the store tests, and clusterings reduced to what two engines must agree on.</summary>
internal static class Stories
{
    private static readonly Lazy<IReadOnlyList<Article>> s_synthetic = new(() =>
    {
        using FileStream stream = File.OpenRead(TestData.FixturePath("synthetic", "corpus.jsonl"));
        return [.. CorpusJsonl.ReadCorpus(stream).Select(a => a.ToArticle())];
    });

    /// <summary>The bundled labelled corpus (<c>fixtures/synthetic</c>, 371 articles) in publication order.</summary>
    public static IReadOnlyList<Article> Synthetic => s_synthetic.Value;

    private static readonly Lazy<IReadOnlyList<IReadOnlyList<string>>> s_baseStories = new(() =>
    [
        .. File.ReadLines(TestData.FixturePath("synthetic", "base-stories.jsonl"))
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("body").GetString()!)
            .Select(body => (IReadOnlyList<string>)body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
    ]);

    /// <summary>
    /// <paramref name="count"/> copies of base story <paramref name="story"/>, as outlets reprint a wire story: each
    /// with its own dateline, some with an outlet's footer, some with spelling variants.
    /// </summary>
    public static List<Article> Copies(int story, int count, string prefix)
    {
        string[] datelines = ["الرياض - واس -", "جدة (واس) -", "الدمام - واس -", "( أردو بوینت نتورك ۔ / واس)", "RIYADH, Jan 18 (SPA) -"];
        IReadOnlyList<string> paragraphs = s_baseStories.Value[story];
        var copies = new List<Article>();
        for (int c = 0; c < count; c++)
        {
            IReadOnlyList<string> body = c % 3 == 2 ? [.. paragraphs.Select(Reprints.Orthographic)] : paragraphs;
            string text = Reprints.WithDateline(datelines[c % datelines.Length], body, c % 2 == 1 ? "تابعونا على تويتر" : null);
            copies.Add(new Article(string.Create(CultureInfo.InvariantCulture, $"{prefix}-{story}-{c}"), string.Create(CultureInfo.InvariantCulture, $"outlet{c}"), text)
            {
                Published = new DateTimeOffset(2022, 1, 18, 6, 0, 0, TimeSpan.Zero).AddHours(story).AddMinutes(c),
            });
        }

        return copies;
    }

    /// <summary>
    /// A stream of <paramref name="stories"/> unrelated stories with one to six copies each, in publication order:
    /// reprints with the outlet's own dateline and footer, spelling variants, copies with every eleventh word dropped,
    /// and partial copies of the first two paragraphs. Each story is drawn from the whole vocabulary of the bundled
    /// base stories, several thousand words, so that two different stories share no run of words by chance and the
    /// clusters do not depend on the order the copies arrive in.
    /// </summary>
    public static List<Article> Generated(int stories, ulong seed)
    {
        string[] vocabulary = [.. s_baseStories.Value.SelectMany(story => story)
            .SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => w.Trim('.', '،', ',', '«', '»', '"', '(', ')', ':'))
            .Where(w => w.Length > 1)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
        string[] datelines = ["الرياض - واس -", "جدة (واس) -", "القاهرة - أ ش أ -", "بيروت - سبوتنيك -", "RIYADH, Jan 18 (SPA) -"];
        var rng = new SplitMix64(seed);
        var articles = new List<Article>();
        for (int s = 0; s < stories; s++)
        {
            var paragraphs = new List<string>();
            for (int p = 3 + rng.NextInt(5); p > 0; p--)
            {
                paragraphs.Add(string.Join(' ', Enumerable.Range(0, 18 + rng.NextInt(25)).Select(_ => rng.Pick(vocabulary))) + ".");
            }

            DateTimeOffset start = new DateTimeOffset(2023, 3, 1, 6, 0, 0, TimeSpan.Zero).AddMinutes(20 * s);
            for (int c = 1 + rng.NextInt(6), copy = 0; copy < c; copy++)
            {
                IReadOnlyList<string> body = rng.NextInt(4) switch
                {
                    0 => [.. paragraphs.Select(Reprints.Orthographic)],
                    1 when paragraphs.Count > 3 => paragraphs[..2],
                    2 => [.. paragraphs.Select(p => Reprints.DropWords(p, 11))],
                    _ => paragraphs,
                };
                string text = Reprints.WithDateline(rng.Pick(datelines), body, rng.NextInt(2) == 0 ? "تابعونا على تويتر" : null);
                articles.Add(new Article(string.Create(CultureInfo.InvariantCulture, $"g{seed}-{s}-{copy}"), string.Create(CultureInfo.InvariantCulture, $"outlet{rng.NextInt(12)}"), text)
                {
                    Title = string.Create(CultureInfo.InvariantCulture, $"خبر {s}"),
                    Published = start.AddMinutes(rng.NextInt(600)),
                });
            }
        }

        articles.Sort((a, b) => Nullable.Compare(a.Published, b.Published) is var order and not 0 ? order : string.CompareOrdinal(a.Id, b.Id));
        return articles;
    }

    /// <summary>Article id → the id of its cluster, over every article in <paramref name="clusters"/>.</summary>
    public static Dictionary<string, string> Partition(IEnumerable<Cluster> clusters)
    {
        var partition = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Cluster cluster in clusters)
        {
            foreach (ClusterMember member in cluster.Members)
            {
                Assert.True(partition.TryAdd(member.Id, cluster.Id.ToString(CultureInfo.InvariantCulture)), $"{member.Id} is in two clusters");
            }
        }

        return partition;
    }

    /// <summary>
    /// The clusters as sorted lists of member ids, sorted: equal for two engines that group the same articles
    /// together, whatever ids they gave the clusters.
    /// </summary>
    public static List<string> Groups(IEnumerable<Cluster> clusters) =>
        [.. clusters.Select(c => string.Join(' ', c.Members.Select(m => m.Id).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];

    /// <summary>Pair precision, recall and F1 of <paramref name="predicted"/> against <paramref name="reference"/>.</summary>
    public static PairwiseScores PairScores(IReadOnlyDictionary<string, string> predicted, IReadOnlyDictionary<string, string> reference) =>
        ClusteringMetrics.Pairwise(predicted, reference);
}

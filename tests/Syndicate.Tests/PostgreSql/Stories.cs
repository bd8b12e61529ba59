using System.Globalization;
using System.Text.Json;
using Syndicate.Cli.Evaluation;
using Syndicate.Clustering;
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

    /// <summary>How many base stories <see cref="Copies"/> can draw from (<c>fixtures/synthetic/base-stories.jsonl</c>).</summary>
    public static int BaseStoryCount => s_baseStories.Value.Count;

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

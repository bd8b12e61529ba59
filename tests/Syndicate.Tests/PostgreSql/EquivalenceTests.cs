using Syndicate.Clustering;
using Syndicate.PostgreSql;
using Syndicate.Tests.Engine;

namespace Syndicate.Tests.PostgreSql;

/// <summary>
/// One worker on the store decides as the in-memory engine does: the same articles in the same order give the same
/// clusters (the database numbers them its own way) and the same verdicts.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class EquivalenceTests(PostgreSqlServer server)
{
    [PostgreSqlFact]
    public Task The_bundled_corpus_clusters_as_in_memory() => CompareAsync(Stories.Synthetic);

    [PostgreSqlFact]
    public Task A_generated_stream_of_edits_and_partial_copies_clusters_as_in_memory() => CompareAsync(Corpus.Stream(syntheticStories: 30, seed: 3));

    [PostgreSqlFact]
    public async Task Under_a_window_the_store_evicts_as_the_in_memory_engine_does()
    {
        // The bundled corpus spans about two days: a six-hour window evicts most of it as it streams.
        var options = new SyndicationOptions { Window = TimeSpan.FromHours(6) };
        int held = await CompareAsync(Stories.Synthetic, options);
        Assert.InRange(held, 1, Stories.Synthetic.Count / 2);
    }

    /// <summary>Compares the two engines on the articles; returns how many articles the store holds at the end.</summary>
    private async Task<int> CompareAsync(IReadOnlyList<Article> articles, SyndicationOptions? options = null)
    {
        var memory = new SyndicationEngine(options);
        var expected = articles.Select(memory.Add).ToList();

        await using var store = await PostgreSqlSyndicationEngine.OpenAsync(await server.CreateDatabaseAsync(), options);
        var actual = new List<Verdict>();
        foreach (Article article in articles)
        {
            actual.Add(await store.AddAsync(article));
        }

        IReadOnlyList<Cluster> stored = await store.GetClustersAsync();
        Assert.Equal(Stories.Groups(memory.GetClusters()), Stories.Groups(stored));
        Assert.Equal(memory.Count, Stories.Partition(stored).Count);
        Assert.Equal(memory.GetClusters().Select(c => c.CanonicalId).Order(StringComparer.Ordinal), stored.Select(c => c.CanonicalId).Order(StringComparer.Ordinal));

        for (int i = 0; i < articles.Count; i++)
        {
            Verdict e = expected[i], a = actual[i];
            Assert.True(a.Inserted, a.ArticleId);
            Assert.Equal((e.ArticleId, e.Relation, e.CanonicalId, e.MatchedId, e.ClusterSize), (a.ArticleId, a.Relation, a.CanonicalId, a.MatchedId, a.ClusterSize));
            Assert.Equal(e.Similarity, a.Similarity, 9);
        }

        EngineStatistics statistics = await store.GetStatisticsAsync();
        Assert.Equal(memory.Count, statistics.Articles);
        Assert.Equal(memory.GetStatistics().Clusters, statistics.Clusters);
        return statistics.Articles;
    }
}

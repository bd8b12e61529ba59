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

    private async Task CompareAsync(IReadOnlyList<Article> articles)
    {
        var memory = new SyndicationEngine();
        var expected = articles.Select(memory.Add).ToList();

        await using var store = await PostgreSqlSyndicationEngine.OpenAsync(await server.CreateDatabaseAsync());
        var actual = new List<Verdict>();
        foreach (Article article in articles)
        {
            actual.Add(await store.AddAsync(article));
        }

        IReadOnlyList<Cluster> stored = await store.GetClustersAsync();
        Assert.Equal(Stories.Groups(memory.GetClusters()), Stories.Groups(stored));
        Assert.Equal(articles.Count, Stories.Partition(stored).Count);
        Assert.Equal(memory.GetClusters().Select(c => c.CanonicalId).Order(StringComparer.Ordinal), stored.Select(c => c.CanonicalId).Order(StringComparer.Ordinal));

        for (int i = 0; i < articles.Count; i++)
        {
            Verdict e = expected[i], a = actual[i];
            Assert.True(a.Inserted, a.ArticleId);
            Assert.Equal((e.ArticleId, e.Relation, e.CanonicalId, e.MatchedId, e.ClusterSize), (a.ArticleId, a.Relation, a.CanonicalId, a.MatchedId, a.ClusterSize));
            Assert.Equal(e.Similarity, a.Similarity, 9);
        }

        EngineStatistics statistics = await store.GetStatisticsAsync();
        Assert.Equal(articles.Count, statistics.Articles);
        Assert.Equal(memory.GetStatistics().Clusters, statistics.Clusters);
    }
}

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
    public async Task A_roundup_is_recorded_as_a_carrier_as_in_memory()
    {
        await CompareAsync(Syndicate.Tests.Clustering.CarrierTests.ReleasesAndRoundup);

        // Read one cluster at a time, too.
        await using var store = await PostgreSqlSyndicationEngine.OpenAsync(await server.CreateDatabaseAsync());
        var verdicts = new List<Verdict>();
        foreach (Article article in Syndicate.Tests.Clustering.CarrierTests.ReleasesAndRoundup)
        {
            verdicts.Add(await store.AddAsync(article));
        }

        Cluster campaign = (await store.GetClusterOfAsync("campaign"))!;
        Assert.Equal([campaign.Id], verdicts[^1].CarriedClusterIds);
        Assert.Equal([campaign.Id], (await store.GetVerdictAsync("roundup"))!.CarriedClusterIds);
        Carrier carrier = Assert.Single(campaign.Carriers);
        Assert.Equal(("roundup", "campaign"), (carrier.Id, carrier.MatchedId));
        Assert.Equal((await store.GetClusterOfAsync("seizure"))!.Id, carrier.ClusterId);
    }

    [PostgreSqlFact]
    public async Task Under_a_window_the_store_evicts_as_the_in_memory_engine_does()
    {
        // The bundled corpus spans about two days: a six-hour window evicts most of it as it streams.
        var options = new SyndicationOptions { Window = TimeSpan.FromHours(6) };
        int held = await CompareAsync(Stories.Synthetic, options);
        Assert.InRange(held, 1, Stories.Synthetic.Count / 2);
    }

    /// <summary>Every carrier as (story, carrier, the carrier's story, matched copy, relation), stories named by their canonical copy.</summary>
    private static List<string> Carried(IReadOnlyList<Cluster> clusters)
    {
        var canonical = clusters.ToDictionary(c => c.Id, c => c.CanonicalId);
        return [.. clusters.SelectMany(c => c.Carriers.Select(k => $"{c.CanonicalId} {k.Id} {canonical[k.ClusterId]} {k.MatchedId} {k.Relation} {k.Similarity:R}")).Order(StringComparer.Ordinal)];
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
        Assert.Equal(Carried(memory.GetClusters()), Carried(stored));

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

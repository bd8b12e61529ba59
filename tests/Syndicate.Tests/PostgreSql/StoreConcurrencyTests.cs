using Syndicate.Clustering;
using Syndicate.PostgreSql;

namespace Syndicate.Tests.PostgreSql;

/// <summary>
/// Several engines on one store, as several workers are: copies of one story arriving at the same moment end in one
/// cluster, every article is stored once, and what was acknowledged is there after the engines close and after the
/// server restarts.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class StoreConcurrencyTests(PostgreSqlServer server)
{
    private const int Rounds = 12;

    [PostgreSqlFact]
    public Task Two_workers_adding_copies_of_one_story_at_once_end_in_one_cluster() => CopiesAtOnceAsync(workers: 2);

    [PostgreSqlFact]
    public Task Three_workers_adding_copies_of_one_story_at_once_end_in_one_cluster() => CopiesAtOnceAsync(workers: 3);

    /// <summary>
    /// Each round releases one copy per worker at the same instant, each worker on its own engine (its own connection
    /// pool, as a separate process has); the copies of a round are of a story the store has not seen.
    /// </summary>
    private async Task CopiesAtOnceAsync(int workers)
    {
        string store = await server.CreateDatabaseAsync();
        var engines = new List<PostgreSqlSyndicationEngine>();
        for (int w = 0; w < workers; w++)
        {
            engines.Add(await PostgreSqlSyndicationEngine.OpenAsync(store));
        }

        try
        {
            for (int round = 0; round < Rounds; round++)
            {
                List<Article> copies = Stories.Copies(round, workers, "r");
                // The copies are one story to the in-memory engine: the test is about arriving at once, not about them.
                var memory = new SyndicationEngine();
                Assert.Single(copies.Select(memory.Add).Select(v => v.ClusterId).Distinct());

                var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Task<Verdict>[] adds = [.. engines.Select((engine, w) => Task.Run(async () =>
                {
                    await go.Task;
                    return await engine.AddAsync(copies[w]);
                }))];
                go.SetResult();
                Verdict[] verdicts = await Task.WhenAll(adds);

                Assert.All(verdicts, v => Assert.True(v.Inserted));
                Assert.Single(verdicts, v => v.IsNew);
                Cluster? cluster = await engines[0].GetClusterOfAsync(copies[0].Id);
                Assert.NotNull(cluster);
                Assert.Equal(copies.Select(c => c.Id).Order(StringComparer.Ordinal), cluster.Members.Select(m => m.Id).Order(StringComparer.Ordinal));
                Assert.Single(cluster.Members, m => m.IsCanonical);
            }

            EngineStatistics statistics = await engines[^1].GetStatisticsAsync();
            Assert.Equal(Rounds * workers, statistics.Articles);
            Assert.Equal(Rounds, statistics.Clusters);
        }
        finally
        {
            foreach (PostgreSqlSyndicationEngine engine in engines)
            {
                await engine.DisposeAsync();
            }
        }
    }

    [PostgreSqlFact]
    public async Task Workers_sharing_a_corpus_store_every_article_once_and_acknowledged_verdicts_survive()
    {
        string store = await server.CreateDatabaseAsync();
        IReadOnlyList<Article> articles = Stories.Synthetic;
        // Three workers take interleaved thirds; the first also adds a third of the others' articles again, as a
        // worker restarted on its input does, and two workers add one article at the same moment now and then.
        var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<string, Verdict>(StringComparer.Ordinal);
        async Task WorkAsync(int worker)
        {
            await using var engine = await PostgreSqlSyndicationEngine.OpenAsync(store);
            for (int i = 0; i < articles.Count; i++)
            {
                if (i % 3 == worker || (worker == 0 && i % 9 == 1))
                {
                    Verdict v = await engine.AddAsync(articles[i]);
                    Assert.Equal(articles[i].Id, v.ArticleId);
                    if (v.Inserted)
                    {
                        Assert.True(acknowledged.TryAdd(v.ArticleId, v), $"{v.ArticleId} inserted twice");
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 3).Select(w => Task.Run(() => WorkAsync(w))));
        Assert.Equal(articles.Count, acknowledged.Count);

        await using var reopened = await PostgreSqlSyndicationEngine.OpenAsync(store);
        Dictionary<string, string> stored = Stories.Partition(await reopened.GetClustersAsync());
        Assert.Equal(articles.Select(a => a.Id).Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        foreach (Verdict v in acknowledged.Values)
        {
            Verdict? kept = await reopened.GetVerdictAsync(v.ArticleId);
            Assert.NotNull(kept);
            Assert.Equal((v.Relation, v.MatchedId), (kept.Relation, kept.MatchedId));
        }

        // Arrival order differs from one worker's, so the clusters may differ a little; not the stories they find.
        var memory = new SyndicationEngine();
        memory.AddRange([.. articles]);
        double f1 = Stories.PairScores(stored, Stories.Partition(memory.GetClusters())).F1;
        Assert.True(f1 >= 0.98, $"pair F1 {f1:F4} against one in-memory engine");
    }

    [PostgreSqlFact(RestartsServer = true)]
    public async Task A_server_restart_during_a_run_loses_nothing_acknowledged_and_inserts_nothing_twice()
    {
        string store = await server.CreateDatabaseAsync();
        IReadOnlyList<Article> articles = Stories.Synthetic;
        var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<string, Verdict>(StringComparer.Ordinal);
        int done = 0;
        async Task WorkAsync(int worker)
        {
            await using var engine = await PostgreSqlSyndicationEngine.OpenAsync(store);
            for (int i = worker; i < articles.Count; i += 2)
            {
                Verdict v = await engine.AddAsync(articles[i]);
                // A commit whose confirmation the restart cut off is retried, finds the article stored and returns
                // its stored verdict (Inserted false): acknowledged once all the same.
                Assert.True(acknowledged.TryAdd(v.ArticleId, v), $"{v.ArticleId} acknowledged twice");
                Interlocked.Increment(ref done);
            }
        }

        Task run = Task.WhenAll(Enumerable.Range(0, 2).Select(w => Task.Run(() => WorkAsync(w))));
        // Restart once the run is well under way, then again with an immediate (crash-like) stop.
        await WaitForAsync(() => Volatile.Read(ref done) >= articles.Count / 4, run);
        await server.RestartAsync(immediate: false);
        await WaitForAsync(() => Volatile.Read(ref done) >= articles.Count / 2, run);
        await server.StopAsync(immediate: true);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await server.StartAsync();
        await run;

        Assert.Equal(articles.Count, acknowledged.Count);
        await using var reopened = await PostgreSqlSyndicationEngine.OpenAsync(store);
        Assert.Equal(articles.Count, (await reopened.GetStatisticsAsync()).Articles);
        Dictionary<string, string> stored = Stories.Partition(await reopened.GetClustersAsync());
        Assert.Equal(articles.Select(a => a.Id).Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        foreach (Verdict v in acknowledged.Values)
        {
            Verdict? kept = await reopened.GetVerdictAsync(v.ArticleId);
            Assert.NotNull(kept);
            Assert.Equal((v.Relation, v.MatchedId), (kept.Relation, kept.MatchedId));
        }
    }

    /// <summary>Waits for <paramref name="condition"/>, failing if <paramref name="run"/> ends first (too fast to interrupt, or failed).</summary>
    private static async Task WaitForAsync(Func<bool> condition, Task run)
    {
        while (!condition())
        {
            if (run.IsCompleted)
            {
                await run;
                Assert.Fail("the run ended before the restart it was meant to see");
            }

            await Task.Delay(5);
        }
    }
}

using Npgsql;
using Syndicate.PostgreSql;

namespace Syndicate.Tests.PostgreSql;

/// <summary>The store's schema on a real server: created once, reused, refused when newer, and its fixed options kept.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class SchemaTests(PostgreSqlServer server)
{
    [PostgreSqlFact]
    public async Task The_first_open_creates_the_schema_and_a_second_open_reuses_it()
    {
        string store = await server.CreateDatabaseAsync();
        Assert.Null(await PostgreSqlSyndicationEngine.ReadOptionsAsync(store));
        Assert.Equal(0L, await ScalarAsync<long>(store, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));

        Verdict first;
        await using (var engine = await PostgreSqlSyndicationEngine.OpenAsync(store))
        {
            first = await engine.AddAsync(TestData.Seed(0));
            Assert.True(first.Inserted);
        }

        Assert.Equal(SchemaVersion.Current, await ScalarAsync<int>(store, "SELECT version FROM syndicate_schema"));
        // Band postings are hash-partitioned by their key, so that partitions can be placed elsewhere.
        Assert.Equal("h", await ScalarAsync<string>(store, "SELECT partstrat::text FROM pg_partitioned_table WHERE partrelid = 'syndicate_band_postings'::regclass"));
        Assert.True(await ScalarAsync<long>(store, "SELECT count(*) FROM pg_inherits WHERE inhparent = 'syndicate_band_postings'::regclass") > 1);
        long tables = await ScalarAsync<long>(store, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");

        await using (var engine = await PostgreSqlSyndicationEngine.OpenAsync(store))
        {
            Verdict? stored = await engine.GetVerdictAsync(first.ArticleId);
            Assert.NotNull(stored);
            Assert.Equal(first.ClusterId, stored.ClusterId);
            Verdict again = await engine.AddAsync(TestData.Seed(0));
            Assert.False(again.Inserted);
            Assert.Equal(first.ClusterId, again.ClusterId);
            Assert.False(again.IdReused);

            // The same id and text from another outlet is another article under a colliding id, not this one again.
            Article seed = TestData.Seed(0);
            Verdict collided = await engine.AddAsync(new Article(seed.Id, seed.Source + "-reprint", seed.Body) { Title = seed.Title, Published = seed.Published });
            Assert.True(collided.IdReused);
            Assert.False(collided.Inserted);
            Assert.Equal(1, (await engine.GetStatisticsAsync()).Articles);
        }

        Assert.Equal(tables, await ScalarAsync<long>(store, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
        Assert.Equal(1L, await ScalarAsync<long>(store, "SELECT count(*) FROM syndicate_schema"));
        Assert.NotNull(await PostgreSqlSyndicationEngine.ReadOptionsAsync(store));
    }

    [PostgreSqlFact]
    public async Task Workers_opening_an_empty_database_at_once_create_one_schema()
    {
        string store = await server.CreateDatabaseAsync();
        PostgreSqlSyndicationEngine[] engines = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgreSqlSyndicationEngine.OpenAsync(store))));
        try
        {
            Assert.Equal(1L, await ScalarAsync<long>(store, "SELECT count(*) FROM syndicate_schema"));
            Verdict[] verdicts = await Task.WhenAll(engines.Select((e, i) => e.AddAsync(TestData.Seed(i % 2, id: $"w{i}", source: $"outlet{i}"))));
            Assert.All(verdicts, v => Assert.True(v.Inserted));
            Assert.Equal(4, (await engines[0].GetStatisticsAsync()).Articles);
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
    public async Task A_version_1_store_is_migrated_when_a_worker_opens_it_and_keeps_its_articles()
    {
        // A store as version 1 wrote it: its schema, then the first articles written through today's code with the
        // carriers column dropped again (version 1 had none).
        string store = await server.CreateDatabaseAsync();
        await using (var engine = await PostgreSqlSyndicationEngine.OpenAsync(store))
        {
            await engine.AddAsync(TestData.Seed(0));
        }

        await ExecuteAsync(store, "ALTER TABLE syndicate_clusters DROP COLUMN carriers; ALTER TABLE syndicate_articles DROP COLUMN arrival_carries, DROP COLUMN fingerprint_revision; UPDATE syndicate_schema SET version = 1");

        await using (var engine = await PostgreSqlSyndicationEngine.OpenAsync(store))
        {
            Assert.Equal(SchemaVersion.Current, await ScalarAsync<int>(store, "SELECT version FROM syndicate_schema"));
            Assert.NotNull(await engine.GetClusterOfAsync(TestData.Seed(0).Id));

            // The article a version 1 store held has no recorded text pipeline revision: it counts as another revision's.
            Assert.Equal(1, (await engine.GetStatisticsAsync()).OtherRevisionArticles);
            foreach (Article article in Syndicate.Tests.Clustering.CarrierTests.ReleasesAndRoundup)
            {
                await engine.AddAsync(article);
            }

            Syndicate.Clustering.Cluster campaign = (await engine.GetClusterOfAsync("campaign"))!;
            Assert.Equal("roundup", Assert.Single(campaign.Carriers).Id);
            Assert.Equal([campaign.Id], (await engine.GetVerdictAsync("roundup"))!.CarriedClusterIds);

            // The articles added since are recorded with this build's revision.
            Syndicate.Clustering.EngineStatistics statistics = await engine.GetStatisticsAsync();
            Assert.Equal(4, statistics.Articles);
            Assert.Equal(1, statistics.OtherRevisionArticles);
        }

        Assert.Equal(1L, await ScalarAsync<long>(store, "SELECT count(*) FROM syndicate_schema"));
    }

    [PostgreSqlFact]
    public async Task A_schema_newer_than_the_code_is_refused_with_a_clear_message()
    {
        string store = await server.CreateDatabaseAsync();
        await using (var engine = await PostgreSqlSyndicationEngine.OpenAsync(store))
        {
            await engine.AddAsync(TestData.Seed(0));
        }

        await ExecuteAsync(store, "UPDATE syndicate_schema SET version = 99");

        var open = await Assert.ThrowsAsync<PostgreSqlStoreException>(() => PostgreSqlSyndicationEngine.OpenAsync(store));
        Assert.Contains("99", open.Message, StringComparison.Ordinal);
        Assert.Contains("newer", open.Message, StringComparison.Ordinal);
        var read = await Assert.ThrowsAsync<PostgreSqlStoreException>(() => PostgreSqlSyndicationEngine.ReadOptionsAsync(store));
        Assert.Contains("99", read.Message, StringComparison.Ordinal);
        // Refused, not touched: the version and the article are as they were.
        Assert.Equal(99, await ScalarAsync<int>(store, "SELECT version FROM syndicate_schema"));
        Assert.Equal(1L, await ScalarAsync<long>(store, "SELECT count(*) FROM syndicate_articles"));
    }

    [PostgreSqlFact]
    public async Task Options_that_decide_fingerprints_cannot_change_and_the_others_can()
    {
        string store = await server.CreateDatabaseAsync();
        await using (var engine = await PostgreSqlSyndicationEngine.OpenAsync(store, new SyndicationOptions { Seed = 11 }))
        {
            Assert.Equal(11, engine.Options.Seed);
            await engine.AddAsync(TestData.Seed(0));
        }

        var seed = await Assert.ThrowsAsync<PostgreSqlStoreException>(() => PostgreSqlSyndicationEngine.OpenAsync(store, new SyndicationOptions { Seed = 12 }));
        Assert.Contains("seed", seed.Message, StringComparison.Ordinal);
        Assert.Contains("11", seed.Message, StringComparison.Ordinal);
        var shingles = await Assert.ThrowsAsync<PostgreSqlStoreException>(() => PostgreSqlSyndicationEngine.OpenAsync(store, new SyndicationOptions { Seed = 11, ShingleSize = 4 }));
        Assert.Contains("shingle size", shingles.Message, StringComparison.Ordinal);

        // Null takes what is stored; a threshold only decides future verdicts, so it may change, and is stored.
        await using (var engine = await PostgreSqlSyndicationEngine.OpenAsync(store))
        {
            Assert.Equal(11, engine.Options.Seed);
        }

        await using (var engine = await PostgreSqlSyndicationEngine.OpenAsync(store, new SyndicationOptions { Seed = 11, SimilarityThreshold = 0.7 }))
        {
            Assert.Equal(0.7, engine.Options.SimilarityThreshold);
        }

        SyndicationOptions? stored = await PostgreSqlSyndicationEngine.ReadOptionsAsync(store);
        Assert.NotNull(stored);
        Assert.Equal(11, stored.Seed);
        Assert.Equal(0.7, stored.SimilarityThreshold);
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

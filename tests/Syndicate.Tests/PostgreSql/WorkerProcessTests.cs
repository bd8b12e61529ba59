using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using Syndicate.Cli.Input;
using Syndicate.PostgreSql;
using Xunit.Abstractions;

namespace Syndicate.Tests.PostgreSql;

/// <summary>
/// Three <c>syndicate dedup --store</c> processes share one store, as workers on several machines do, each taking an
/// interleaved third of one corpus: every article ends in the store exactly once, with the clusters one in-memory
/// engine finds, up to arrival order. A worker killed with SIGKILL and restarted on its input, and a server restarted
/// under the workers, lose nothing acknowledged and store nothing twice.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class WorkerProcessTests(PostgreSqlServer server, ITestOutputHelper output)
{
    private const int Workers = 3;

    /// <summary>
    /// The corpus: the bundled labelled one (371 reprints, edits, partial copies, hard negatives), then a generated
    /// stream of 700 more stories with their copies, 2,785 articles; and the clusters of one in-memory engine that reads
    /// them as the CLI does, in file order.
    /// </summary>
    private static readonly Lazy<Input> s_input = new(Input.Build);

    [PostgreSqlFact]
    public async Task Three_workers_store_every_article_once_with_the_clusters_of_one_process()
    {
        Input input = s_input.Value;
        using var dir = new TempDirectory();
        string store = await server.CreateDatabaseAsync();

        // One names the store on its command line, the others in the environment.
        DedupWorker[] workers = [.. Enumerable.Range(0, Workers).Select(w => DedupWorker.Start($"worker {w}", store, input.WriteThird(dir, w), storeInEnvironment: w > 0))];
        WorkerResult[] results = await FinishAllAsync(workers);

        for (int w = 0; w < Workers; w++)
        {
            Assert.Equal(input.Third(w).Order(StringComparer.Ordinal), results[w].Succeeded().Ids.Order(StringComparer.Ordinal));
        }

        await AssertStoredOnceAsync(store, input);
    }

    [PostgreSqlFact]
    public async Task A_worker_killed_mid_run_and_restarted_on_its_input_loses_and_duplicates_nothing()
    {
        Input input = s_input.Value;
        using var dir = new TempDirectory();
        string store = await server.CreateDatabaseAsync();
        string[] thirds = [.. Enumerable.Range(0, Workers).Select(w => input.WriteThird(dir, w))];
        DedupWorker[] workers = [.. Enumerable.Range(0, Workers).Select(w => DedupWorker.Start($"worker {w}", store, thirds[w], storeInEnvironment: true))];
        try
        {
            // Mid-run: once the victim has acknowledged a fifth of its share, the others still going.
            await DedupWorker.WaitUntilAsync(() => workers[0].Lines >= input.Third(0).Count / 5, workers, "a fifth of worker 0's share");
            workers[0].Kill();
            WorkerResult killed = await workers[0].FinishAsync();
            Assert.True(killed.Killed, $"worker 0 finished before the kill ({killed.Ids.Count} lines)");
            Assert.InRange(killed.Ids.Count, input.Third(0).Count / 5, input.Third(0).Count - 1);

            // Everything it acknowledged is committed, already now.
            HashSet<string> stored = await StoredIdsAsync(store);
            Assert.All(killed.Ids, id => Assert.Contains(id, stored));

            using DedupWorker again = DedupWorker.Start("worker 0 again", store, thirds[0], storeInEnvironment: true);
            WorkerResult rerun = (await again.FinishAsync()).Succeeded();
            // The restart prints its whole share: the held articles with the verdicts they got, the rest anew.
            Assert.Equal(input.Third(0).Order(StringComparer.Ordinal), rerun.Ids.Order(StringComparer.Ordinal));
            foreach (DedupWorker other in workers[1..])
            {
                (await other.FinishAsync()).Succeeded();
            }

            output.WriteLine($"worker 0 killed after {killed.Ids.Count} of {input.Third(0).Count} acknowledgments");
        }
        finally
        {
            foreach (DedupWorker worker in workers)
            {
                worker.Dispose();
            }
        }

        await AssertStoredOnceAsync(store, input);
    }

    [PostgreSqlFact(RestartsServer = true)]
    public async Task A_server_restart_mid_run_is_ridden_out_and_every_article_is_stored_once()
    {
        Input input = s_input.Value;
        using var dir = new TempDirectory();
        string store = await server.CreateDatabaseAsync();
        DedupWorker[] workers = [.. Enumerable.Range(0, Workers).Select(w => DedupWorker.Start($"worker {w}", store, input.WriteThird(dir, w), storeInEnvironment: true))];
        var acknowledgedBeforeRestart = new List<string>();
        try
        {
            await DedupWorker.WaitUntilAsync(() => workers.Sum(w => w.Lines) >= input.Ids.Count / 4, workers, "a quarter of the corpus");
            // Immediate: the server drops every connection at once and recovers from its log on the next start; a
            // few seconds down, so that the workers' reconnections fail for a while and back off.
            await server.StopAsync(immediate: true);
            int linesWhenStopped = workers.Sum(w => w.Lines);
            await Task.Delay(TimeSpan.FromSeconds(3));
            await server.StartAsync();
            output.WriteLine($"server down after {linesWhenStopped} acknowledgments, up again 3 s later");
            Assert.True(linesWhenStopped < input.Ids.Count, "the workers finished before the server went down");

            WorkerResult[] results = await FinishAllAsync(workers);
            for (int w = 0; w < Workers; w++)
            {
                Assert.Equal(input.Third(w).Order(StringComparer.Ordinal), results[w].Succeeded().Ids.Order(StringComparer.Ordinal));
            }
        }
        finally
        {
            foreach (DedupWorker worker in workers)
            {
                worker.Dispose();
            }
        }

        await AssertStoredOnceAsync(store, input);
    }

    private static async Task<WorkerResult[]> FinishAllAsync(DedupWorker[] workers)
    {
        try
        {
            return await Task.WhenAll(workers.Select(w => w.FinishAsync()));
        }
        finally
        {
            foreach (DedupWorker worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    /// <summary>
    /// Every article of the corpus is stored exactly once, in exactly one cluster, and the clusters are those of one
    /// in-memory process up to arrival order (pair F1 against it at least 0.98).
    /// </summary>
    private async Task AssertStoredOnceAsync(string store, Input input)
    {
        await using (var connection = new NpgsqlConnection(store))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*), count(DISTINCT id) FROM syndicate_articles", connection);
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal((input.Ids.Count, input.Ids.Count), ((int)reader.GetInt64(0), (int)reader.GetInt64(1)));
        }

        await using var engine = await PostgreSqlSyndicationEngine.OpenAsync(store);
        Dictionary<string, string> partition = Stories.Partition(await engine.GetClustersAsync());
        Assert.Equal(input.Ids.Order(StringComparer.Ordinal), partition.Keys.Order(StringComparer.Ordinal));
        var scores = Stories.PairScores(partition, input.Reference);
        output.WriteLine($"{input.Ids.Count} articles; against one in-memory process: pair precision {scores.Precision:F4}, recall {scores.Recall:F4}, F1 {scores.F1:F4}");
        Assert.True(scores.F1 >= 0.98, $"pair F1 {scores.F1:F4} against one in-memory process");
    }

    private static async Task<HashSet<string>> StoredIdsAsync(string store)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(store);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM syndicate_articles", connection);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Assert.True(ids.Add(reader.GetString(0)), "an id stored twice");
        }

        return ids;
    }

    private sealed class Input
    {
        private Input(List<string> lines, List<string> ids, Dictionary<string, string> reference)
        {
            Lines = lines;
            Ids = ids;
            Reference = reference;
        }

        /// <summary>The corpus as JSON lines, in arrival order.</summary>
        public List<string> Lines { get; }

        public List<string> Ids { get; }

        /// <summary>Article id → cluster of one in-memory engine fed the lines in order.</summary>
        public Dictionary<string, string> Reference { get; }

        /// <summary>The ids of worker <paramref name="worker"/>'s interleaved share: lines i with i mod 3 = worker.</summary>
        public List<string> Third(int worker) => [.. Ids.Where((_, i) => i % Workers == worker)];

        public string WriteThird(TempDirectory dir, int worker)
        {
            string path = dir.File(string.Create(CultureInfo.InvariantCulture, $"third-{worker}.jsonl"));
            File.WriteAllLines(path, Lines.Where((_, i) => i % Workers == worker), new UTF8Encoding(false));
            return path;
        }

        public static Input Build()
        {
            IEnumerable<Article> articles = Stories.Synthetic.Concat(Stories.Generated(stories: 700, seed: 14));
            List<string> lines = [.. articles.Select(a => JsonSerializer.Serialize(new
            {
                id = a.Id,
                source = a.Source,
                url = a.Url,
                published = a.Published?.ToString("o", CultureInfo.InvariantCulture),
                title = a.Title,
                body = a.Body,
            }))];

            // Read back as the CLI reads its input, so that the reference sees exactly what the workers see.
            using var dir = new TempDirectory();
            string path = dir.File("all.jsonl");
            File.WriteAllLines(path, lines, new UTF8Encoding(false));
            var reader = new ArticleReader([path], InputFormat.Auto, ErrorMode.Fail, e => Assert.Fail(e.ToString()));
            List<Article> read = [.. reader.Read().Select(r => r.Article)];
            Assert.Equal(lines.Count, read.Count);
            Assert.Equal(read.Count, read.Select(a => a.Id).Distinct(StringComparer.Ordinal).Count());

            var memory = new SyndicationEngine();
            foreach (Article article in read)
            {
                memory.Add(article);
            }

            return new Input(lines, [.. read.Select(a => a.Id)], Stories.Partition(memory.GetClusters()));
        }
    }
}

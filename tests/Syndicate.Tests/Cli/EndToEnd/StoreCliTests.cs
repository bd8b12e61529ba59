using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Syndicate.PostgreSql;
using Syndicate.Tests.PostgreSql;

namespace Syndicate.Tests.Cli.EndToEnd;

/// <summary>
/// <c>dedup</c>, <c>cluster</c> and <c>report</c> with <c>--store</c> against a real PostgreSQL server: the same
/// verdicts and stories as with a state directory (the database numbers the clusters its own way), several worker
/// processes at once, options kept in the database, and nothing acknowledged lost when a worker is killed.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed partial class StoreCliTests(PostgreSqlServer server) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static (string, string)[] Store(string connectionString) => [(StoreConnection, connectionString)];

    private const string StoreConnection = "SYNDICATE_STORE";

    private static JsonElement Verdict(string line) => JsonDocument.Parse(line).RootElement.GetProperty("syndicate");

    /// <summary>The clusters as sets of ids, whatever their numbers.</summary>
    private static HashSet<string> Partition(IEnumerable<string> jsonl) =>
        jsonl.Select(l => JsonDocument.Parse(l).RootElement)
            .GroupBy(r => r.GetProperty("cluster").GetInt64())
            .Select(g => string.Join(' ', g.Select(r => r.GetProperty("id").GetString()).Order(StringComparer.Ordinal)))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Asserts that two sequences of cluster numbers name the same clusters: each number of one always goes with the
    /// same number of the other, both ways.
    /// </summary>
    private static void AssertSameNumbering(IReadOnlyList<long> expected, IReadOnlyList<long> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        var forward = new Dictionary<long, long>();
        var backward = new Dictionary<long, long>();
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(forward.TryAdd(expected[i], actual[i]) ? actual[i] : forward[expected[i]], actual[i]);
            Assert.Equal(backward.TryAdd(actual[i], expected[i]) ? expected[i] : backward[actual[i]], expected[i]);
        }
    }

    [PostgreSqlFact]
    public async Task Dedup_gives_the_verdicts_of_a_state_and_report_its_rows()
    {
        string store = await server.CreateDatabaseAsync();
        string state = _dir.File("state");
        CliResult withState = SyndicateCli.Run("dedup", "--state", state, Corpus.Path).ExpectClean();
        CliResult withStore = SyndicateCli.Run("dedup", "--store", store, Corpus.Path).ExpectClean();

        // Every field but the cluster number is the same; the numbers name the same clusters.
        Assert.Equal(withState.Lines.Length, withStore.Lines.Length);
        static string WithoutCluster(string line)
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(line)!;
            node["syndicate"]!.AsObject().Remove("cluster");
            return node.ToJsonString();
        }

        Assert.Equal(withState.Lines.Select(WithoutCluster), withStore.Lines.Select(WithoutCluster));
        AssertSameNumbering([.. withState.Lines.Select(l => Verdict(l).GetProperty("cluster").GetInt64())], [.. withStore.Lines.Select(l => Verdict(l).GetProperty("cluster").GetInt64())]);

        CliResult fromState = SyndicateCli.Run("report", "--state", state, "-f", "jsonl").ExpectClean();
        CliResult fromStore = SyndicateCli.RunWithEnvironment(Store(store), "report", "-f", "jsonl").ExpectClean();
        Assert.Equal(Corpus.ClusterJsonl.Lines, fromState.Lines);
        static string RowWithoutCluster(string line)
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();
            node.Remove("cluster");
            return node.ToJsonString();
        }

        // In order of arrival, as the state's rows are.
        Assert.Equal(fromState.Lines.Select(RowWithoutCluster), fromStore.Lines.Select(RowWithoutCluster));
        AssertSameNumbering([.. Corpus.ParseLines(fromState).Select(r => r.GetProperty("cluster").GetInt64())], [.. Corpus.ParseLines(fromStore).Select(r => r.GetProperty("cluster").GetInt64())]);

        // A second run is answered from the store: the verdicts of the first, none inserted.
        CliResult again = SyndicateCli.RunWithEnvironment(Store(store), "dedup", Corpus.Path, "--new-only").ExpectClean();
        string[] fresh = withStore.Lines.Where(l => Verdict(l).GetProperty("verdict").GetString() == "new").ToArray();
        Assert.Equal(fresh.Select(l => l.Replace("\"inserted\":true", "\"inserted\":false", StringComparison.Ordinal)), again.Lines);
    }

    [PostgreSqlFact]
    public async Task Report_prints_the_store_in_every_format_and_writes_nothing()
    {
        string store = await server.CreateDatabaseAsync();
        SyndicateCli.Run("dedup", "--store", store, Corpus.Path).ExpectClean();
        string state = _dir.File("state");
        SyndicateCli.Run("dedup", "--state", state, Corpus.Path).ExpectClean();
        string before = await Dump(store);

        CliResult json = SyndicateCli.Run("report", "--store", store, "-f", "json").ExpectClean();
        CliResult expectedJson = SyndicateCli.Run("report", "--state", state, "-f", "json").ExpectClean();
        using (JsonDocument r = JsonDocument.Parse(json.Stdout), e = JsonDocument.Parse(expectedJson.Stdout))
        {
            Assert.Equal([new Npgsql.NpgsqlConnectionStringBuilder(store) is var b ? $"{b.Host}:{b.Port}/{b.Database}" : ""], r.RootElement.GetProperty("inputs").EnumerateArray().Select(i => i.GetString()));
            foreach (string count in new[] { "articles", "clusters", "multiMemberClusters", "duplicates", "nearDuplicates", "partials" })
            {
                Assert.Equal(e.RootElement.GetProperty("statistics").GetProperty(count).GetInt32(), r.RootElement.GetProperty("statistics").GetProperty(count).GetInt32());
            }

            Assert.Equal(e.RootElement.GetProperty("options").GetRawText(), r.RootElement.GetProperty("options").GetRawText());
            static string Stories(JsonElement report) => string.Join('\n', report.GetProperty("clusters").EnumerateArray()
                .Select(c => $"{c.GetProperty("canonical").GetString()} {c.GetProperty("title").GetString()} {c.GetProperty("wire").GetString()} {c.GetProperty("size").GetInt32()} {c.GetProperty("outlets").GetInt32()}")
                .Order(StringComparer.Ordinal));
            Assert.Equal(Stories(e.RootElement), Stories(r.RootElement));
        }

        CliResult csv = SyndicateCli.Run("report", "--store", store, "-f", "csv").ExpectClean();
        Assert.Equal(Corpus.Ids.Count + 1, csv.Lines.Length);
        CliResult table = SyndicateCli.Run("report", "--store", store, "-f", "table").ExpectClean();
        Assert.Contains("371 articles → 46 stories: 32 carried by several copies", table.Stdout, StringComparison.Ordinal);
        string html = _dir.File("stories.html");
        SyndicateCli.Run("report", "--store", store, "-f", "html", "-o", html).ExpectClean();
        HtmlAssert.SelfContained(File.ReadAllText(html));
        Assert.Equal(32, System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(html), "<section class=\"story\"").Count);
        CliResult syndicated = SyndicateCli.Run("report", "--store", store, "-f", "jsonl", "--min-size", "2").ExpectClean();
        Assert.Equal(371 - 14, syndicated.Lines.Length);

        Assert.Equal(before, await Dump(store));
    }

    [PostgreSqlFact]
    public async Task Report_on_a_database_without_a_store_is_exit_3_and_creates_none()
    {
        string store = await server.CreateDatabaseAsync();
        CliResult run = SyndicateCli.Run("report", "--store", store).Expect(3);
        Assert.Contains("holds no Syndicate store", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Null(await PostgreSqlSyndicationEngine.ReadOptionsAsync(store));
        Assert.Equal("", await Dump(store));
    }

    [PostgreSqlFact]
    public async Task Three_worker_processes_at_once_store_every_article_once_in_the_stories_of_one_process()
    {
        string store = await server.CreateDatabaseAsync();
        string[] thirds = [.. Enumerable.Range(0, 3).Select(w => _dir.Write($"part{w}.jsonl", string.Join('\n', Corpus.Lines.Where((_, i) => i % 3 == w)) + "\n"))];

        CliResult[] workers = await Task.WhenAll(thirds.Select(part => Task.Run(() => SyndicateCli.RunWithEnvironment(Store(store), "dedup", part))));

        Assert.All(workers, w => w.ExpectClean());
        string[] delivered = [.. workers.SelectMany(w => w.Lines).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!)];
        Assert.Equal(Corpus.Ids.Order(StringComparer.Ordinal), delivered.Order(StringComparer.Ordinal));
        Assert.All(workers.SelectMany(w => w.Lines), l => Assert.True(Verdict(l).GetProperty("inserted").GetBoolean()));

        CliResult report = SyndicateCli.RunWithEnvironment(Store(store), "report", "-f", "jsonl").ExpectClean();
        Assert.Equal(Corpus.Ids.Count, report.Lines.Length);
        Assert.Equal(Partition(Corpus.ClusterJsonl.Lines), Partition(report.Lines));
        static HashSet<string> Canonicals(IEnumerable<string> jsonl) => jsonl.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("canonical").GetBoolean()).Select(r => r.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Canonicals(Corpus.ClusterJsonl.Lines), Canonicals(report.Lines));
    }

    [PostgreSqlFact]
    public async Task Cluster_adds_the_input_and_prints_the_whole_store()
    {
        string store = await server.CreateDatabaseAsync();
        int half = Corpus.Lines.Count / 2;
        string first = _dir.Write("first.jsonl", string.Join('\n', Corpus.Lines.Take(half)) + "\n");
        string second = _dir.Write("second.jsonl", string.Join('\n', Corpus.Lines.Skip(half)) + "\n");

        CliResult one = SyndicateCli.Run("cluster", first, "--store", store, "-f", "jsonl").ExpectClean();
        Assert.Equal(Corpus.Ids.Take(half), Corpus.ParseLines(one).Select(r => r.GetProperty("id").GetString()));
        CliResult both = SyndicateCli.RunWithEnvironment(Store(store), "cluster", second, "--store", "-f", "jsonl").ExpectClean();

        Assert.Equal(Corpus.Ids, Corpus.ParseLines(both).Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(Partition(Corpus.ClusterJsonl.Lines), Partition(both.Lines));
        Assert.Equal(both.StdoutBytes, SyndicateCli.Run("report", "--store", store, "-f", "jsonl").ExpectClean().StdoutBytes);
    }

    [PostgreSqlFact]
    public async Task A_feed_item_whose_guid_the_store_holds_for_another_outlet_is_added_under_its_source()
    {
        // As with a state: the later outlet's copy of a wire item carried under the wire's guid is kept, by dedup and
        // by cluster alike, and feeding it again adds nothing.
        string store = await server.CreateDatabaseAsync();
        static string Feed(string outlet) =>
            $"<rss version=\"2.0\"><channel><title>{outlet}</title>\n<item><guid isPermaLink=\"false\">wire-1</guid><title>مستشفى جديد</title>"
            + "<description>أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في العاصمة بسعة خمسمئة سرير، ويضم أقساما للطوارئ والعناية المركزة.</description></item>\n</channel></rss>\n";
        string sputnik = _dir.Write("sputnik.xml", Feed("Sputnik"));
        string urdupoint = _dir.Write("urdupoint.xml", Feed("UrduPoint"));
        string pakistanPoint = _dir.Write("pakistanpoint.xml", Feed("Pakistan Point"));

        SyndicateCli.Run("dedup", "--store", store, sputnik).ExpectClean();
        CliResult dedup = SyndicateCli.Run("dedup", "--store", store, urdupoint).ExpectClean();
        CliResult cluster = SyndicateCli.Run("cluster", pakistanPoint, urdupoint, "--store", store, "-f", "jsonl").ExpectClean();

        Assert.Equal("UrduPoint/wire-1", JsonDocument.Parse(Assert.Single(dedup.Lines)).RootElement.GetProperty("id").GetString());
        Assert.Equal(
            ["wire-1", "UrduPoint/wire-1", "Pakistan Point/wire-1"],
            Corpus.ParseLines(cluster).Select(r => r.GetProperty("id").GetString()));
        Assert.Single(Partition(cluster.Lines));
    }

    [PostgreSqlFact]
    public async Task Options_are_kept_in_the_database_and_checked_as_with_a_state()
    {
        string store = await server.CreateDatabaseAsync();
        int half = Corpus.Lines.Count / 2;
        string first = _dir.Write("first.jsonl", string.Join('\n', Corpus.Lines.Take(half)) + "\n");
        SyndicateCli.Run("dedup", "--store", store, "--threshold", "0.7", first).ExpectClean();

        CliResult fingerprint = SyndicateCli.Run("dedup", "--store", store, "--shingle-size", "4", first).Expect(2);
        Assert.Contains("--shingle-size 4 differs from 3", fingerprint.Stderr, StringComparison.Ordinal);
        Assert.Contains("cannot change for an existing store", fingerprint.Stderr, StringComparison.Ordinal);
        CliResult banding = SyndicateCli.Run("dedup", "--store", store, "--bands", "10x10", "--change-options", first).Expect(2);
        Assert.Contains("band postings", banding.Stderr, StringComparison.Ordinal);
        CliResult threshold = SyndicateCli.Run("cluster", first, "--store", store, "--threshold", "0.8").Expect(2);
        Assert.Contains("--threshold 0.8 differs from 0.7", threshold.Stderr, StringComparison.Ordinal);
        Assert.Contains("--change-options", threshold.Stderr, StringComparison.Ordinal);

        // Unsaid, the stored threshold is in force; said with --change-options, the new one is, for every worker.
        Assert.Equal(0.7, StoredThreshold(SyndicateCli.Run("report", "--store", store, "-f", "json").ExpectClean()));
        SyndicateCli.Run("dedup", "--store", store, "--threshold", "0.8", "--change-options", first).ExpectClean();
        Assert.Equal(0.8, StoredThreshold(SyndicateCli.Run("report", "--store", store, "-f", "json").ExpectClean()));
        Assert.Equal(0.8, (await PostgreSqlSyndicationEngine.ReadOptionsAsync(store))!.SimilarityThreshold);

        static double StoredThreshold(CliResult json) =>
            JsonDocument.Parse(json.Stdout).RootElement.GetProperty("options").GetProperty("similarityThreshold").GetDouble();
    }

    [PostgreSqlFact]
    public async Task A_killed_worker_loses_no_acknowledged_article_and_a_rerun_stores_nothing_twice()
    {
        string store = await server.CreateDatabaseAsync();
        (Process process, List<string> lines, Task<string> stderr) = StartDedup(store, Corpus.Path);
        using (process)
        {
            WaitFor(() => lines.Count >= 60, process, stderr);
            process.Kill();
            process.WaitForExit();
        }

        string[] acknowledged;
        lock (lines)
        {
            // A line cut short by the kill was never complete, so never acknowledged.
            acknowledged = [.. lines.Where(l => l.EndsWith('}')).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!)];
        }

        Assert.InRange(acknowledged.Length, 60, Corpus.Ids.Count - 1);
        CliResult rerun = SyndicateCli.Run("dedup", "--store", store, Corpus.Path).ExpectClean();
        Assert.Equal(Corpus.Ids, rerun.Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
        var held = rerun.Lines.Where(l => !Verdict(l).GetProperty("inserted").GetBoolean()).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal);
        string[] lost = [.. acknowledged.Where(id => !held.Contains(id))];
        Assert.True(lost.Length == 0, "acknowledged before the kill but not stored: " + string.Join(", ", lost));

        CliResult report = SyndicateCli.Run("report", "--store", store, "-f", "jsonl").ExpectClean();
        Assert.Equal(Corpus.Ids.Count, report.Lines.Length);
        Assert.Equal(Partition(Corpus.ClusterJsonl.Lines), Partition(report.Lines));
    }

    /// <summary>
    /// Starts a dedup worker reading stdin and feeds it the first half of the corpus; returns once every line sent has
    /// come back, with the worker waiting for more input and its store open.
    /// </summary>
    private (Process Process, List<string> Lines, Task<string> Stderr, int Half) StartWithFirstHalf(string store)
    {
        int half = Corpus.Lines.Count / 2;
        (Process process, List<string> lines, Task<string> stderr) = StartDedup(store, "-");
        try
        {
            foreach (string line in Corpus.Lines.Take(half))
            {
                process.StandardInput.WriteLine(line);
            }

            process.StandardInput.Flush();
            WaitFor(() => lines.Count >= half, process, stderr);
            return (process, lines, stderr, half);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    [PostgreSqlFact]
    public async Task SigTerm_finishes_the_article_in_hand_and_exits_143()
    {
        string store = await server.CreateDatabaseAsync();
        (Process process, List<string> lines, Task<string> stderr, int half) = StartWithFirstHalf(store);
        using (process)
        {
            Assert.Equal(0, Kill(process.Id, 15));
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "SIGTERM did not stop the run");
            process.WaitForExit();
            Assert.Equal(143, process.ExitCode);
        }

        Assert.Contains($"dedup: {half} articles", await stderr, StringComparison.Ordinal);
        Assert.Contains("every article counted is committed and written", await stderr, StringComparison.Ordinal);
        Assert.Equal(half, (await ReadStatisticsAsync(store)).Articles);
    }

    [PostgreSqlFact(RestartsServer = true)]
    public async Task A_worker_carries_on_through_a_server_restart()
    {
        string store = await server.CreateDatabaseAsync();
        (Process process, List<string> lines, Task<string> stderr, int half) = StartWithFirstHalf(store);
        using (process)
        {
            // The worker's connections all break; it reconnects when the next article comes.
            await server.RestartAsync(immediate: true);
            foreach (string line in Corpus.Lines.Skip(half))
            {
                process.StandardInput.WriteLine(line);
            }

            process.StandardInput.Close();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the worker did not finish after the restart");
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}: {await stderr}");
        }

        string[] ids;
        lock (lines)
        {
            ids = [.. lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!)];
        }

        Assert.Equal(Corpus.Ids, ids);
        CliResult report = SyndicateCli.Run("report", "--store", store, "-f", "jsonl").ExpectClean();
        Assert.Equal(Partition(Corpus.ClusterJsonl.Lines), Partition(report.Lines));
    }

    private static async Task<Syndicate.Clustering.EngineStatistics> ReadStatisticsAsync(string store)
    {
        await using PostgreSqlSyndicationEngine engine = await PostgreSqlSyndicationEngine.OpenAsync(store);
        return await engine.GetStatisticsAsync();
    }

    /// <summary>Every table of the store with its rows, to show that reading wrote nothing.</summary>
    private static async Task<string> Dump(string store)
    {
        await using var connection = new Npgsql.NpgsqlConnection(store);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new Npgsql.NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new StringBuilder();
        foreach (string table in tables)
        {
            await using var command = new Npgsql.NpgsqlCommand($"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')), count(*) FROM \"{table}\" t", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            dump.Append(table).Append(' ').Append(reader.GetString(0)).Append(' ').Append(reader.GetInt64(1)).Append('\n');
        }

        return dump.ToString();
    }

    private static (Process Process, List<string> Lines, Task<string> Stderr) StartDedup(string store, string input)
    {
        ProcessStartInfo info = SyndicateCli.StartInfo("dedup", input);
        info.Environment[StoreConnection] = store;
        var process = Process.Start(info)!;
        var lines = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (lines)
                {
                    lines.Add(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        return (process, lines, process.StandardError.ReadToEndAsync());
    }

    private static void WaitFor(Func<bool> condition, Process process, Task<string> stderr)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(process.HasExited && !condition(), "the worker exited early: " + (stderr.IsCompleted ? stderr.Result : ""));
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), "the worker wrote too few lines in a minute");
            Thread.Sleep(20);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}

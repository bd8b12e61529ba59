using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Npgsql;
using Syndicate.PostgreSql;
using Syndicate.Tests.PostgreSql;

namespace Syndicate.Benchmarks;

/// <summary>
/// <c>store</c> mode: the PostgreSQL store under load from 1, 2, 4… workers on the real corpora. Each worker takes an
/// interleaved share of the articles (article i goes to worker i mod N), in publication order.
/// </summary>
/// <remarks>
/// <para>
/// Two kinds of worker, each against a fresh database: engines in this process (each with its own connection pool, as
/// separate processes have), timing every <see cref="PostgreSqlSyndicationEngine.AddAsync"/> from call to
/// acknowledgment for the latency percentiles; and, with <c>--cli</c>, <c>syndicate dedup --store</c> processes, the
/// way a deployment runs them, timed from the first start to the last exit.
/// </para>
/// <para>
/// The server is a throwaway one started as the tests start theirs, but with PostgreSQL's default durability (every
/// commit flushed to disk), unless <c>--store</c> names another. After each run: the server's bytes per article,
/// whole and per table (partitions summed, indexes and TOAST included), before any vacuum.
/// </para>
/// </remarks>
internal static class StoreLoad
{
    /// <summary>The environment variable <c>syndicate dedup</c> reads the store's connection string from, when <c>--store</c> is not given.</summary>
    private const string StoreVariable = "SYNDICATE_STORE";

    private const string Usage = "store [--workers 1,2,4] [--kinds engines,processes] [--limit N] [--cli PATH-TO-Syndicate.Cli.dll] [--store CONNECTION-STRING] [--out FILE.md] [CORPUS.jsonl.gz...]";

    public static async Task<int> RunAsync(string[] args)
    {
        int[] workers = [1, 2, 4];
        int limit = int.MaxValue;
        string? cli = null, external = null, output = null;
        string[] kinds = ["engines"];
        var inputs = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--workers":
                    workers = [.. args[++i].Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture))];
                    break;
                case "--kinds":
                    kinds = args[++i].Split(',');
                    break;
                case "--limit":
                    limit = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--cli":
                    cli = Path.GetFullPath(args[++i]);
                    break;
                case "--store":
                    external = args[++i];
                    break;
                case "--out":
                    output = args[++i];
                    break;
                case var a when a.StartsWith('-'):
                    Console.Error.WriteLine("usage: " + Usage);
                    return 2;
                default:
                    inputs.Add(args[i]);
                    break;
            }
        }

        if (kinds.Except(["engines", "processes"]).Any() || (kinds.Contains("processes") && cli is null))
        {
            Console.Error.WriteLine("--kinds: engines, processes or both; processes need --cli. usage: " + Usage);
            return 2;
        }

        if (inputs.Count == 0)
        {
            inputs.AddRange(((string[])["saudinewsnet.jsonl.gz", "ant-multisource.jsonl.gz"]).Select(f => ArticleCorpus.FindUpwards(Path.Combine("..", "shared", "data", f))
                ?? throw new FileNotFoundException($"../shared/data/{f} not found; name the corpora on the command line")));
        }

        List<(Article Article, string Line)> corpus = Read(inputs, limit);
        Console.Error.WriteLine($"{corpus.Count} articles from {string.Join(", ", inputs.Select(Path.GetFileName))}");

        ThrowawayServer? server = null;
        if (external is null)
        {
            server = await ThrowawayServer.StartNewAsync(durable: true);
            Console.Error.WriteLine($"PostgreSQL in {server.Root}, port {server.Port}");
        }

        try
        {
            var report = new StringBuilder();
            report.Append(CultureInfo.InvariantCulture, $"{corpus.Count:N0} articles ({string.Join(" + ", inputs.Select(Path.GetFileName))}), in publication order, article i to worker i mod N.\n\n");
            report.Append("| workers | kind | articles/s | Add p50 ms | Add p99 ms | Add max ms | wall s | stored | clusters | server bytes/article¹ | load² |\n");
            report.Append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            var tables = new StringBuilder();
            int database = 0;
            foreach (int n in workers)
            {
                foreach (bool processes in kinds.Select(k => k == "processes"))
                {
                    string name = string.Create(CultureInfo.InvariantCulture, $"syndicate_load_{Environment.ProcessId}_{++database}");
                    string store = await CreateDatabaseAsync(server?.ConnectionString() ?? external!, name);
                    long empty = (await SizesAsync(store)).Database;
                    Run run = processes ? await RunProcessesAsync(cli!, store, corpus, n) : await RunEnginesAsync(store, corpus, n);
                    Sizes sizes = await SizesAsync(store);
                    await using (var engine = await PostgreSqlSyndicationEngine.OpenAsync(store))
                    {
                        var statistics = await engine.GetStatisticsAsync();
                        run = run with { Stored = statistics.Articles, Clusters = statistics.Clusters };
                    }

                    string kind = processes ? "`dedup --store` processes" : "engines in one process";
                    string latency = run.Latencies is { Length: > 0 } l
                        ? string.Create(CultureInfo.InvariantCulture, $"{Percentile(l, 0.50):F1} | {Percentile(l, 0.99):F1} | {l[^1]:F0}")
                        : "– | – | –";
                    report.Append(CultureInfo.InvariantCulture,
                        $"| {n} | {kind} | {run.Articles / run.Seconds:F0} | {latency} | {run.Seconds:F0} | {run.Stored:N0} | {run.Clusters:N0} | {(double)(sizes.Database - empty) / run.Stored:F0} | {LoadAverage()} |\n");
                    Console.Error.WriteLine($"{n} workers, {kind}: {run.Articles / run.Seconds:F0} articles/s");
                    if (tables.Length == 0)
                    {
                        tables.Append(CultureInfo.InvariantCulture, $"\nBytes per stored article by table, after the {n}-worker run ({kind}; {run.Stored:N0} articles, {sizes.Database / 1048576.0:F0} MiB in all):\n\n");
                        tables.Append("| table | bytes/article |\n|---|---:|\n");
                        foreach ((string table, long bytes) in sizes.Tables)
                        {
                            tables.Append(CultureInfo.InvariantCulture, $"| `{table}` | {(double)bytes / run.Stored:F0} |\n");
                        }

                        tables.Append(CultureInfo.InvariantCulture, $"| the tables above | {(double)sizes.Tables.Sum(t => t.Bytes) / run.Stored:F0} |\n");
                        tables.Append(CultureInfo.InvariantCulture, $"| `pg_database_size` growth (less the {empty / 1048576.0:F1} MiB of the empty database) | {(double)(sizes.Database - empty) / run.Stored:F0} |\n");
                    }

                    await DropDatabaseAsync(server?.ConnectionString() ?? external!, name);
                }
            }

            report.Append("\n¹ `pg_database_size` after the run less that of the empty database, per stored article, before any vacuum. ² The machine's load average over the last minute at the end of the run (`/proc/loadavg`), for the other work it shared the cores with.\n");
            report.Append(tables);
            Console.Write(report);
            if (output is not null)
            {
                await File.WriteAllTextAsync(output, report.ToString());
            }

            return 0;
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    private sealed record Run(int Articles, double Seconds, double[]? Latencies, int Stored = 0, int Clusters = 0);

    private sealed record Sizes(long Database, List<(string Table, long Bytes)> Tables);

    /// <summary>N engines in this process, each adding its share one article at a time.</summary>
    private static async Task<Run> RunEnginesAsync(string store, List<(Article Article, string Line)> corpus, int workers)
    {
        // Opened before the clock starts: the first creates the schema.
        var engines = new PostgreSqlSyndicationEngine[workers];
        for (int w = 0; w < workers; w++)
        {
            engines[w] = await PostgreSqlSyndicationEngine.OpenAsync(store);
        }

        var latencies = new double[corpus.Count];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            for (int i = w; i < corpus.Count; i += workers)
            {
                long start = Stopwatch.GetTimestamp();
                await engines[w].AddAsync(corpus[i].Article);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        })));
        double seconds = clock.Elapsed.TotalSeconds;
        foreach (PostgreSqlSyndicationEngine engine in engines)
        {
            await engine.DisposeAsync();
        }

        Array.Sort(latencies);
        return new Run(corpus.Count, seconds, latencies);
    }

    /// <summary>N <c>syndicate dedup --store</c> processes, each reading its share from a file.</summary>
    private static async Task<Run> RunProcessesAsync(string cli, string store, List<(Article Article, string Line)> corpus, int workers)
    {
        string folder = Path.Combine(Path.GetTempPath(), "syndicate-load-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var parts = new string[workers];
            for (int w = 0; w < workers; w++)
            {
                parts[w] = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"part-{w}.jsonl"));
                await File.WriteAllLinesAsync(parts[w], corpus.Where((_, i) => i % workers == w).Select(a => a.Line), new UTF8Encoding(false));
            }

            // The schema is created before the clock starts, as for the engines.
            await (await PostgreSqlSyndicationEngine.OpenAsync(store)).DisposeAsync();
            var clock = Stopwatch.StartNew();
            int[] codes = await Task.WhenAll(parts.Select(part => Task.Run(async () =>
            {
                var info = new ProcessStartInfo(DotnetHost()) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (string a in (string[])[cli, "dedup", "-v", "quiet", part])
                {
                    info.ArgumentList.Add(a);
                }

                info.Environment[StoreVariable] = store;
                using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + info.FileName);
                Task drain = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
                string errors = await process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                await drain;
                if (process.ExitCode != 0)
                {
                    Console.Error.WriteLine($"dedup on {Path.GetFileName(part)} exited with {process.ExitCode}: {errors}");
                }

                return process.ExitCode;
            })));
            double seconds = clock.Elapsed.TotalSeconds;
            return codes.All(c => c == 0) ? new Run(corpus.Count, seconds, null) : throw new InvalidOperationException("a dedup worker failed");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";

    private static async Task<Sizes> SizesAsync(string store)
    {
        await using var connection = new NpgsqlConnection(store);
        await connection.OpenAsync();
        long database;
        await using (var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection))
        {
            database = (long)(await command.ExecuteScalarAsync())!;
        }

        var tables = new List<(string, long)>();
        await using (var command = new NpgsqlCommand("""
            SELECT relname, (CASE relkind
                WHEN 'p' THEN (SELECT sum(pg_total_relation_size(t.relid)) FROM pg_partition_tree(c.oid) AS t)
                ELSE pg_total_relation_size(c.oid) END)::bigint AS bytes
            FROM pg_class AS c
            WHERE relname LIKE 'syndicate%' AND relkind IN ('r', 'p') AND NOT relispartition
            ORDER BY bytes DESC, relname
            """, connection))
        await using (NpgsqlDataReader reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }

        return new Sizes(database, tables);
    }

    private static async Task<string> CreateDatabaseAsync(string server, string name)
    {
        var admin = new NpgsqlConnectionStringBuilder(server) { Pooling = false };
        admin.Database ??= "postgres";
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static async Task DropDatabaseAsync(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(server) { Pooling = false };
        admin.Database ??= "postgres";
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The articles of the corpora, each with its JSON line for the CLI workers.</summary>
    private static List<(Article, string)> Read(List<string> inputs, int limit)
    {
        var corpus = new List<(Article, string)>();
        foreach (string input in inputs)
        {
            using var file = File.OpenRead(input);
            using Stream data = input.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var reader = new StreamReader(data, Encoding.UTF8);
            while (corpus.Count < limit && reader.ReadLine() is { Length: > 0 } line)
            {
                using JsonDocument document = JsonDocument.Parse(line);
                JsonElement root = document.RootElement;
                string? Text(string name) => root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                DateTimeOffset? published = Text("published") is { } p && DateTimeOffset.TryParse(p, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset t) ? t : null;
                corpus.Add((new Article(Text("id")!, Text("source") ?? "", Text("body") ?? "") { Title = Text("title"), Url = Text("url"), Published = published }, line));
            }
        }

        return corpus;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "–";

    /// <summary>The value below which a share <paramref name="q"/> of the sorted <paramref name="sorted"/> lie (nearest rank).</summary>
    private static double Percentile(double[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}

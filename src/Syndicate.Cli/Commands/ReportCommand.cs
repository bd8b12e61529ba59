using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Syndicate.Cli.Output;
using Syndicate.Clustering;

namespace Syndicate.Cli.Commands;

/// <summary>
/// <c>syndicate report --state DIR | --store CONNECTION-STRING</c>: prints the clustering a <c>dedup</c> state or a
/// PostgreSQL store holds, in the formats of <c>cluster</c>, without changing it.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var state = new Option<string?>("--state", "-s") { Description = "The state directory of a dedup to read. It is opened read-only: no file in it is created or changed, and a dedup writing it at that moment makes the report fail (exit 3)." };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "table (default on a terminal), json (full report), jsonl (one line per stored article, in the schema of cluster's jsonl, in order of arrival; the default when piped), csv, html.",
        };
        format.AcceptOnlyFromAmong("table", "json", "jsonl", "csv", "html");
        var output = new Option<string?>("--out", "-o") { Description = "Write the report to this file instead of stdout." };
        var top = new Option<int?>("--top") { Description = "Stories listed, biggest first: 25 by default in the table; every story in the html report unless given." };
        var minSize = new Option<int?>("--min-size") { Description = "Only the stories with at least this many copies, and their articles (default 1: every stored article)." };
        var store = new StoreOption(fallsBackToVariable: true);

        var command = new Command("report", "Print the stories a dedup state or a PostgreSQL store holds: the clusters, canonical copies, wires and outlets, in the formats of cluster. Reads the state without changing it, so it can be run between dedup runs; a store can be read while its workers run.");
        common.AddTo(command, inputs: false);
        command.Options.Add(state);
        store.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(top);
        command.Options.Add(minSize);
        command.SetAction(result => CliRunner.Guard(() =>
        {
            StoreConnection? shared = store.Resolve(result, state);
            string? directory = result.GetValue(state);
            if (shared is null && directory is null)
            {
                throw new UsageException($"report: give the state to read with --state DIR, or a PostgreSQL store with --store CONNECTION-STRING (or {StoreConnection.Variable}).");
            }

            if (shared is null && string.IsNullOrWhiteSpace(directory))
            {
                throw new UsageException("--state: expected a directory, got an empty path.");
            }

            if (result.GetValue(top) < 0)
            {
                throw new UsageException($"--top must not be negative, got {result.GetValue(top)}.");
            }

            int smallest = result.GetValue(minSize) ?? 1;
            if (smallest < 1)
            {
                throw new UsageException($"--min-size must be at least 1, got {smallest}.");
            }

            string? outPath = result.GetValue(output);
            string fmt = result.GetValue(format) ?? (outPath is null && !Console.IsOutputRedirected ? "table" : "jsonl");
            using ILoggerFactory loggers = common.Loggers(result);
            RunReport report = shared is not null
                ? ReadStore(shared, smallest, loggers, talk: !common.Quiet(result))
                : ReadState(directory!, smallest, loggers, talk: !common.Quiet(result));
            ClusterCommand.WriteReport(report, fmt, outPath, result.GetValue(top));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static RunReport ReadState(string directory, int minSize, ILoggerFactory loggers, bool talk)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            using SyndicationEngine engine = SyndicationEngine.OpenReadOnly(directory, logger: loggers.CreateLogger<SyndicationEngine>());
            if (engine.JournalRepair is { } repair && talk)
            {
                CliRunner.Error("warning: " + repair);
            }

            IReadOnlyList<Cluster> clusters = engine.GetClusters();
            EngineStatistics statistics = engine.GetStatistics();
            return StoredClustering.ToReport(clusters, engine.Options, [directory], statistics.BytesPerArticle, stopwatch.Elapsed.TotalSeconds, minSize);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Storage.StateException(directory, "cannot read the state directory: " + e.Message, e);
        }
    }

    /// <summary>The store's clustering, read in one snapshot; a database that holds no store is an error, not an empty report.</summary>
    private static RunReport ReadStore(StoreConnection store, int minSize, ILoggerFactory loggers, bool talk)
    {
        var stopwatch = Stopwatch.StartNew();
        if (store.ReadOptions() is null)
        {
            throw new StoreException($"PostgreSQL at {store.Display}: the database holds no Syndicate store (syndicate dedup --store creates one).");
        }

        using PostgreSql.PostgreSqlSyndicationEngine engine = store.Open(null, loggers.CreateLogger("syndicate.store"));
        IReadOnlyList<Cluster> clusters = store.Run(() => engine.GetClustersAsync().GetAwaiter().GetResult());
        EngineStatistics statistics = store.Run(() => engine.GetStatisticsAsync().GetAwaiter().GetResult());
        if (statistics.OtherRevisionArticles > 0 && talk)
        {
            // A state directory's engine says this as it opens; a store is only counted here.
            CliRunner.Error($"warning: PostgreSQL at {store.Display}: {statistics.OtherRevisionArticles} of the {statistics.Articles} articles held were fingerprinted by another release of Syndicate, with another revision of the text pipeline; copies of them may be judged less similar or missed until they are evicted, or until their articles are fed into a new store");
        }

        return StoredClustering.ToReport(clusters, engine.Options, [store.Display], statistics.BytesPerArticle, stopwatch.Elapsed.TotalSeconds, minSize);
    }
}

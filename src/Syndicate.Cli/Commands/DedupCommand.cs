using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Syndicate.Cli.Input;
using Syndicate.Cli.Output;

namespace Syndicate.Cli.Commands;

/// <summary>
/// <c>syndicate dedup --state DIR [INPUT...]</c>: a filter for feed pipelines. Reads articles (JSONL on stdin by
/// default), writes each with its verdict to stdout, and keeps the engine state in DIR so the next run knows today's
/// stories.
/// </summary>
internal static class DedupCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var engine = new EngineOptions();
        var state = new Option<string?>("--state", "-s")
        {
            Description = "Directory of the persistent state (created if missing). Every article is journaled before its verdict is written, so an article whose verdict was printed survives a crash.",
        };
        var store = new StoreOption(fallsBackToVariable: true);
        var changeOptions = new Option<bool>("--change-options") { Description = "Let the engine options given on this command line replace those stored with the state or store (thresholds, window; banding too for a state), from this run on. Without it, a value that differs from the stored one is an error." };
        var newOnly = new Option<bool>("--new-only") { Description = "Write only the articles that started a new story when they were added. An article already in the state gets the verdict it got then, so re-feeding an input after a crash writes again what a reader may have missed." };
        // Hidden: a small value makes checkpoints frequent, which the crash tests need to kill the process inside one.
        var checkpointBytes = new Option<long?>("--checkpoint-bytes") { Description = "Journal size that triggers a checkpoint.", Hidden = true };
        var command = new Command("dedup", "Filter a feed: writes each article as a JSON line (id, source, url, published, title, body) with a \"syndicate\" object holding its verdict (new, duplicate, near-duplicate, partial), the story's cluster, canonical copy and wire. Remembers earlier runs' stories in --state, so tomorrow's run knows today's, or in a PostgreSQL --store that several dedup processes share; the engine options of the run that created the state are stored with it and stay in force (see --change-options). Reads JSONL from stdin when no input is named.");
        common.AddTo(command);
        engine.AddTo(command);
        command.Options.Add(state);
        store.AddTo(command);
        command.Options.Add(newOnly);
        command.Options.Add(changeOptions);
        command.Options.Add(checkpointBytes);
        command.SetAction(result => CliRunner.Guard(() =>
        {
            StoreConnection? shared = store.Resolve(result, state);
            string? directory = result.GetValue(state);
            if (shared is null && directory is null)
            {
                throw new UsageException($"dedup: give the state directory with --state DIR, or a PostgreSQL store with --store CONNECTION-STRING (or {StoreConnection.Variable}).");
            }

            if (shared is null && string.IsNullOrWhiteSpace(directory))
            {
                throw new UsageException("--state: expected a directory, got an empty path.");
            }

            SyndicationOptions options = engine.Build(result);
            if (shared is null && Directory.Exists(directory) && SyndicationEngine.ReadOptions(directory!) is { } stored)
            {
                options = StateOptions.Reconcile(directory!, stored, options, engine, result, result.GetValue(changeOptions));
            }

            using ILoggerFactory loggers = common.Loggers(result);
            string[] inputs = result.GetValue(common.Inputs) is { Length: > 0 } named ? [.. InputSet.Resolve(named).Paths] : ["-"];
            var summary = new DedupSummary(shared is null ? "state" : "store");
            var reader = new ArticleReader(
                inputs,
                common.Format(result),
                common.ErrorMode(result),
                e =>
                {
                    summary.Errors++;
                    CliRunner.Error(e.ToString());
                },
                onWarning: w => CliRunner.Error(w.ToString()));
            long journalLimit = SyndicationEngine.DefaultCheckpointBytes;
            if (result.GetValue(checkpointBytes) is { } bytes)
            {
                if (bytes <= 0)
                {
                    throw new UsageException("--checkpoint-bytes must be positive");
                }

                journalLimit = bytes;
            }

            bool talk = !common.Quiet(result);
            bool terminal = talk && !Console.IsErrorRedirected;
            if (shared is not null)
            {
                options = Reconcile(shared, options, engine, result, result.GetValue(changeOptions));
                using PostgreSql.PostgreSqlSyndicationEngine database = shared.Open(options, loggers.CreateLogger("syndicate.store"));
                using Stream output = OutputTarget.OpenStdout();
                using var storeRun = new DedupRun(a => shared.Run(() => database.AddAsync(a).GetAwaiter().GetResult()), database, output, summary, talk);
                storeRun.Execute(reader.Read(), result.GetValue(newOnly), terminal, r => reader.RetryHeldForAnotherArticle(r, id => shared.Run(() => database.GetClusterOfAsync(id).GetAwaiter().GetResult())), reader.ReportHeldForAnotherArticle);
            }
            else
            {
                using SyndicationEngine syndicate = OpenState(directory!, options, loggers, journalLimit);
                if (syndicate.JournalRepair is { } repair && talk)
                {
                    CliRunner.Error("warning: " + repair);
                }

                using Stream stdout = OutputTarget.OpenStdout();
                using var run = new DedupRun(syndicate.Add, syndicate, stdout, summary, talk);
                run.Execute(reader.Read(), result.GetValue(newOnly), terminal, r => reader.RetryHeldForAnotherArticle(r, syndicate.GetClusterOf), reader.ReportHeldForAnotherArticle);
                syndicate.Checkpoint();
            }

            if (terminal)
            {
                Console.Error.WriteLine(summary.Describe());
            }

            return InputSet.ReportIncomplete(reader.IncompleteInputs) ? ExitCodes.InputError : ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>
    /// The options to open a store with: those it holds, with the values typed on the command line checked against them
    /// as for a state directory; for a database that holds no store yet, the typed ones.
    /// </summary>
    internal static SyndicationOptions Reconcile(StoreConnection store, SyndicationOptions typed, EngineOptions engine, ParseResult result, bool change) =>
        store.ReadOptions() is { } stored ? StateOptions.ForStore(store, stored, typed, engine, result, change) : typed;

    private static SyndicationEngine OpenState(string directory, SyndicationOptions options, ILoggerFactory loggers, long checkpointBytes)
    {
        try
        {
            return SyndicationEngine.Open(directory, options, loggers.CreateLogger<SyndicationEngine>(), checkpointBytes: checkpointBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Storage.StateException(directory, "cannot open the state directory: " + e.Message, e);
        }
    }

    internal static void WriteLine(Utf8JsonWriter w, Article a, Verdict v)
    {
        w.WriteStartObject();
        JsonWriters.WriteArticleHead(w, a.Id, a.Source, a.Url, a.Published);
        w.WriteString("title", a.Title);
        w.WriteString("body", a.Body);
        w.WriteStartObject("syndicate");
        w.WriteString("verdict", v.IsNew ? "new" : ArticleResult.RelationName(v.Relation));
        w.WriteNumber("cluster", v.ClusterId);
        w.WriteString("canonical", v.CanonicalId);
        w.WriteNumber("similarity", Math.Round(v.Similarity, 4));
        w.WriteString("matched", v.MatchedId);
        w.WriteString("wire", v.Wire?.Name);
        w.WriteBoolean("canonicalChanged", v.CanonicalChanged);
        w.WriteBoolean("inserted", v.Inserted);
        if (v.CarriedClusterIds.Count > 0)
        {
            w.WriteStartArray("carries");
            foreach (long id in v.CarriedClusterIds)
            {
                w.WriteNumberValue(id);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }
}

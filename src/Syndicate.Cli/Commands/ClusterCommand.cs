using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Syndicate.Cli.Input;
using Syndicate.Cli.Output;
using Syndicate.Clustering;

namespace Syndicate.Cli.Commands;

/// <summary><c>syndicate cluster INPUT...</c>: clusters a corpus and reports the stories.</summary>
internal static class ClusterCommand
{
    /// <summary>
    /// Columns of the table when it goes to a file or a pipe: room for every column without wrapping a title, unless
    /// <c>COLUMNS</c> says how wide the reader's screen is.
    /// </summary>
    private static int PlainTableWidth =>
        int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out int columns) && columns is >= 20 and <= 1000 ? columns : 160;

    public static Command Create()
    {
        var common = new CommonOptions();
        var engine = new EngineOptions();
        var format = new Option<string?>("--format", "-f")
        {
            Description = "table (default on a terminal), json (full report), jsonl (one line per input article; the default when piped), csv, html.",
        };
        format.AcceptOnlyFromAmong("table", "json", "jsonl", "csv", "html");
        var output = new Option<string?>("--out", "-o") { Description = "Write the report to this file instead of stdout." };
        var top = new Option<int?>("--top") { Description = "Stories listed, biggest first: 25 by default in the table; every story in the html report unless given." };
        var store = new StoreOption(fallsBackToVariable: false);
        var changeOptions = new Option<bool>("--change-options") { Description = "With --store: let the engine options given on this command line replace those the store holds (thresholds, window), from this run on. Without it, a value that differs from the stored one is an error." };

        var command = new Command("cluster", "Cluster a corpus into stories: which articles are copies of one another, the canonical copy, the wire and the outlets that carried it. With no input, clusters stdin, or at a terminal the bundled sample corpus.");
        common.AddTo(command);
        engine.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(top);
        store.AddTo(command);
        command.Options.Add(changeOptions);
        command.SetAction(result => CliRunner.Guard(() =>
        {
            SyndicationOptions options = engine.Build(result);
            StoreConnection? shared = store.Resolve(result, state: null);
            if (shared is null && result.GetValue(changeOptions))
            {
                throw new UsageException("--change-options changes the options a store holds: it needs --store.");
            }

            if (result.GetValue(top) < 0)
            {
                throw new UsageException($"--top must not be negative, got {result.GetValue(top)}.");
            }

            string? outPath = result.GetValue(output);
            string fmt = result.GetValue(format) ?? (outPath is null && !Console.IsOutputRedirected ? "table" : "jsonl");
            using ILoggerFactory loggers = common.Loggers(result);
            InputSet inputs = InputSet.Resolve(result.GetValue(common.Inputs));
            int read;
            RunReport report;
            if (shared is not null)
            {
                options = DedupCommand.Reconcile(shared, options, engine, result, result.GetValue(changeOptions));
                report = ClusterIntoStore(shared, options, inputs, common.Format(result), common.ErrorMode(result), loggers, common.Quiet(result), out read);
            }
            else
            {
                report = CliRunner.Cluster(inputs, options, common.Format(result), common.ErrorMode(result), loggers, keepTexts: fmt == "html", quiet: common.Quiet(result));
                read = report.Statistics.Articles;
            }

            if (read == 0 && report.Statistics.Errors > 0)
            {
                // Every input failed (a mistyped path, say): an empty report would look like success.
                inputs.ReportIncomplete();
                CliRunner.Error("no article could be read from the inputs.");
                return ExitCodes.InputError;
            }

            if (read == 0)
            {
                inputs.NoteIfStdinWasEmpty();
            }

            WriteReport(report, fmt, outPath, result.GetValue(top));
            return inputs.ReportIncomplete() ? ExitCodes.InputError : ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>
    /// Adds every input article to the store, one committed transaction each and in input order, then reads the store's
    /// whole clustering: the stories of this input together with everything other runs and workers added.
    /// </summary>
    private static RunReport ClusterIntoStore(StoreConnection store, SyndicationOptions options, InputSet inputs, InputFormat format, ErrorMode mode, ILoggerFactory loggers, bool quiet, out int read)
    {
        var stopwatch = Stopwatch.StartNew();
        int errors = 0;
        var reader = inputs.CreateReader(format, mode, e =>
        {
            errors++;
            CliRunner.Error(e.ToString());
        });
        using PostgreSql.PostgreSqlSyndicationEngine engine = store.Open(options, loggers.CreateLogger("syndicate.store"));
        int added = 0;
        bool progress = !quiet && !Console.IsErrorRedirected;
        long nextProgress = Environment.TickCount64 + 1000;
        foreach (InputRecord record in reader.Read())
        {
            Verdict verdict = store.Run(() => engine.AddAsync(record.Article).GetAwaiter().GetResult());
            if (verdict.IdReused && reader.RetryHeldForAnotherArticle(record, id => store.Run(() => engine.GetClusterOfAsync(id).GetAwaiter().GetResult())) is { } again)
            {
                // Another outlet's feed item under the same feed id: kept under its source's name.
                verdict = store.Run(() => engine.AddAsync(again.Article).GetAwaiter().GetResult());
            }

            if (verdict.IdReused)
            {
                // Not the article the store holds under that id: an error, as in dedup.
                reader.ReportHeldForAnotherArticle(record);
                continue;
            }

            added++;
            if (progress && Environment.TickCount64 >= nextProgress)
            {
                nextProgress = Environment.TickCount64 + 1000;
                Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\rcluster: {added:N0} articles added to {store.Display}"));
            }
        }

        if (progress && added > 0)
        {
            Console.Error.Write("\r\u001b[K");
        }

        read = added;
        IReadOnlyList<Cluster> clusters = store.Run(() => engine.GetClustersAsync().GetAwaiter().GetResult());
        EngineStatistics statistics = store.Run(() => engine.GetStatisticsAsync().GetAwaiter().GetResult());
        return StoredClustering.ToReport(clusters, engine.Options, [store.Display], statistics.BytesPerArticle, stopwatch.Elapsed.TotalSeconds, errors: errors);
    }

    internal static void WriteReport(RunReport report, string format, string? outPath, int? top)
    {
        // The styled table only on a terminal; piped or written to a file it is plain text, wide enough not to wrap.
        if (format == "table" && outPath is null && !Console.IsOutputRedirected)
        {
            TableWriter.Write(AnsiConsole.Console, report, top ?? TableWriter.DefaultTop);
            return;
        }

        CliRunner.WriteOutput(outPath, stream =>
        {
            switch (format)
            {
                case "json":
                    JsonWriters.WriteReport(stream, report);
                    break;
                case "jsonl":
                    JsonWriters.WriteJsonl(stream, report.Articles);
                    break;
                case "csv":
                    using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
                    {
                        CsvWriter.Write(writer, report.Articles);
                    }

                    break;
                case "html":
                    using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
                    {
                        HtmlReportWriter.Write(writer, report, top);
                    }

                    break;
                default:
                    using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
                    {
                        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
                        console.Profile.Width = PlainTableWidth;
                        TableWriter.Write(console, report, top ?? TableWriter.DefaultTop);
                    }

                    break;
            }
        });
    }
}

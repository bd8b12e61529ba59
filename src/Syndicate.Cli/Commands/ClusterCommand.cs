using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Syndicate.Cli.Input;
using Syndicate.Cli.Output;

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

        var command = new Command("cluster", "Cluster a corpus into stories: which articles are copies of one another, the canonical copy, the wire and the outlets that carried it. With no input, clusters stdin, or at a terminal the bundled sample corpus.");
        common.AddTo(command);
        engine.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(top);
        command.SetAction(result => CliRunner.Guard(() =>
        {
            SyndicationOptions options = engine.Build(result);
            if (result.GetValue(top) < 0)
            {
                throw new UsageException($"--top must not be negative, got {result.GetValue(top)}.");
            }

            string? outPath = result.GetValue(output);
            string fmt = result.GetValue(format) ?? (outPath is null && !Console.IsOutputRedirected ? "table" : "jsonl");
            using ILoggerFactory loggers = common.Loggers(result);
            InputSet inputs = InputSet.Resolve(result.GetValue(common.Inputs));
            RunReport report = CliRunner.Cluster(inputs, options, common.Format(result), common.ErrorMode(result), loggers, keepTexts: fmt == "html", quiet: common.Quiet(result));
            if (report.Statistics.Articles == 0 && report.Statistics.Errors > 0)
            {
                // Every input failed (a mistyped path, say): an empty report would look like success.
                inputs.ReportIncomplete();
                CliRunner.Error("no article could be read from the inputs.");
                return ExitCodes.InputError;
            }

            if (report.Statistics.Articles == 0)
            {
                inputs.NoteIfStdinWasEmpty();
            }

            WriteReport(report, fmt, outPath, result.GetValue(top));
            return inputs.ReportIncomplete() ? ExitCodes.InputError : ExitCodes.Ok;
        }));
        return command;
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

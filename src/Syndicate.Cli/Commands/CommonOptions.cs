using System.CommandLine;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Syndicate.Cli.Input;
using Syndicate.Cli.Output;

namespace Syndicate.Cli.Commands;

/// <summary>Input, error-handling and logging options shared by the commands that read articles.</summary>
internal sealed class CommonOptions
{
    public Argument<string[]> Inputs { get; } = new("inputs")
    {
        Description = "JSONL (.jsonl, .jsonl.gz), JSON arrays, RSS/Atom files, CSV or TSV files with a header row, .txt files (one article each), directories of any of these (other files in them are reported and skipped), or - for stdin. With none: stdin, or at a terminal the bundled sample.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string> InputFormat { get; } = new("--input-format")
    {
        Description = "Input format, instead of the one the name and the first bytes tell.",
        DefaultValueFactory = _ => "auto",
    };

    public Option<string> OnError { get; } = new("--on-error")
    {
        Description = "What a bad record does: skip it (reported on stderr) or fail the run (exit 1).",
        DefaultValueFactory = _ => "skip",
    };

    public Option<string> Verbosity { get; } = new("--verbosity", "-v")
    {
        Description = "Log detail on stderr.",
        DefaultValueFactory = _ => "normal",
    };

    public CommonOptions()
    {
        InputFormat.AcceptOnlyFromAmong("auto", "jsonl", "json", "text", "rss", "atom", "csv");
        OnError.AcceptOnlyFromAmong("skip", "fail");
        Verbosity.AcceptOnlyFromAmong("quiet", "minimal", "normal", "detailed", "diagnostic");
    }

    public void AddTo(Command command, bool inputs = true)
    {
        if (inputs)
        {
            command.Arguments.Add(Inputs);
            command.Options.Add(InputFormat);
            command.Options.Add(OnError);
        }

        command.Options.Add(Verbosity);
    }

    public ErrorMode ErrorMode(ParseResult result) => result.GetValue(OnError) == "fail" ? Input.ErrorMode.Fail : Input.ErrorMode.Skip;

    public InputFormat Format(ParseResult result) => result.GetValue(InputFormat) switch
    {
        "jsonl" => Input.InputFormat.Jsonl,
        "json" => Input.InputFormat.Json,
        "text" => Input.InputFormat.Text,
        "rss" => Input.InputFormat.Rss,
        "atom" => Input.InputFormat.Atom,
        "csv" => Input.InputFormat.Csv,
        _ => Input.InputFormat.Auto,
    };

    public ILoggerFactory Loggers(ParseResult result)
    {
        LogLevel level = result.GetValue(Verbosity) switch
        {
            "quiet" => LogLevel.Error,
            "minimal" => LogLevel.Warning,
            "detailed" => LogLevel.Debug,
            "diagnostic" => LogLevel.Trace,
            _ => LogLevel.Information,
        };
        return StderrLoggerProvider.CreateFactory(level);
    }

    public bool Quiet(ParseResult result) => result.GetValue(Verbosity) is "quiet" or "minimal";

    /// <summary>A console on stderr, for progress and error messages, so stdout stays clean for data.</summary>
    public static IAnsiConsole Stderr { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
    });
}

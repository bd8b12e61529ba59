using System.Globalization;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Syndicate.Cli.Input;
using Syndicate.Cli.Output;

namespace Syndicate.Cli.Commands;

/// <summary>What every command shares: error reporting with exit codes, reading with progress, writing output.</summary>
internal static class CliRunner
{
    /// <summary>Runs a command body, turning expected failures into one clear line on stderr and a documented exit code.</summary>
    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (UsageException e)
        {
            Error(e.Message);
            return ExitCodes.UsageError;
        }
        catch (InputException e)
        {
            Error(e.Error.ToString());
            return ExitCodes.InputError;
        }
        catch (Storage.StateException e)
        {
            Error(e.Message);
            return ExitCodes.StateError;
        }
        catch (StoreException e)
        {
            Error(e.Message);
            return ExitCodes.StateError;
        }
        catch (OutputException e)
        {
            Error(e.Message);
            return ExitCodes.OutputError;
        }
    }

    /// <summary>Writes one line to stderr, its control characters made harmless (a message may quote an input's text).</summary>
    public static void Error(string message) => Console.Error.WriteLine("syndicate: " + TerminalText.Neutralize(message));

    public static RunReport Cluster(InputSet inputs, SyndicationOptions options, InputFormat format, ErrorMode mode, ILoggerFactory loggers, bool keepTexts, bool quiet)
    {
        int errors = 0;
        ILogger log = loggers.CreateLogger("syndicate");
        var reader = inputs.CreateReader(format, mode, e =>
        {
            errors++;
            Error(e.ToString());
        });
        // The share of the input read lets the run reserve room for the whole of it; unknown when standard input is read.
        long size = inputs.IsSample || inputs.Paths.Contains("-") ? 0 : inputs.TotalBytes;
        Func<double>? readShare = size > 0 ? () => (double)reader.BytesRead / size : null;
        if (quiet || Console.IsErrorRedirected)
        {
            return ClusterRun.Execute(reader.Read(), options, inputs.Names, () => errors, loggers, keepTexts, readShare: readShare);
        }

        RunReport? report = null;
        long total = Math.Max(1, size);
        CommonOptions.Stderr.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask("clustering", maxValue: total);
                report = ClusterRun.Execute(reader.Read(), options, inputs.Names, () => errors, loggers, keepTexts, n =>
                {
                    task.Value = Math.Min(total, reader.BytesRead);
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"clustering: {n:N0} articles");
                }, readShare);
                task.Value = total;
            });
        return report!;
    }

    /// <summary>Writes to <paramref name="path"/>, or to stdout when it is null or <c>-</c>; see <see cref="OutputTarget"/>.</summary>
    public static void WriteOutput(string? path, Action<Stream> write) => OutputTarget.Write(path, write);
}

/// <summary>The output could not be written.</summary>
internal sealed class OutputException(string message) : Exception(message);

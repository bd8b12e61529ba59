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
        catch (OutputException e)
        {
            Error(e.Message);
            return ExitCodes.OutputError;
        }
    }

    public static void Error(string message) => Console.Error.WriteLine("syndicate: " + message);

    public static RunReport Cluster(InputSet inputs, SyndicationOptions options, InputFormat format, ErrorMode mode, ILoggerFactory loggers, bool keepTexts, bool quiet)
    {
        int errors = 0;
        ILogger log = loggers.CreateLogger("syndicate");
        var reader = inputs.CreateReader(format, mode, e =>
        {
            errors++;
            Console.Error.WriteLine("syndicate: " + e);
        });
        if (quiet || Console.IsErrorRedirected)
        {
            return ClusterRun.Execute(reader.Read(), options, inputs.Names, () => errors, loggers, keepTexts);
        }

        RunReport? report = null;
        long total = Math.Max(1, inputs.TotalBytes);
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
                });
                task.Value = total;
            });
        return report!;
    }

    /// <summary>Writes to a file (through a temporary file renamed into place, so a failed run leaves no half report) or to stdout.</summary>
    public static void WriteOutput(string? path, Action<Stream> write)
    {
        if (path is null)
        {
            using Stream stdout = Console.OpenStandardOutput();
            using var buffered = new BufferedStream(stdout, 1 << 16);
            write(buffered);
            return;
        }

        string full = Path.GetFullPath(path);
        string temp = full + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        try
        {
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(file);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new OutputException($"cannot write {path}: {e.Message}");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>The output could not be written.</summary>
internal sealed class OutputException(string message) : Exception(message);

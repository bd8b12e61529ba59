using Microsoft.Extensions.Logging;

namespace Syndicate.Cli.Output;

/// <summary>
/// The CLI's log sink: one line per entry on stderr (<c>info: message</c>, control characters neutralised), above a minimum level. It takes no
/// dependency-injection container, so a run starts without building one.
/// </summary>
internal sealed class StderrLoggerProvider(LogLevel minimum, TextWriter? writer = null) : ILoggerProvider
{
    private readonly LogLevel _minimum = minimum;
    private readonly TextWriter _writer = writer ?? Console.Error;

    /// <summary>A factory whose loggers all write through one provider at <paramref name="minimum"/> and above.</summary>
    public static ILoggerFactory CreateFactory(LogLevel minimum, TextWriter? writer = null) =>
        new LoggerFactory([new StderrLoggerProvider(minimum, writer)], new LoggerFilterOptions { MinLevel = minimum });

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() => _writer.Flush();

    private static string Label(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };

    private sealed class Logger(StderrLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            string message = formatter(state, exception);
            if (exception is not null)
            {
                message = $"{message} ({exception.Message})";
            }

            lock (provider._writer)
            {
                provider._writer.WriteLine($"{Label(logLevel)}: {TerminalText.Neutralize(message.ReplaceLineEndings(" "))}");
            }
        }
    }
}

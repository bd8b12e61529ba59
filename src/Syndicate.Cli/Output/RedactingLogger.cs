using Microsoft.Extensions.Logging;

namespace Syndicate.Cli.Output;

/// <summary>A logger that passes every message, its exception's message included, through a filter (one that hides a password).</summary>
internal sealed class RedactingLogger(ILogger inner, Func<string, string> redact) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        // The exception's message is folded into the filtered text: a sink would print it as it is.
        string message = formatter(state, exception);
        if (exception is not null)
        {
            message = $"{message} ({exception.Message})";
        }

        inner.Log(logLevel, eventId, redact(message), null, static (text, _) => text);
    }
}

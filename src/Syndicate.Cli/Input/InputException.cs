namespace Syndicate.Cli.Input;

/// <summary>Thrown by <see cref="ArticleReader"/> in <see cref="ErrorMode.Fail"/> at the first unreadable record or input.</summary>
internal sealed class InputException : Exception
{
    /// <summary>Creates the exception for an error.</summary>
    public InputException(InputError error)
        : base(error?.ToString())
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>The error that stopped reading.</summary>
    public InputError Error { get; }
}

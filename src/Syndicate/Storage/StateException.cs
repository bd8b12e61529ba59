namespace Syndicate.Storage;

/// <summary>
/// Persisted state could not be opened or written: a file is truncated, corrupt, of a foreign format or version, or was
/// written with fingerprint options other than the engine's. The message names the file and what is wrong; nothing
/// was partially loaded.
/// </summary>
public sealed class StateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StateException(string path, string message, Exception? inner = null)
        : base($"{path}: {message}", inner)
    {
        Path = path;
    }

    /// <summary>The file at fault.</summary>
    public string Path { get; }
}

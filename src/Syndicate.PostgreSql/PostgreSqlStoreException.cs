namespace Syndicate.PostgreSql;

/// <summary>
/// A PostgreSQL store cannot be used as asked: its schema is newer than this code, its stored options conflict with
/// the ones given, or the server stayed unreachable. The message is written for the person running the program.
/// </summary>
public sealed class PostgreSqlStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PostgreSqlStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public PostgreSqlStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

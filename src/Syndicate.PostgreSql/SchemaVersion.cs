namespace Syndicate.PostgreSql;

/// <summary>The versions of the database schema this package knows.</summary>
internal static class SchemaVersion
{
    /// <summary>The schema this code creates and reads.</summary>
    public const int Current = 1;
}

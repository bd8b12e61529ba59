namespace Syndicate.Tests.PostgreSql;

/// <summary>
/// A fact that needs a real PostgreSQL server: Debian's binaries, from which <see cref="PostgreSqlServer"/> starts a
/// throwaway one, or an existing server named by <c>SYNDICATE_TEST_POSTGRES</c>. Without either the test is reported
/// as skipped, never passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (PostgreSqlInstallation.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }

    /// <summary>
    /// The test stops, starts or restarts the server, which it can do only to the throwaway server it started itself,
    /// never to one named by <c>SYNDICATE_TEST_POSTGRES</c>.
    /// </summary>
    public bool RestartsServer
    {
        get;
        init
        {
            field = value;
            if (value && Skip is null && PostgreSqlInstallation.ExternalConnectionString is not null)
            {
                Skip = "restarts the server, which it does only to a throwaway server of its own, not to the one SYNDICATE_TEST_POSTGRES names";
            }
        }
    }
}

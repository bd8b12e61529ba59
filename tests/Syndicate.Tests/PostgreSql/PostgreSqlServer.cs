using System.Globalization;
using Npgsql;

namespace Syndicate.Tests.PostgreSql;

/// <summary>The tests that need a PostgreSQL server share one, and run one at a time (one may restart it).</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSQL";
}

/// <summary>
/// The real PostgreSQL server of the tests: a throwaway <see cref="ThrowawayServer"/> started for the test run and
/// deleted at its end, or the existing server that <c>SYNDICATE_TEST_POSTGRES</c> names. Each test asks for a fresh
/// database of its own.
/// </summary>
/// <remarks>
/// Where neither is available nothing is started; every test that needs the server is marked with
/// <see cref="PostgreSqlFactAttribute"/>, which reports it as skipped.
/// </remarks>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    private static int s_databases;

    private readonly List<string> _created = [];
    private ThrowawayServer? _throwaway;
    private string? _baseConnectionString;

    /// <summary>Whether the tests started this server themselves, and so may stop and restart it.</summary>
    public bool IsThrowaway => _throwaway is not null;

    /// <summary>The server's log so far, when the tests started it; empty for an external server.</summary>
    public string Log => _throwaway?.Log() ?? "";

    public async Task InitializeAsync()
    {
        if (PostgreSqlInstallation.Unavailable is not null)
        {
            return;
        }

        if (PostgreSqlInstallation.ExternalConnectionString is { } external)
        {
            _baseConnectionString = external;
        }
        else
        {
            _throwaway = await ThrowawayServer.StartNewAsync().ConfigureAwait(false);
            _baseConnectionString = _throwaway.ConnectionString();
        }
    }

    /// <summary>The connection string to <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(BaseConnectionString) { Database = database }.ConnectionString;

    /// <summary>Creates an empty database that no other test uses and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        // Unique across test processes sharing an external server: the process id, then a counter.
        string name = string.Create(CultureInfo.InvariantCulture,
            $"syndicate_test_{Environment.ProcessId}_{Interlocked.Increment(ref s_databases)}_{Random.Shared.Next(1 << 20):x5}");
        await ExecuteAsync($"CREATE DATABASE {name}").ConfigureAwait(false);
        lock (_created)
        {
            _created.Add(name);
        }

        return ConnectionString(name);
    }

    /// <summary>Runs one statement in the server's <c>postgres</c> database, outside any pool.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>Stops the server (see <see cref="ThrowawayServer.StopAsync"/>); only for a throwaway server.</summary>
    public Task StopAsync(bool immediate = false) => Throwaway.StopAsync(immediate);

    public Task StartAsync() => Throwaway.StartAsync();

    /// <summary>Stops the server and starts it again on the same port with the same data.</summary>
    public async Task RestartAsync(bool immediate = false)
    {
        await Throwaway.StopAsync(immediate).ConfigureAwait(false);
        await Throwaway.StartAsync().ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        if (_throwaway is not null)
        {
            // The whole server goes, its databases with it.
            await _throwaway.DisposeAsync().ConfigureAwait(false);
            return;
        }

        if (_baseConnectionString is null)
        {
            return;
        }

        foreach (string name in _created)
        {
            try
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)").ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // Left for whoever owns the server; the name says where it came from.
            }
        }
    }

    private string BaseConnectionString =>
        _baseConnectionString ?? throw new InvalidOperationException(PostgreSqlInstallation.Unavailable ?? "the PostgreSQL server is not started");

    /// <summary>The database the base connection string names (an external server's may be all its user can enter), else <c>postgres</c>.</summary>
    private string AdminConnectionString
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(BaseConnectionString) { Pooling = false };
            builder.Database ??= "postgres";
            return builder.ConnectionString;
        }
    }

    private ThrowawayServer Throwaway =>
        _throwaway ?? throw new InvalidOperationException("only a server the tests started themselves can be stopped or restarted; mark the test [PostgreSqlFact(RestartsServer = true)]");
}

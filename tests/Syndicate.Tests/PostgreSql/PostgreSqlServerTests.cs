using Npgsql;

namespace Syndicate.Tests.PostgreSql;

/// <summary>The test server itself: it answers, hands out separate databases, and keeps committed data across a restart.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlServerTests(PostgreSqlServer server)
{
    [PostgreSqlFact]
    public async Task Connects_over_tcp_as_the_postgres_superuser()
    {
        string connectionString = await server.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        Assert.True(await ScalarAsync<bool>(connection, "SELECT current_setting('is_superuser') = 'on'"));
        Assert.Equal(new NpgsqlConnectionStringBuilder(connectionString).Database, await ScalarAsync<string>(connection, "SELECT current_database()"));
        Assert.True(await ScalarAsync<int>(connection, "SELECT current_setting('server_version_num')::int") >= 130000, "the tests need PostgreSQL 13 or newer");
        if (server.IsThrowaway)
        {
            Assert.Equal("127.0.0.1", await ScalarAsync<string>(connection, "SELECT current_setting('listen_addresses')"));
            Assert.Equal("127.0.0.1/32", await ScalarAsync<string>(connection, "SELECT host(inet_client_addr()) || '/32'"));
        }
    }

    [PostgreSqlFact]
    public async Task Each_database_is_fresh_and_separate()
    {
        string first = await server.CreateDatabaseAsync();
        string second = await server.CreateDatabaseAsync();
        Assert.NotEqual(new NpgsqlConnectionStringBuilder(first).Database, new NpgsqlConnectionStringBuilder(second).Database);

        await using (var connection = new NpgsqlConnection(first))
        {
            await connection.OpenAsync();
            Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
            await ExecuteAsync(connection, "CREATE TABLE story (id int PRIMARY KEY); INSERT INTO story VALUES (1)");
        }

        await using (var connection = new NpgsqlConnection(second))
        {
            await connection.OpenAsync();
            Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
            await ExecuteAsync(connection, "CREATE TABLE story (id int PRIMARY KEY)");
            Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT count(*) FROM story"));
        }
    }

    [PostgreSqlFact(RestartsServer = true)]
    public async Task A_restart_keeps_committed_data_and_drops_what_was_not()
    {
        string connectionString = await server.CreateDatabaseAsync();
        var pooled = new NpgsqlConnection(connectionString);
        await pooled.OpenAsync();
        await ExecuteAsync(pooled, "CREATE TABLE story (id int PRIMARY KEY); INSERT INTO story VALUES (1), (2)");
        // Open and never committed when the server goes down.
        await using var uncommitted = await pooled.BeginTransactionAsync();
        await ExecuteAsync(pooled, "INSERT INTO story VALUES (3)");

        // Immediate: no clean shutdown, the next start replays the write-ahead log as after a crash.
        await server.RestartAsync(immediate: true);

        // The pooled connection died with the server.
        await Assert.ThrowsAnyAsync<Exception>(() => ScalarAsync<long>(pooled, "SELECT count(*) FROM story"));
        await pooled.DisposeAsync();
        NpgsqlConnection.ClearAllPools();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        Assert.Equal(3L, await ScalarAsync<long>(connection, "SELECT sum(id) FROM story"));

        await server.RestartAsync(immediate: false);
        NpgsqlConnection.ClearAllPools();
        await using var again = new NpgsqlConnection(connectionString);
        await again.OpenAsync();
        Assert.Equal(2L, await ScalarAsync<long>(again, "SELECT count(*) FROM story"));
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

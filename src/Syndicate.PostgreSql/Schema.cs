using Npgsql;
using Syndicate.Storage;

namespace Syndicate.PostgreSql;

/// <summary>Creates, checks and migrates the store's schema, and keeps its options.</summary>
internal static class Schema
{
    private const string OptionsName = "options";

    /// <summary>
    /// Creates the schema in an empty database, or checks the version of an existing one, under an advisory lock so
    /// that workers opening at once do not race.
    /// </summary>
    public static async Task EnsureAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string server, CancellationToken ct)
    {
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<long>("key", SchemaVersion.MigrationLock));
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        int? version = await VersionAsync(connection, transaction, server, ct).ConfigureAwait(false);
        if (version is null)
        {
            await using var create = new NpgsqlCommand(SchemaVersion.CreateVersion1(), connection, transaction);
            await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            version = 1;
        }

        // An older store is migrated step by step, inside this transaction and under the lock.
        for (int step = version.Value; step < SchemaVersion.Current; step++)
        {
            await using var migrate = new NpgsqlCommand(SchemaVersion.Migration(step), connection, transaction);
            await migrate.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>The schema version, or null when the database has no store yet.</summary>
    /// <exception cref="PostgreSqlStoreException">The schema is newer than this code, or damaged.</exception>
    public static async Task<int?> VersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string server, CancellationToken ct)
    {
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('syndicate_schema') IS NOT NULL", connection, transaction))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(ct).ConfigureAwait(false))!)
            {
                return null;
            }
        }

        var versions = new List<int>();
        await using (var read = new NpgsqlCommand("SELECT version FROM syndicate_schema", connection, transaction))
        await using (NpgsqlDataReader reader = await read.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                versions.Add(reader.GetInt32(0));
            }
        }

        if (versions.Count != 1)
        {
            throw new PostgreSqlStoreException($"The store at {server} is damaged: syndicate_schema holds {versions.Count} rows, not one.");
        }

        int version = versions[0];
        if (version > SchemaVersion.Current)
        {
            throw new PostgreSqlStoreException($"The store at {server} has schema version {version}, newer than this program's {SchemaVersion.Current}; upgrade Syndicate to use it.");
        }

        if (version < 1)
        {
            throw new PostgreSqlStoreException($"The store at {server} has schema version {version}, which no Syndicate release wrote.");
        }

        // An older version is migrated by EnsureAsync, step by step (SchemaVersion.Migration).
        return version;
    }

    public static async Task<SyndicationOptions?> ReadOptionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT value FROM syndicate_meta WHERE name = @name", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("name", OptionsName));
        object? value = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
        if (value is not byte[] bytes)
        {
            return null;
        }

        try
        {
            return StateSettings.Decode(bytes);
        }
        catch (Exception e) when (e is InvalidDataException || StatePack.IsDecodeError(e))
        {
            throw new PostgreSqlStoreException("The store's options row does not decode: " + e.Message, e);
        }
    }

    public static async Task WriteOptionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, SyndicationOptions options, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("INSERT INTO syndicate_meta (name, value) VALUES (@name, @value) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("name", OptionsName));
        command.Parameters.Add(new NpgsqlParameter<byte[]>("value", StateSettings.Encode(options)));
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}

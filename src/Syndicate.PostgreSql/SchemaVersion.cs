namespace Syndicate.PostgreSql;

/// <summary>The database schema: its version and the statements that create it.</summary>
/// <remarks>
/// <para>
/// <c>syndicate_schema</c> holds one row, the version. A store opened by code that knows an older version is migrated
/// step by step inside one transaction; a store of a newer version than the code is refused, because older code could
/// not keep rows it does not know consistent.
/// </para>
/// <para>
/// Band and lead postings are hash-partitioned by key (<see cref="Partitions"/> partitions): a query reads the
/// partitions of its keys only, and a large deployment can move partitions elsewhere with PostgreSQL's own means
/// (foreign tables through postgres_fdw, or an extension such as Citus distributing the table by its key).
/// </para>
/// </remarks>
internal static class SchemaVersion
{
    /// <summary>The schema this code creates and reads.</summary>
    /// <remarks>
    /// Version 2 adds <c>syndicate_clusters.carriers</c>: the articles of other stories that carry the story. Version 3
    /// adds <c>syndicate_articles.arrival_carries</c>: the stories an article carried when it arrived, for the verdict
    /// read back. Version 4 adds <c>syndicate_articles.fingerprint_revision</c>: the text pipeline revision that
    /// fingerprinted the article (null for articles written before, whose revision was not recorded).
    /// </remarks>
    public const int Current = 4;

    /// <summary>Hash partitions of each postings table.</summary>
    public const int Partitions = 16;

    /// <summary>An advisory lock key that serializes schema creation and migration across workers opening at once.</summary>
    public const long MigrationLock = 0x5359_4E44_4943_4154;

    /// <summary>The statements that take a store of <paramref name="version"/> to the next version.</summary>
    public static string Migration(int version) => version switch
    {
        1 => "ALTER TABLE syndicate_clusters ADD COLUMN carriers bytea;\nUPDATE syndicate_schema SET version = 2;\n",
        2 => "ALTER TABLE syndicate_articles ADD COLUMN arrival_carries bigint[];\nUPDATE syndicate_schema SET version = 3;\n",
        3 => "ALTER TABLE syndicate_articles ADD COLUMN fingerprint_revision smallint;\nUPDATE syndicate_schema SET version = 4;\n",
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "no migration from this version"),
    };

    /// <summary>The statements that take an empty database to version 1; <see cref="Migration"/> takes it on.</summary>
    public static string CreateVersion1()
    {
        var sql = new System.Text.StringBuilder("""
            CREATE TABLE syndicate_schema (version integer NOT NULL);
            CREATE TABLE syndicate_meta (name text PRIMARY KEY, value bytea NOT NULL);
            CREATE SEQUENCE syndicate_article_seq AS bigint;
            CREATE SEQUENCE syndicate_cluster_seq AS bigint;
            CREATE TABLE syndicate_articles (
                seq bigint PRIMARY KEY,
                id text NOT NULL UNIQUE,
                source text NOT NULL,
                url text,
                published_ticks bigint,
                published_offset smallint,
                ts bigint NOT NULL,
                text_hash bigint NOT NULL,
                content_hash bigint NOT NULL,
                shingle_count integer NOT NULL,
                signature bytea NOT NULL,
                lead bytea NOT NULL,
                evidence bytea NOT NULL,
                cluster_id bigint NOT NULL,
                wire text,
                dateline_outlet text,
                flags smallint NOT NULL,
                join_relation smallint NOT NULL,
                join_similarity double precision NOT NULL,
                matched_id text,
                arrival_cluster bigint NOT NULL,
                arrival_canonical text,
                arrival_wire text);
            CREATE INDEX syndicate_articles_cluster ON syndicate_articles (cluster_id);
            CREATE INDEX syndicate_articles_content ON syndicate_articles (content_hash);
            CREATE INDEX syndicate_articles_ts ON syndicate_articles (ts);
            CREATE TABLE syndicate_clusters (
                id bigint PRIMARY KEY,
                canonical_seq bigint NOT NULL,
                size integer NOT NULL,
                wire text,
                outlets text[] NOT NULL,
                canonical_title text,
                canonical_text text,
                canonical_original_text text);
            CREATE TABLE syndicate_boilerplate (
                key bigint PRIMARY KEY,
                stories integer NOT NULL,
                last_cluster bigint NOT NULL,
                last_seen bigint NOT NULL);
            CREATE INDEX syndicate_boilerplate_seen ON syndicate_boilerplate (last_seen);
            """);
        foreach (string table in (string[])["syndicate_band_postings", "syndicate_lead_postings"])
        {
            sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"CREATE TABLE {table} (key bigint NOT NULL, seq bigint NOT NULL, PRIMARY KEY (key, seq)) PARTITION BY HASH (key);\n");
            for (int p = 0; p < Partitions; p++)
            {
                sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"CREATE TABLE {table}_{p:D2} PARTITION OF {table} FOR VALUES WITH (MODULUS {Partitions}, REMAINDER {p});\n");
            }
        }

        sql.Append("INSERT INTO syndicate_schema (version) VALUES (1);\n");
        return sql.ToString();
    }
}

using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using Syndicate.Cleaning;
using Syndicate.Clustering;
using Syndicate.Fingerprinting;
using Syndicate.Index;
using Syndicate.Internal;
using Syndicate.Storage;

namespace Syndicate.PostgreSql;

/// <summary>
/// A syndication engine whose state lives in PostgreSQL, shared by every process that opens the same database: several
/// workers on several machines add articles to one index and one set of stories.
/// </summary>
/// <remarks>
/// <para>
/// Each <see cref="AddAsync"/> is one transaction. It first takes advisory locks on the article's word-band and lead
/// keys (so two copies of one story arriving at once are serialized, and the second sees the first), then locks the
/// rows of the clusters its candidates belong to, reads those clusters with all their members, decides with the same
/// clustering code as the in-memory engine, and writes the changed rows. Unrelated stories never wait for each other.
/// A verdict is returned only after the commit. Serialization failures, deadlocks and lost connections are retried
/// with backoff; a transaction whose commit was not confirmed is retried too, and finds its article already stored.
/// </para>
/// <para>
/// With one worker, the clusters are those of the in-memory <see cref="SyndicationEngine"/> on the same articles in
/// the same order (cluster ids differ: the database hands them out). Thread-safe: calls may overlap.
/// </para>
/// </remarks>
public sealed partial class PostgreSqlSyndicationEngine : IAsyncDisposable, IDisposable
{
    /// <summary>Rows read per posting key: the most the clusterer reads of one word or lead band.</summary>
    private const int BandDepth = 256;

    private static readonly TimeSpan s_retryLimit = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan s_firstBackoff = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(2);

    private readonly NpgsqlDataSource _dataSource;
    private readonly SyndicationOptions _options;
    private readonly LshParameters _lsh;
    private readonly Fingerprinter _fingerprinter;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly string _server;
    private readonly Lock _windowLock = new();
    private long _newest = long.MinValue;
    private long _lastEviction = long.MinValue;
    private int _disposed;

    private PostgreSqlSyndicationEngine(NpgsqlDataSource dataSource, SyndicationOptions options, ILogger logger, TimeProvider time, string server)
    {
        _dataSource = dataSource;
        _options = options;
        _lsh = options.ResolveLsh();
        _fingerprinter = new Fingerprinter(options);
        _logger = logger;
        _time = time;
        _server = server;
    }

    /// <summary>The settings in force: those stored in the database, with the changes <see cref="OpenAsync"/> was given.</summary>
    public SyndicationOptions Options => _options;

    /// <summary>
    /// Opens the store in the database <paramref name="connectionString"/> names, creating its tables on first use and
    /// migrating an older schema.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="options">
    /// Settings; null for those stored in the database (the defaults for a new store). Given for an existing store, they
    /// replace the stored ones, except the settings that decide fingerprints and postings (shingles, sketch, seed,
    /// MinHash kind, normalization, LSH banding), which cannot change.
    /// </param>
    /// <param name="logger">Receives retries, merges and evictions.</param>
    /// <param name="timeProvider">The clock for articles without a publication time.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <exception cref="PostgreSqlStoreException">
    /// The schema is newer than this code, the options conflict with the stored ones, or the server cannot be reached.
    /// </exception>
    public static async Task<PostgreSqlSyndicationEngine> OpenAsync(string connectionString, SyndicationOptions? options = null, ILogger? logger = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        options?.Validate();
        NpgsqlDataSource dataSource = CreateDataSource(connectionString, out string server);
        try
        {
            SyndicationOptions inForce = await WithRetryAsync(server, logger ?? NullLogger.Instance, dataSource, async ct =>
            {
                await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
                await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                await Schema.EnsureAsync(connection, transaction, server, ct).ConfigureAwait(false);
                SyndicationOptions? stored = await Schema.ReadOptionsAsync(connection, transaction, ct).ConfigureAwait(false);
                SyndicationOptions chosen = options ?? stored ?? SyndicationOptions.Default;
                if (stored is not null && options is not null)
                {
                    CheckFixed(stored, options, server);
                }

                if (StateSettings.Differ(stored, chosen))
                {
                    await Schema.WriteOptionsAsync(connection, transaction, chosen, ct).ConfigureAwait(false);
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return chosen;
            }, cancellationToken).ConfigureAwait(false);
            return new PostgreSqlSyndicationEngine(dataSource, inForce, logger ?? NullLogger.Instance, timeProvider ?? TimeProvider.System, server);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The options stored in the database, or null when it holds no store yet.</summary>
    /// <exception cref="PostgreSqlStoreException">The schema is newer than this code, or the server cannot be reached.</exception>
    public static async Task<SyndicationOptions?> ReadOptionsAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        await using NpgsqlDataSource dataSource = CreateDataSource(connectionString, out string server);
        return await WithRetryAsync(server, NullLogger.Instance, dataSource, async ct =>
        {
            await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            if (await Schema.VersionAsync(connection, transaction, server, ct).ConfigureAwait(false) is null)
            {
                return null;
            }

            return await Schema.ReadOptionsAsync(connection, transaction, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds an article and returns the verdict once it is committed. An id already stored changes nothing and gets the
    /// verdict it got when it was added (<see cref="Verdict.Inserted"/> false; <see cref="Verdict.IdReused"/> when the
    /// stored article is another one: from another source, or with another title or body), so feeding an input again
    /// after a crash is safe.
    /// </summary>
    /// <exception cref="PostgreSqlStoreException">The server stayed unreachable through the retries.</exception>
    public async Task<Verdict> AddAsync(Article article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        ThrowIfDisposed();
        Fingerprint print = _fingerprinter.Compute(article);
        long timestamp = article.Published?.UtcTicks ?? _time.GetUtcNow().UtcTicks;
        PostingKeys keys = PostingKeys.Of(_lsh, print.ShingleCount, print.Signature, print.Lead, print.Evidence);
        Verdict verdict = await WithRetryAsync(ct => AddOnceAsync(article, print, keys, timestamp, ct), cancellationToken).ConfigureAwait(false);
        if (verdict.Inserted)
        {
            await SlideWindowAsync(timestamp, cancellationToken).ConfigureAwait(false);
        }

        return verdict;
    }

    /// <summary>The verdict an article got when it was added, or null if the store holds no article with that id.</summary>
    public Task<Verdict?> GetVerdictAsync(string articleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        ThrowIfDisposed();
        return WithRetryAsync(async ct =>
        {
            await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            StoreView? view = await LoadClusterOfAsync(connection, articleId, ct).ConfigureAwait(false);
            return view is not null && view.Clusterer.TryDescribe(articleId, out Verdict? verdict) ? verdict : null;
        }, cancellationToken);
    }

    /// <summary>A snapshot of the cluster holding an article, or null if the store holds no article with that id.</summary>
    public Task<Cluster?> GetClusterOfAsync(string articleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        ThrowIfDisposed();
        return WithRetryAsync(async ct =>
        {
            await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
            (List<ArticleRow> rows, List<ClusterRow> clusters) = await ReadClustersAsync(connection, transaction,
                "= (SELECT cluster_id FROM syndicate_articles WHERE id = @id)", ("id", articleId), lockFirst: false, ct).ConfigureAwait(false);
            if (rows.Count == 0 || clusters.Count != 1)
            {
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return null;
            }

            Dictionary<long, CarrierArticle> carriers = await ReadCarriersAsync(connection, transaction, clusters, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            rows.Sort(static (x, y) => x.Sequence.CompareTo(y.Sequence));
            return (Cluster?)Snapshot(clusters[0], rows, carriers);
        }, cancellationToken);
    }

    /// <summary>Snapshots of every stored cluster with at least <paramref name="minSize"/> members, by cluster id.</summary>
    public Task<IReadOnlyList<Cluster>> GetClustersAsync(int minSize = 1, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return WithRetryAsync(async ct =>
        {
            await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            // One snapshot for both reads, so that every member read belongs to a cluster read.
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
            var clusters = new List<ClusterRow>();
            await using (var command = new NpgsqlCommand($"SELECT {ClusterRow.Columns} FROM syndicate_clusters WHERE size >= @min ORDER BY id", connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter<int>("min", minSize));
                await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    clusters.Add(ClusterRow.Read(reader));
                }
            }

            var members = new Dictionary<long, List<ArticleRow>>();
            await using (var command = new NpgsqlCommand($"SELECT {ArticleRow.QualifiedColumns} FROM syndicate_articles a JOIN syndicate_clusters c ON c.id = a.cluster_id WHERE c.size >= @min ORDER BY a.seq", connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter<int>("min", minSize));
                await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    ArticleRow row = ArticleRow.Read(reader, _options);
                    if (!members.TryGetValue(row.ClusterId, out List<ArticleRow>? list))
                    {
                        members.Add(row.ClusterId, list = []);
                    }

                    list.Add(row);
                }
            }

            Dictionary<long, CarrierArticle> carriers = await ReadCarriersAsync(connection, transaction, clusters, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            var result = new List<Cluster>(clusters.Count);
            foreach (ClusterRow cluster in clusters)
            {
                result.Add(Snapshot(cluster, members.GetValueOrDefault(cluster.Id) ?? [], carriers));
            }

            return (IReadOnlyList<Cluster>)result;
        }, cancellationToken);
    }

    /// <summary>
    /// Removes every article whose timestamp (publication time, or the clock at <see cref="AddAsync"/>) is earlier than
    /// <paramref name="cutoff"/>, and the boilerplate statistics not seen since. Returns how many articles went.
    /// Clusters are changed one batch at a time, each batch one transaction.
    /// </summary>
    public Task<int> EvictOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return EvictAsync(cutoff.UtcTicks, cancellationToken);
    }

    /// <summary>The size of the store now: articles, clusters, learned lines, the bytes of its tables on the server, and the articles fingerprinted by another text pipeline revision.</summary>
    public Task<EngineStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return WithRetryAsync(async ct =>
        {
            await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("""
                SELECT a.articles, (SELECT count(*) FROM syndicate_clusters), (SELECT count(*) FROM syndicate_boilerplate),
                       pg_total_relation_size('syndicate_articles') + pg_total_relation_size('syndicate_clusters'),
                       (SELECT coalesce(sum(pg_total_relation_size(inhrelid)), 0) FROM pg_inherits
                         WHERE inhparent IN ('syndicate_band_postings'::regclass, 'syndicate_lead_postings'::regclass))::bigint,
                       a.other_revisions
                FROM (SELECT count(*) AS articles, count(*) FILTER (WHERE fingerprint_revision IS DISTINCT FROM @revision) AS other_revisions
                      FROM syndicate_articles) a
                """, connection);
            command.Parameters.Add(new NpgsqlParameter<short>("revision", (short)Fingerprinter.Revision));
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await reader.ReadAsync(ct).ConfigureAwait(false);
            return new EngineStatistics((int)reader.GetInt64(0), (int)reader.GetInt64(1), reader.GetInt64(3), reader.GetInt64(4), (int)reader.GetInt64(2), (int)reader.GetInt64(5));
        }, cancellationToken);
    }

    /// <summary>Closes the connections; acknowledged articles are already committed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Closes the connections; acknowledged articles are already committed.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _dataSource.Dispose();
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    private static NpgsqlDataSource CreateDataSource(string connectionString, out string server)
    {
        NpgsqlSlimDataSourceBuilder builder;
        try
        {
            builder = new NpgsqlSlimDataSourceBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new PostgreSqlStoreException("The store's connection string is not valid: " + e.Message, e);
        }

        builder.EnableArrays();
        NpgsqlConnectionStringBuilder settings = builder.ConnectionStringBuilder;
        if (settings.MaxAutoPrepare == 0)
        {
            // Every insert runs the same few statements: prepared, they skip parsing and planning (half the read time).
            settings.MaxAutoPrepare = 32;
            settings.AutoPrepareMinUsages = 2;
        }

        server = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{settings.Host ?? "localhost"}:{settings.Port}/{settings.Database ?? settings.Username ?? "postgres"}");
        return builder.Build();
    }

    private static void CheckFixed(SyndicationOptions stored, SyndicationOptions given, string server)
    {
        void Same<T>(string name, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
            {
                throw new PostgreSqlStoreException($"The store at {server} was created with {name} {a}; {b} was given. It decides the stored fingerprints and postings and cannot change for an existing store.");
            }
        }

        Same("shingle size", stored.ShingleSize, given.ShingleSize);
        Same("shingle kind", stored.ShingleKind, given.ShingleKind);
        Same("sketch size", stored.SignatureLength, given.SignatureLength);
        Same("seed", stored.Seed, given.Seed);
        Same("classic MinHash", stored.UseClassicMinHash, given.UseClassicMinHash);
        Same("teh marbuta folding", stored.Normalization.FoldTehMarbuta, given.Normalization.FoldTehMarbuta);
        Same("hamza folding", stored.Normalization.FoldHamzaCarriers, given.Normalization.FoldHamzaCarriers);
        Same("alef maqsura folding", stored.Normalization.FoldAlefMaqsura, given.Normalization.FoldAlefMaqsura);
        LshParameters a = stored.ResolveLsh(), b = given.ResolveLsh();
        Same("LSH banding", $"{a.Bands}x{a.Rows}", $"{b.Bands}x{b.Rows}");
    }

    private async Task<Verdict> AddOnceAsync(Article article, Fingerprint print, PostingKeys keys, long timestamp, CancellationToken ct)
    {
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        BoilerplateLearner probe = new(_options.BoilerplateMinStories, _options.Seed);
        ulong sourceKey = probe.SourceKey(article.Source);
        long[] lineKeys = new long[print.LineHashes.Length];
        for (int i = 0; i < lineKeys.Length; i++)
        {
            lineKeys[i] = (long)BoilerplateLearner.Key(sourceKey, print.LineHashes[i]);
        }

        Array.Sort(lineKeys);
        lineKeys = [.. lineKeys.Distinct()];

        var held = new List<long>();
        var candidates = new Dictionary<long, long>();
        var lines = new List<(ulong Key, BoilerplateLearner.LineStat Stat)>();
        long sequence = 0, clusterId = 0;
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(Command("SELECT count(pg_advisory_xact_lock(k)) FROM unnest(@locks) AS k", ("locks", keys.Locks(print.ContentHash))));
            batch.BatchCommands.Add(Command("SELECT seq FROM syndicate_articles WHERE id = @id", ("id", article.Id)));
            batch.BatchCommands.Add(Command(CandidatesSql, ("words", keys.Words), ("leads", keys.Leads), ("characters", keys.Characters), ("content", (long)print.ContentHash)));
            batch.BatchCommands.Add(Command("SELECT key, stories, last_cluster, last_seen FROM syndicate_boilerplate WHERE key = ANY(@keys)", ("keys", lineKeys)));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT nextval('syndicate_article_seq'), nextval('syndicate_cluster_seq')"));
            await using NpgsqlDataReader reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await reader.NextResultAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                held.Add(reader.GetInt64(0));
            }

            await reader.NextResultAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                candidates[reader.GetInt64(0)] = reader.GetInt64(1);
            }

            await reader.NextResultAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                lines.Add(((ulong)reader.GetInt64(0), new BoilerplateLearner.LineStat { Stories = reader.GetInt32(1), LastCluster = reader.GetInt64(2), LastSeen = reader.GetInt64(3) }));
            }

            await reader.NextResultAsync(ct).ConfigureAwait(false);
            await reader.ReadAsync(ct).ConfigureAwait(false);
            sequence = reader.GetInt64(0);
            clusterId = reader.GetInt64(1);
        }

        if (held.Count > 0)
        {
            await transaction.RollbackAsync(ct).ConfigureAwait(false);
            StoreView? heldView = await LoadClusterOfAsync(connection, article.Id, ct).ConfigureAwait(false);
            if (heldView is null || !heldView.Clusterer.TryDescribe(article.Id, out Verdict? existing))
            {
                throw new StoreConflictException($"article {article.Id} moved while it was read");
            }

            return heldView.Clusterer.HeldForAnotherArticle(article) ? existing.AsIdReused() : existing;
        }

        // Lock the candidates' clusters (in id order, so that two inserts never wait for each other in a cycle), then
        // read them whole; each statement after the lock reads a snapshot in which no one else can change them.
        long[] clusterIds = [.. candidates.Values.Distinct().Order()];
        (List<ArticleRow> rows, List<ClusterRow> clusters) = clusterIds.Length == 0
            ? ([], [])
            : await ReadClustersAsync(connection, transaction, "= ANY(@ids)", ("ids", clusterIds), lockFirst: true, ct).ConfigureAwait(false);

        // A candidate that moved to another cluster (a merge) or went (an eviction) between the two reads: start again.
        int found = 0;
        foreach (ArticleRow row in rows)
        {
            if (candidates.TryGetValue(row.Sequence, out long was))
            {
                found++;
                if (was != row.ClusterId)
                {
                    throw new StoreConflictException($"article {row.Info.Id} changed cluster while it was read");
                }
            }
        }

        if (found != candidates.Count || clusters.Count != clusterIds.Length)
        {
            throw new StoreConflictException("a candidate or its cluster changed while it was read");
        }

        StoreView view = StoreView.Load(_options, _lsh, _fingerprinter, _logger, rows, clusters);
        foreach ((ulong key, BoilerplateLearner.LineStat stat) in lines)
        {
            view.Boilerplate.Restore(key, stat);
        }

        view.PrepareInsert(sequence, clusterId);
        Verdict verdict = view.Clusterer.Insert(article, print, timestamp);
        ViewChanges changes = view.Changes(_lsh);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            AddWrites(batch, changes);
            if (_options.BoilerplateMinStories > 0 && lineKeys.Length > 0)
            {
                batch.BatchCommands.Add(Command("""
                    INSERT INTO syndicate_boilerplate AS b (key, stories, last_cluster, last_seen)
                    SELECT k, 1, @cluster, @seen FROM unnest(@keys) AS k
                    ON CONFLICT (key) DO UPDATE SET
                        stories = b.stories + CASE WHEN b.last_cluster <> EXCLUDED.last_cluster THEN 1 ELSE 0 END,
                        last_cluster = EXCLUDED.last_cluster,
                        last_seen = greatest(b.last_seen, EXCLUDED.last_seen)
                    """, ("keys", lineKeys), ("cluster", verdict.ClusterId), ("seen", timestamp)));
            }

            await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return verdict;
    }

    /// <summary>
    /// The candidates of an article and their clusters: the newest holders of each word-band and lead key, as deep as the
    /// clusterer reads a band, the newest <see cref="InMemoryClusterStore.CharacterBandDepth"/> of each character-band
    /// key, and the oldest exact copy.
    /// </summary>
    private static string CandidatesSql { get; } = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"""
        WITH candidates AS (
            SELECT h.seq FROM unnest(@words) AS k CROSS JOIN LATERAL (SELECT seq FROM syndicate_band_postings p WHERE p.key = k ORDER BY seq DESC LIMIT {BandDepth}) h
            UNION SELECT h.seq FROM unnest(@leads) AS k CROSS JOIN LATERAL (SELECT seq FROM syndicate_lead_postings p WHERE p.key = k ORDER BY seq DESC LIMIT {BandDepth}) h
            UNION SELECT h.seq FROM unnest(@characters) AS k CROSS JOIN LATERAL (SELECT seq FROM syndicate_band_postings p WHERE p.key = k ORDER BY seq DESC LIMIT {InMemoryClusterStore.CharacterBandDepth}) h
            UNION (SELECT seq FROM syndicate_articles WHERE content_hash = @content ORDER BY seq LIMIT 1))
        SELECT a.seq, a.cluster_id FROM syndicate_articles a JOIN candidates c ON c.seq = a.seq
        """);

    private void AddWrites(NpgsqlBatch batch, ViewChanges changes)
    {
        foreach (InsertedArticle inserted in changes.InsertedArticles)
        {
            ArticleRow row = inserted.Row;
            DocumentInfo info = row.Info;
            DateTimeOffset? published = info.Published;
            batch.BatchCommands.Add(Command($"""
                INSERT INTO syndicate_articles ({ArticleRow.Columns}, fingerprint_revision) VALUES (@seq, @id, @source, @url, @published_ticks, @published_offset, @ts, @text_hash,
                    @content_hash, @shingle_count, @signature, @lead, @evidence, @cluster_id, @wire, @dateline_outlet, @flags, @join_relation,
                    @join_similarity, @matched_id, @arrival_cluster, @arrival_canonical, @arrival_wire, @arrival_carries, @fingerprint_revision)
                """,
                ("seq", row.Sequence), ("id", info.Id), ("source", info.Source), ("url", (object?)info.Url),
                ("published_ticks", (object?)published?.Ticks), ("published_offset", (object?)(short?)published?.TotalOffsetMinutes),
                ("ts", row.Timestamp), ("text_hash", (long)info.TextHash), ("content_hash", (long)row.ContentHash), ("shingle_count", row.ShingleCount),
                ("signature", row.Signature), ("lead", ArticleRow.LeadBytes(row.Lead)), ("evidence", row.Evidence), ("cluster_id", row.ClusterId),
                ("wire", (object?)info.Wire?.Name), ("dateline_outlet", (object?)info.DatelineOutlet), ("flags", ArticleRow.Flags(info)),
                ("join_relation", (short)info.JoinRelation), ("join_similarity", info.JoinSimilarity), ("matched_id", (object?)info.MatchedId),
                ("arrival_cluster", info.ArrivalClusterId), ("arrival_canonical", (object?)info.ArrivalCanonicalId), ("arrival_wire", (object?)info.ArrivalWire?.Name),
                ("arrival_carries", (object?)info.ArrivalCarries), ("fingerprint_revision", (short)Fingerprinter.Revision)));
            if (inserted.Keys.Bands is { Length: > 0 } bands)
            {
                batch.BatchCommands.Add(Command("INSERT INTO syndicate_band_postings (key, seq) SELECT k, @seq FROM unnest(@keys) AS k ON CONFLICT DO NOTHING", ("keys", bands), ("seq", row.Sequence)));
            }

            if (inserted.Keys.Leads is { Length: > 0 } leads)
            {
                batch.BatchCommands.Add(Command("INSERT INTO syndicate_lead_postings (key, seq) SELECT k, @seq FROM unnest(@keys) AS k ON CONFLICT DO NOTHING", ("keys", leads), ("seq", row.Sequence)));
            }
        }

        if (changes.UpdatedArticles.Count > 0)
        {
            int n = changes.UpdatedArticles.Count;
            long[] seqs = new long[n], clusters = new long[n];
            short[] flags = new short[n], relations = new short[n];
            double[] similarities = new double[n];
            string?[] matched = new string?[n];
            for (int i = 0; i < n; i++)
            {
                (long seq, long cluster, DocumentInfo info) = changes.UpdatedArticles[i];
                seqs[i] = seq;
                clusters[i] = cluster;
                flags[i] = ArticleRow.Flags(info);
                relations[i] = (short)info.JoinRelation;
                similarities[i] = info.JoinSimilarity;
                matched[i] = info.MatchedId;
            }

            batch.BatchCommands.Add(Command("""
                UPDATE syndicate_articles a SET cluster_id = u.c, flags = u.f, join_relation = u.r, join_similarity = u.s, matched_id = u.m
                FROM unnest(@seqs, @clusters, @flags, @relations, @similarities, @matched) AS u(seq, c, f, r, s, m) WHERE a.seq = u.seq
                """, ("seqs", seqs), ("clusters", clusters), ("flags", flags), ("relations", relations), ("similarities", similarities), ("matched", matched)));
        }

        if (changes.DeletedArticles.Count > 0)
        {
            var seqs = new List<long>();
            var bandKeys = new List<long>();
            var bandSeqs = new List<long>();
            var leadKeys = new List<long>();
            var leadSeqs = new List<long>();
            foreach (ArticleRow row in changes.DeletedArticles)
            {
                seqs.Add(row.Sequence);
                PostingKeys keys = PostingKeys.Of(_lsh, row.ShingleCount, row.Signature, row.Lead, row.Evidence);
                foreach (long key in keys.Bands)
                {
                    bandKeys.Add(key);
                    bandSeqs.Add(row.Sequence);
                }

                foreach (long key in keys.Leads)
                {
                    leadKeys.Add(key);
                    leadSeqs.Add(row.Sequence);
                }
            }

            batch.BatchCommands.Add(Command("DELETE FROM syndicate_articles WHERE seq = ANY(@seqs)", ("seqs", seqs.ToArray())));
            batch.BatchCommands.Add(Command("DELETE FROM syndicate_band_postings p USING unnest(@keys, @seqs) AS d(key, seq) WHERE p.key = d.key AND p.seq = d.seq", ("keys", bandKeys.ToArray()), ("seqs", bandSeqs.ToArray())));
            batch.BatchCommands.Add(Command("DELETE FROM syndicate_lead_postings p USING unnest(@keys, @seqs) AS d(key, seq) WHERE p.key = d.key AND p.seq = d.seq", ("keys", leadKeys.ToArray()), ("seqs", leadSeqs.ToArray())));
        }

        if (changes.DeletedClusters.Count > 0)
        {
            batch.BatchCommands.Add(Command("DELETE FROM syndicate_clusters WHERE id = ANY(@ids)", ("ids", changes.DeletedClusters.ToArray())));
        }

        foreach (ClusterWrite cluster in changes.CreatedClusters)
        {
            batch.BatchCommands.Add(ClusterCommand($"INSERT INTO syndicate_clusters ({ClusterRow.Columns}, outlets) VALUES (@id, @canonical, @size, @wire, @title, @text, @original, @carriers, @outlets)", cluster));
        }

        foreach (ClusterWrite cluster in changes.UpdatedClusters)
        {
            // A story grows far more often than it changes canonical copy: writing the unchanged texts again would store
            // them again (a new TOAST value every time) and send them through the write-ahead log.
            batch.BatchCommands.Add(cluster.TextChanged
                ? ClusterCommand("UPDATE syndicate_clusters SET canonical_seq = @canonical, size = @size, wire = @wire, canonical_title = @title, canonical_text = @text, canonical_original_text = @original, carriers = @carriers, outlets = @outlets WHERE id = @id", cluster)
                : Command("UPDATE syndicate_clusters SET canonical_seq = @canonical, size = @size, wire = @wire, carriers = @carriers, outlets = @outlets WHERE id = @id",
                    ("id", cluster.Id), ("canonical", cluster.CanonicalSequence), ("size", cluster.Size), ("wire", (object?)cluster.Wire), ("carriers", (object?)cluster.Carriers), ("outlets", cluster.Outlets)));
        }
    }

    private static NpgsqlBatchCommand ClusterCommand(string sql, ClusterWrite cluster) =>
        Command(sql, ("id", cluster.Id), ("canonical", cluster.CanonicalSequence), ("size", cluster.Size), ("wire", (object?)cluster.Wire),
            ("title", (object?)cluster.Title), ("text", (object?)cluster.Text), ("original", (object?)cluster.OriginalText), ("carriers", (object?)cluster.Carriers), ("outlets", cluster.Outlets));

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach ((string name, object? value) in parameters)
        {
            command.Parameters.Add(Parameter(name, value));
        }

        return command;
    }

    private static NpgsqlParameter Parameter(string name, object? value) => value switch
    {
        null => new NpgsqlParameter(name, DBNull.Value),
        long v => new NpgsqlParameter<long>(name, v),
        int v => new NpgsqlParameter<int>(name, v),
        short v => new NpgsqlParameter<short>(name, v),
        double v => new NpgsqlParameter<double>(name, v),
        string v => new NpgsqlParameter<string>(name, v),
        byte[] v => new NpgsqlParameter<byte[]>(name, NpgsqlDbType.Bytea) { TypedValue = v },
        long[] v => new NpgsqlParameter<long[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = v },
        short[] v => new NpgsqlParameter<short[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Smallint) { TypedValue = v },
        double[] v => new NpgsqlParameter<double[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = v },
        string?[] v => new NpgsqlParameter<string?[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = v },
        _ => throw new ArgumentException($"No parameter mapping for {value.GetType().Name}.", nameof(value)),
    };

    /// <summary>
    /// Reads whole clusters, the clusters whose id is <paramref name="clusterIds"/> (an SQL condition on the id) with all
    /// their members, in one round trip; <paramref name="lockFirst"/> locks their rows in id order first, so that the
    /// reads after it see them as no one else can change them until the commit.
    /// </summary>
    private async Task<(List<ArticleRow> Rows, List<ClusterRow> Clusters)> ReadClustersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string clusterIds, (string Name, object? Value) parameter, bool lockFirst, CancellationToken ct)
    {
        var rows = new List<ArticleRow>();
        var clusters = new List<ClusterRow>();
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (lockFirst)
        {
            batch.BatchCommands.Add(Command($"SELECT count(*) FROM (SELECT id FROM syndicate_clusters WHERE id {clusterIds} ORDER BY id FOR UPDATE) AS l", parameter));
        }

        batch.BatchCommands.Add(Command($"SELECT {ArticleRow.QualifiedColumns} FROM syndicate_articles a WHERE a.cluster_id {clusterIds}", parameter));
        batch.BatchCommands.Add(Command($"SELECT {ClusterRow.Columns} FROM syndicate_clusters WHERE id {clusterIds}", parameter));
        await using NpgsqlDataReader reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (lockFirst)
        {
            await reader.NextResultAsync(ct).ConfigureAwait(false);
        }

        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows.Add(ArticleRow.Read(reader, _options));
        }

        await reader.NextResultAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            clusters.Add(ClusterRow.Read(reader));
        }

        return (rows, clusters);
    }

    /// <summary>Loads the cluster holding an article with all its members (no locks); null if no article has that id.</summary>
    private async Task<StoreView?> LoadClusterOfAsync(NpgsqlConnection connection, string articleId, CancellationToken ct)
    {
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
        (List<ArticleRow> rows, List<ClusterRow> clusters) = await ReadClustersAsync(connection, transaction,
            "= (SELECT cluster_id FROM syndicate_articles WHERE id = @id)", ("id", articleId), lockFirst: false, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return rows.Count == 0 ? null : StoreView.Load(_options, _lsh, _fingerprinter, _logger, rows, clusters);
    }

    /// <summary>What a carrier's listing needs of its article, by sequence: the carrier records name the articles.</summary>
    private sealed record CarrierArticle(string Id, string Source, string? Url, DateTimeOffset? Published, long ClusterId);

    /// <summary>The articles the clusters' carrier records name, by sequence (only the columns a listing shows).</summary>
    private static async Task<Dictionary<long, CarrierArticle>> ReadCarriersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<ClusterRow> clusters, CancellationToken ct)
    {
        long[] sequences = [.. clusters.SelectMany(c => c.Carriers ?? []).Select(c => c.Sequence).Distinct()];
        var result = new Dictionary<long, CarrierArticle>(sequences.Length);
        if (sequences.Length == 0)
        {
            return result;
        }

        await using var command = new NpgsqlCommand("SELECT seq, id, source, url, published_ticks, published_offset, cluster_id FROM syndicate_articles WHERE seq = ANY(@seqs)", connection, transaction);
        command.Parameters.Add(Parameter("seqs", sequences));
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            DateTimeOffset? published = reader.IsDBNull(4) ? null : new DateTimeOffset(reader.GetInt64(4), TimeSpan.FromMinutes(reader.GetInt16(5)));
            result[reader.GetInt64(0)] = new CarrierArticle(reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), published, reader.GetInt64(6));
        }

        return result;
    }

    /// <summary>A cluster as reported; its carriers are those whose article is still stored and in another cluster, first seen first.</summary>
    private static Cluster Snapshot(ClusterRow cluster, List<ArticleRow> rows, Dictionary<long, CarrierArticle> carrierArticles)
    {
        List<Carrier>? carriers = null;
        foreach (CarrierRecord record in (IEnumerable<CarrierRecord>?)cluster.Carriers?.OrderBy(c => c.Sequence) ?? [])
        {
            if (carrierArticles.TryGetValue(record.Sequence, out CarrierArticle? a) && a.Id == record.Id && a.ClusterId != cluster.Id)
            {
                (carriers ??= []).Add(new Carrier(a.Id, a.Source, a.Url, a.Published, a.ClusterId, record.MatchedId, record.Relation, record.Similarity));
            }
        }

        return Snapshot(cluster, rows, carriers);
    }

    private static Cluster Snapshot(ClusterRow cluster, List<ArticleRow> rows, List<Carrier>? carriers)
    {
        var members = new List<ClusterMember>(rows.Count);
        string canonicalId = "";
        foreach (ArticleRow row in rows)
        {
            bool canonical = row.Sequence == cluster.CanonicalSequence;
            if (canonical)
            {
                canonicalId = row.Info.Id;
            }

            members.Add(StoryClusterer.Member(row.Info, canonical));
        }

        return new Cluster(cluster.Id, canonicalId, cluster.Wire, cluster.CanonicalTitle, cluster.CanonicalText, cluster.CanonicalOriginalText, members, carriers);
    }

    private async Task SlideWindowAsync(long timestamp, CancellationToken ct)
    {
        if (_options.Window is not { } window)
        {
            return;
        }

        long cutoff;
        lock (_windowLock)
        {
            _newest = Math.Max(_newest, timestamp);
            cutoff = _newest - window.Ticks;
            // As the in-memory engine: evict in steps of a sixteenth of the window.
            if (_lastEviction != long.MinValue && cutoff - _lastEviction < window.Ticks / 16)
            {
                return;
            }

            _lastEviction = cutoff;
        }

        await EvictAsync(cutoff, ct).ConfigureAwait(false);
    }

    /// <summary>Evicts in batches of clusters, each batch one transaction that locks its clusters.</summary>
    private async Task<int> EvictAsync(long cutoff, CancellationToken cancellationToken)
    {
        int total = 0;
        while (true)
        {
            int removed = await WithRetryAsync(ct => EvictBatchAsync(cutoff, ct), cancellationToken).ConfigureAwait(false);
            if (removed < 0)
            {
                break;
            }

            total += removed;
        }

        await WithRetryAsync(async ct =>
        {
            await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("DELETE FROM syndicate_boilerplate WHERE last_seen < @cutoff", connection);
            command.Parameters.Add(new NpgsqlParameter<long>("cutoff", cutoff));
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        if (total > 0)
        {
            LogEvicted(_logger, total, new DateTimeOffset(cutoff, TimeSpan.Zero));
        }

        return total;
    }

    /// <summary>One batch of an eviction; -1 when nothing older than the cutoff is left.</summary>
    private async Task<int> EvictBatchAsync(long cutoff, CancellationToken ct)
    {
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var locked = new List<long>();
        await using (var command = new NpgsqlCommand("""
            SELECT id FROM syndicate_clusters WHERE id IN (SELECT DISTINCT cluster_id FROM syndicate_articles WHERE ts < @cutoff LIMIT 256) ORDER BY id FOR UPDATE
            """, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<long>("cutoff", cutoff));
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                locked.Add(reader.GetInt64(0));
            }
        }

        if (locked.Count == 0)
        {
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return -1;
        }

        (List<ArticleRow> rows, List<ClusterRow> clusters) = await ReadClustersAsync(connection, transaction, "= ANY(@ids)", ("ids", locked.ToArray()), lockFirst: false, ct).ConfigureAwait(false);

        StoreView view = StoreView.Load(_options, _lsh, _fingerprinter, _logger, rows, clusters);
        int removed = 0;
        foreach (ArticleRow row in rows)
        {
            if (row.Timestamp < cutoff && view.Clusterer.Remove(row.Info.Id))
            {
                removed++;
            }
        }

        ViewChanges changes = view.Changes(_lsh);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            AddWrites(batch, changes);
            await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return removed;
    }

    private Task<T> WithRetryAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken) =>
        WithRetryAsync(_server, _logger, _dataSource, operation, cancellationToken);

    /// <summary>
    /// Runs one transaction, again after a serialization failure, a deadlock, a lost race for an id, rows changed while
    /// they were read, or a lost connection (with backoff from 50 ms to 2 s, for up to 90 s in all).
    /// </summary>
    private static async Task<T> WithRetryAsync<T>(string server, ILogger logger, NpgsqlDataSource dataSource, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        TimeSpan backoff = s_firstBackoff;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await operation(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && Retryable(e) is { } kind)
            {
                if (started.Elapsed > s_retryLimit)
                {
                    throw new PostgreSqlStoreException($"PostgreSQL at {server} failed for {s_retryLimit.TotalSeconds:0} s: {e.Message}", e);
                }

                if (kind == RetryKind.Connection)
                {
                    // The pool's other idle connections went down with this one.
                    dataSource.Clear();
                    // Once when the server goes away, then every fifth attempt (about every 10 s at the longest backoff).
                    if (attempt == 1 || attempt % 5 == 0)
                    {
                        LogReconnecting(logger, server, attempt, e.Message);
                    }

                    await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, s_maxBackoff.Ticks));
                }
                else
                {
                    LogConflict(logger, attempt, e.Message);
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(attempt * 5, 200)), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException && !cancellationToken.IsCancellationRequested)
            {
                throw new PostgreSqlStoreException($"PostgreSQL at {server}: {e.Message}", e);
            }
        }
    }

    private enum RetryKind
    {
        Conflict,
        Connection,
    }

    private static RetryKind? Retryable(Exception e) => e switch
    {
        StoreConflictException => RetryKind.Conflict,
        // serialization_failure, deadlock_detected, unique_violation (two workers adding one id at once).
        PostgresException { SqlState: "40001" or "40P01" or "23505" } => RetryKind.Conflict,
        // admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections, connection exceptions.
        PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" } => RetryKind.Connection,
        PostgresException p when p.SqlState.StartsWith("08", StringComparison.Ordinal) => RetryKind.Connection,
        PostgresException => null,
        NpgsqlException { IsTransient: true } => RetryKind.Connection,
        NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException or TimeoutException } => RetryKind.Connection,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL at {Server} unavailable (attempt {Attempt}): {Reason}; retrying")]
    private static partial void LogReconnecting(ILogger logger, string server, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Transaction retried (attempt {Attempt}): {Reason}")]
    private static partial void LogConflict(ILogger logger, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Evicted {Count} articles older than {Cutoff:O}")]
    private static partial void LogEvicted(ILogger logger, int count, DateTimeOffset cutoff);
}

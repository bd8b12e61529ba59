using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Syndicate.Clustering;
using Syndicate.Fingerprinting;
using Syndicate.Index;
using Syndicate.Storage;

namespace Syndicate;

/// <summary>
/// Finds the reprints of news stories as articles stream in: call <see cref="Add(Article)"/> once per incoming article
/// and learn whether it is new or a copy of a story already seen, which cluster it belongs to, which copy is canonical
/// and who carried it.
/// </summary>
/// <remarks>
/// <para><b>Pipeline.</b> Each article is cleaned of its outlet's furniture (dateline, credits, repeated title,
/// continuation markers, widget text, the source's learned boilerplate paragraphs), normalized, cut into word
/// shingles and sketched with MinHash. Exact copies are found by a content hash; other candidates come from an LSH
/// index over the signature and from a small index of the story's lead (its opening shingles), and every candidate is
/// verified: a <see cref="Relation.NearDuplicate"/> needs an estimated Jaccard of at least
/// <see cref="SyndicationOptions.SimilarityThreshold"/>; a <see cref="Relation.Partial"/> copy needs the longer copy
/// to hold at least <see cref="SyndicationOptions.ContainmentThreshold"/> of the shorter one and both to open with
/// the same lead.</para>
/// <para><b>Clusters.</b> A new article joins the cluster of its best verified match, but only if it also reaches
/// <see cref="SyndicationOptions.ChainingThreshold"/> against that cluster's canonical copy; otherwise the next best
/// match's cluster is tried, and failing all, the article starts a story of its own. This guard is what keeps chains
/// (A~B, B~C, A≁C) from gluing different stories together. Two clusters merge only on direct evidence: when the new
/// article verifies against members of both and the two canonical copies verify against each other.</para>
/// <para><b>Canonical.</b> Chosen by <see cref="SyndicationOptions.CanonicalPolicy"/> and re-evaluated as members
/// arrive; the verdict reports a change. The engine keeps the canonical copy's title and text; other members keep
/// only metadata and fingerprint.</para>
/// <para><b>Threads.</b> All members are thread-safe. Fingerprinting runs outside the lock, so concurrent callers
/// scale; the index and cluster update is serialized. <see cref="AddRange"/> fingerprints in parallel and then
/// inserts in order, giving exactly the clusters that adding one by one would.</para>
/// </remarks>
public sealed partial class SyndicationEngine : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Fingerprinter _fingerprinter;
    private readonly StoryClusterer _clusterer;
    private readonly TimeProvider _time;
    private DurableState? _state;
    private bool _disposed;

    /// <summary>Creates an in-memory engine.</summary>
    /// <param name="options">Settings; <see cref="SyndicationOptions.Default"/> when null.</param>
    /// <param name="logger">Receives debug events (canonical changes, merges, evictions).</param>
    /// <param name="timeProvider">The clock used to time-stamp articles without a publication time.</param>
    public SyndicationEngine(SyndicationOptions? options = null, ILogger<SyndicationEngine>? logger = null, TimeProvider? timeProvider = null)
    {
        Options = options ?? SyndicationOptions.Default;
        Options.Validate();
        Lsh = Options.ResolveLsh();
        _fingerprinter = new Fingerprinter(Options);
        _clusterer = new StoryClusterer(Options, _fingerprinter, new InMemoryClusterStore(Options, Lsh), (ILogger?)logger ?? NullLogger.Instance);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Opens (or creates) a durable engine whose state lives in <paramref name="directory"/>: a snapshot plus a journal
    /// of every operation since. An article is acknowledged once <see cref="Add(Article)"/> has returned for it; after a
    /// crash at any moment, reopening yields every acknowledged article and the same clusters as a run without the crash.
    /// </summary>
    /// <param name="directory">The state directory; created if missing. One engine at a time may hold it.</param>
    /// <param name="options">Must have the same fingerprint options as the state was created with.</param>
    /// <param name="logger">Receives debug events.</param>
    /// <param name="timeProvider">The clock for articles without a publication time.</param>
    /// <param name="durability">When an article counts as stored; see <see cref="Durability"/>.</param>
    /// <exception cref="StateException">A state file is truncated, corrupt, foreign, of a newer version, written with other options, or in use.</exception>
    public static SyndicationEngine Open(string directory, SyndicationOptions? options = null, ILogger<SyndicationEngine>? logger = null, TimeProvider? timeProvider = null, Durability durability = Durability.Process)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var engine = new SyndicationEngine(options, logger, timeProvider);
        engine._state = DurableState.Open(directory, engine.Options, engine._clusterer, engine._fingerprinter, durability);
        return engine;
    }

    /// <summary>The settings in force.</summary>
    public SyndicationOptions Options { get; }

    /// <summary>The LSH banding in force.</summary>
    public LshParameters Lsh { get; }

    /// <summary>Articles currently held.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _clusterer.Count;
            }
        }
    }

    /// <summary>The state directory of a durable engine; null for an in-memory one.</summary>
    public string? StateDirectory => _state?.Directory;

    internal long CheckpointBytes
    {
        get => _state?.CheckpointBytes ?? DurableState.DefaultCheckpointBytes;
        set => _state?.CheckpointBytes = value;
    }

    /// <summary>
    /// Cleans, normalizes, shingles and sketches an article: the part of <see cref="Add(Article)"/> that runs outside
    /// the engine's lock. Thread-safe; pass the result to <see cref="Add(Article, Fingerprint)"/>.
    /// </summary>
    public Fingerprint Fingerprint(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return _fingerprinter.Compute(article);
    }

    /// <summary>
    /// Adds an article and returns the engine's verdict on it. If an article with the same id is already held, nothing
    /// changes and the verdict describes the held one (<see cref="Verdict.Inserted"/> is false).
    /// </summary>
    public Verdict Add(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        Fingerprint print = _fingerprinter.Compute(article);
        lock (_lock)
        {
            return AddLocked(article, print);
        }
    }

    /// <summary>Adds an article fingerprinted by <see cref="Fingerprint(Article)"/>: the same verdict as <see cref="Add(Article)"/>.</summary>
    /// <exception cref="ArgumentException">The fingerprint was not computed by this engine for this article.</exception>
    public Verdict Add(Article article, Fingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (!ReferenceEquals(fingerprint.Producer, _fingerprinter) || !ReferenceEquals(fingerprint.Article, article))
        {
            throw new ArgumentException("The fingerprint was not computed by this engine for this article.", nameof(fingerprint));
        }

        lock (_lock)
        {
            return AddLocked(article, fingerprint);
        }
    }

    /// <summary>
    /// Adds many articles: fingerprints them in parallel, then inserts them in the given order. The verdicts and
    /// clusters are exactly those of calling <see cref="Add(Article)"/> for each article in turn.
    /// </summary>
    public IReadOnlyList<Verdict> AddRange(IReadOnlyList<Article> articles, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(articles);
        // Checked up front: thrown inside Parallel.For it would reach the caller wrapped in an AggregateException.
        for (int i = 0; i < articles.Count; i++)
        {
            if (articles[i] is null)
            {
                throw new ArgumentException($"Article {i} is null.", nameof(articles));
            }
        }

        var prints = new Fingerprint[articles.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, articles.Count, parallel, i => prints[i] = _fingerprinter.Compute(articles[i]));
        var verdicts = new Verdict[articles.Count];
        lock (_lock)
        {
            for (int i = 0; i < articles.Count; i++)
            {
                verdicts[i] = AddLocked(articles[i], prints[i]);
            }
        }

        return verdicts;
    }

    /// <summary>Tells what <see cref="Add(Article)"/> would decide, without inserting anything.</summary>
    public Verdict Query(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        Fingerprint print = _fingerprinter.Compute(article);
        lock (_lock)
        {
            return _clusterer.Query(article, print);
        }
    }

    /// <summary>Removes an article. Returns false if no article has that id.</summary>
    public bool Remove(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_lock)
        {
            if (!_clusterer.Contains(id))
            {
                return false;
            }

            _state?.JournalRemove(id);
            return _clusterer.Remove(id);
        }
    }

    /// <summary>
    /// Removes every article whose timestamp (publication time, or the engine clock at <c>Add</c>) is earlier than
    /// <paramref name="cutoff"/>, and forgets boilerplate statistics not seen since. Returns how many articles went.
    /// </summary>
    public int EvictOlderThan(DateTimeOffset cutoff)
    {
        lock (_lock)
        {
            _state?.JournalEvict(cutoff.UtcTicks);
            return _clusterer.Evict(cutoff.UtcTicks);
        }
    }

    /// <summary>A snapshot of one cluster, or null if no cluster has that id.</summary>
    public Cluster? GetCluster(long clusterId)
    {
        lock (_lock)
        {
            return _clusterer.GetCluster(clusterId);
        }
    }

    /// <summary>A snapshot of the cluster holding an article, or null if no article has that id.</summary>
    public Cluster? GetClusterOf(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        lock (_lock)
        {
            return _clusterer.GetClusterOf(articleId);
        }
    }

    /// <summary>Snapshots of every cluster with at least <paramref name="minSize"/> members, in order of creation.</summary>
    public IReadOnlyList<Cluster> GetClusters(int minSize = 1)
    {
        lock (_lock)
        {
            return _clusterer.GetClusters(minSize);
        }
    }

    /// <summary>The size of the engine's state now.</summary>
    public EngineStatistics GetStatistics()
    {
        lock (_lock)
        {
            return _clusterer.GetStatistics();
        }
    }

    /// <summary>
    /// Writes a new snapshot of the whole state atomically and starts an empty journal. Reopening is then a snapshot
    /// load with nothing to replay. A no-op for an in-memory engine.
    /// </summary>
    public void Checkpoint()
    {
        lock (_lock)
        {
            _state?.Checkpoint();
        }
    }

    /// <summary>
    /// Writes this engine's whole state (snapshot and an empty journal) into <paramref name="directory"/>, so that
    /// <see cref="Open"/> can reopen it.
    /// </summary>
    internal void SaveState(string directory)
    {
        lock (_lock)
        {
            DurableState.Save(directory, Options, _clusterer);
        }
    }

    /// <summary>Closes the journal of a durable engine. Acknowledged articles are already stored; nothing is lost by not calling <see cref="Checkpoint"/>.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _state?.Dispose();
        }
    }

    private Verdict AddLocked(Article article, Fingerprint print)
    {
        if (_clusterer.TryDescribe(article.Id, out Verdict existing))
        {
            return existing;
        }

        long timestamp = article.Published?.UtcTicks ?? _time.GetUtcNow().UtcTicks;
        // Journal first: if the write fails nothing changes, and once it succeeded the article is acknowledged.
        _state?.JournalAdd(article, timestamp);

        Verdict verdict = _clusterer.Insert(article, print, timestamp);
        _state?.MaybeCheckpoint();
        return verdict;
    }
}

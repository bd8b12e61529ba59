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
/// <para><b>Pipeline.</b> Each article is cleaned of its outlet's furniture, normalized, cut into shingles and
/// sketched with MinHash (<see cref="Fingerprint(Article)"/>). Exact copies are found by a content hash, other
/// candidates by an LSH index over the signature and a small index of the story's lead; every candidate is verified
/// (<see cref="Explain"/> shows the signals and thresholds). A new article joins the cluster of its best verified match
/// if it also reaches <see cref="SyndicationOptions.ChainingThreshold"/> against that cluster's canonical copy, which
/// keeps chains (A~B, B~C, A≁C) from gluing stories together; two clusters merge only on direct evidence. The
/// canonical copy is chosen by <see cref="SyndicationOptions.CanonicalPolicy"/> and keeps its text; other members keep
/// only metadata and fingerprint.</para>
/// <para><b>Threads.</b> All members are thread-safe. Fingerprinting runs outside the lock, so concurrent callers
/// scale; the index and cluster update is serialized. A durable engine's wait for the disk
/// (<see cref="Durability.FlushToDisk"/>) also runs outside the lock, so one flush covers every add in flight.
/// <see cref="AddRange"/> fingerprints in parallel and then inserts in order, giving exactly the clusters that adding
/// one by one would.</para>
/// </remarks>
public sealed partial class SyndicationEngine : IDisposable
{
    /// <summary>
    /// The most articles <see cref="EnsureCapacity"/> reserves room for: within what the character index's 32 bands can
    /// link in one array.
    /// </summary>
    private const int MaxCapacity = 1 << 25;

    private readonly Lock _lock = new();
    private readonly SyndicationOptions _options;
    private readonly LshParameters _lsh;
    private readonly Fingerprinter _fingerprinter;
    private readonly StoryClusterer _clusterer;
    private readonly InMemoryClusterStore _store;
    private readonly TimeProvider _time;
    private DurableState? _state;
    private bool _disposed;

    /// <summary>Creates an in-memory engine.</summary>
    /// <param name="options">Settings; <see cref="SyndicationOptions.Default"/> when null.</param>
    /// <param name="logger">Receives debug events (canonical changes, merges, evictions).</param>
    /// <param name="timeProvider">The clock used to time-stamp articles without a publication time.</param>
    public SyndicationEngine(SyndicationOptions? options = null, ILogger<SyndicationEngine>? logger = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? SyndicationOptions.Default;
        _options.Validate();
        _lsh = _options.ResolveLsh();
        _fingerprinter = new Fingerprinter(_options);
        _store = new InMemoryClusterStore(_options, _lsh);
        _clusterer = new StoryClusterer(_options, _fingerprinter, _store, (ILogger?)logger ?? NullLogger.Instance);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The settings in force.</summary>
    public SyndicationOptions Options => NotDisposed(_options);

    /// <summary>The LSH banding in force.</summary>
    public LshParameters Lsh => NotDisposed(_lsh);

    /// <summary>Articles currently held.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                ThrowIfDisposed();
                return _clusterer.Count;
            }
        }
    }

    /// <summary>
    /// Sizes the engine's tables and indexes to hold <paramref name="capacity"/> articles at once, so that adding up to
    /// that many allocates no larger copy of any of them. Returns the number of articles the engine can now hold
    /// without growing.
    /// </summary>
    /// <remarks>
    /// Optional: the tables grow on their own, a quarter or a half at a time, copying their contents each time. A caller
    /// that knows how many articles it will hold (a batch run, or a sliding window's steady size) saves those copies and
    /// the slack they leave. <see cref="AddRange"/> reserves room for its batch itself when no
    /// <see cref="SyndicationOptions.Window"/> is set. Clusters and verdicts are the same either way.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative or above 33,554,432 (2<sup>25</sup>).</exception>
    public int EnsureCapacity(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, MaxCapacity);
        lock (_lock)
        {
            ThrowIfDisposed();
            _store.EnsureCapacity(capacity);
            return _store.Documents.Capacity;
        }
    }

    /// <summary>
    /// Cleans, normalizes, shingles and sketches an article: the part of <see cref="Add(Article)"/> that runs outside
    /// the engine's lock. Thread-safe; pass the result to <see cref="Add(Article, Fingerprint)"/>.
    /// </summary>
    public Fingerprint Fingerprint(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        ThrowIfDisposed();
        return _fingerprinter.Compute(article);
    }

    /// <summary>
    /// Adds an article and returns the engine's verdict on it. If an article with the same id is already held, nothing
    /// changes and the verdict is the one the held article got when it was added (<see cref="GetVerdict"/>, with
    /// <see cref="Verdict.Inserted"/> false): re-feeding an input after a crash gives every article the answer it got
    /// the first time, whether or not that answer was delivered. An id held for another article (from another source, or
    /// with another title or body) also gets the held verdict, marked <see cref="Verdict.IdReused"/>.
    /// </summary>
    public Verdict Add(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        ThrowIfDisposed();
        Fingerprint print = _fingerprinter.Compute(article);
        return AddAndWait(article, print);
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

        return AddAndWait(article, fingerprint);
    }

    /// <summary>
    /// Adds many articles: fingerprints them in parallel, then inserts them in the given order. The verdicts and
    /// clusters are exactly those of calling <see cref="Add(Article)"/> for each article in turn. Without a
    /// <see cref="SyndicationOptions.Window"/>, room for the batch is reserved first (<see cref="EnsureCapacity"/>).
    /// A durable engine opened with <see cref="Durability.FlushToDisk"/> flushes its journal to the disk once for the
    /// batch (group commit) rather than once per article; the verdicts are returned once all are on the disk.
    /// </summary>
    /// <exception cref="StateException">
    /// Flushing the batch to the disk failed: its articles are not acknowledged, and the engine takes no more changes
    /// (dispose it and reopen the state).
    /// </exception>
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

        ThrowIfDisposed();
        var prints = new Fingerprint[articles.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, articles.Count, parallel, i => prints[i] = _fingerprinter.Compute(articles[i]));
        var verdicts = new Verdict[articles.Count];
        DiskTicket ticket;
        lock (_lock)
        {
            ThrowIfDisposed();
            if (_options.Window is null)
            {
                // Without a window every article stays: the batch's room is known now, and reserving it saves the copies
                // that growing a quarter at a time would make. With a window, most of a long batch would be evicted.
                _store.EnsureCapacity((int)Math.Min((long)_clusterer.Count + articles.Count, MaxCapacity));
            }

            // Group commit: a journal flushed to the disk is flushed once for the batch (and any other adds in flight),
            // before any verdict is returned. Articles added before a failure are flushed too, as one by one they would be.
            try
            {
                for (int i = 0; i < articles.Count; i++)
                {
                    verdicts[i] = AddLocked(articles[i], prints[i]);
                }
            }
            catch (Exception) when (_state?.JournalDurability == Durability.FlushToDisk)
            {
                FlushBatchAfterFailure();
                throw;
            }

            ticket = _state?.Ticket() ?? default;
        }

        ticket.Wait();
        return verdicts;
    }

    /// <summary>Tells what <see cref="Add(Article)"/> would decide, without inserting anything.</summary>
    public Verdict Query(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        ThrowIfDisposed();
        Fingerprint print = _fingerprinter.Compute(article);
        lock (_lock)
        {
            ThrowIfDisposed();
            return _clusterer.Query(article, print);
        }
    }

    /// <summary>
    /// Explains how two articles compare under this engine's options: what cleaning kept of each, every signal the pair
    /// verifier measures (estimated and exact Jaccard, containment, lead agreement), each threshold, and the relation it
    /// decides. Neither article is inserted, and the sources' learned boilerplate is not applied.
    /// </summary>
    public PairExplanation Explain(Article first, Article second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ThrowIfDisposed();
        HashSet<ulong> shinglesA = [], shinglesB = [];
        Fingerprint a = _fingerprinter.Compute(first, shinglesA);
        Fingerprint b = _fingerprinter.Compute(second, shinglesB);
        return _clusterer.Verifier.Explain(a, shinglesA, b, shinglesB, _lsh);
    }

    /// <summary>Removes an article. Returns false if no article has that id.</summary>
    public bool Remove(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_lock)
        {
            ThrowIfDisposed();
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
            ThrowIfDisposed();
            _state?.JournalEvict(cutoff.UtcTicks);
            return _clusterer.Evict(cutoff.UtcTicks);
        }
    }

    /// <summary>
    /// The verdict a held article got when it was added: the same relation, similarity, matched copy, cluster, canonical
    /// copy and wire, however its story changed since (grew, merged, elected another canonical copy); persisted with a
    /// durable state. <see cref="Verdict.Inserted"/> and <see cref="Verdict.CanonicalChanged"/> are false,
    /// <see cref="Verdict.Dateline"/> is null and <see cref="Verdict.ClusterSize"/> is the size of the cluster holding it
    /// now. Null if no article has that id (never added, removed or evicted). For the article's place now, see
    /// <see cref="GetClusterOf"/>.
    /// </summary>
    public Verdict? GetVerdict(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        lock (_lock)
        {
            ThrowIfDisposed();
            return _clusterer.TryDescribe(articleId, out Verdict? verdict) ? verdict : null;
        }
    }

    /// <summary>A snapshot of one cluster, or null if no cluster has that id.</summary>
    public Cluster? GetCluster(long clusterId)
    {
        lock (_lock)
        {
            ThrowIfDisposed();
            return _clusterer.GetCluster(clusterId);
        }
    }

    /// <summary>A snapshot of the cluster holding an article, or null if no article has that id.</summary>
    public Cluster? GetClusterOf(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        lock (_lock)
        {
            ThrowIfDisposed();
            return _clusterer.GetClusterOf(articleId);
        }
    }

    /// <summary>Snapshots of every cluster with at least <paramref name="minSize"/> members, in order of creation.</summary>
    public IReadOnlyList<Cluster> GetClusters(int minSize = 1)
    {
        lock (_lock)
        {
            ThrowIfDisposed();
            return _clusterer.GetClusters(minSize);
        }
    }

    /// <summary>The size of the engine's state now.</summary>
    public EngineStatistics GetStatistics()
    {
        lock (_lock)
        {
            ThrowIfDisposed();
            return _clusterer.GetStatistics();
        }
    }

    /// <summary>
    /// Closes the journal of a durable engine; afterwards every other member throws <see cref="ObjectDisposedException"/>.
    /// Acknowledged articles are already stored; nothing is lost by not calling <see cref="Checkpoint"/>.
    /// </summary>
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

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private T NotDisposed<T>(T value)
    {
        ThrowIfDisposed();
        return value;
    }

    /// <summary>After an add of a batch failed: flushes what the batch journalled; the add's own error is the one thrown.</summary>
    private void FlushBatchAfterFailure()
    {
        try
        {
            _state?.FlushPendingToDisk();
        }
        catch (StateException)
        {
            // The state now refuses changes; the caller gets the error that stopped the batch.
        }
    }

    /// <summary>
    /// An add under the lock, then, with <see cref="Durability.FlushToDisk"/>, the wait for the disk outside it: threads
    /// adding meanwhile journal their articles while one flush is in progress, and the next flush covers them all.
    /// </summary>
    private Verdict AddAndWait(Article article, Fingerprint print)
    {
        Verdict verdict;
        DiskTicket ticket;
        lock (_lock)
        {
            verdict = AddLocked(article, print);
            // Taken for a held id too: its article may have been journalled by a thread still waiting for the disk.
            ticket = _state?.Ticket() ?? default;
        }

        ticket.Wait();
        return verdict;
    }

    /// <summary>
    /// The locked part of an add: refused once disposed, so that nothing is applied without being journaled. The
    /// journal record reaches the operating system here; the caller waits for the disk (<see cref="DiskTicket"/>).
    /// </summary>
    private Verdict AddLocked(Article article, Fingerprint print)
    {
        ThrowIfDisposed();
        if (_clusterer.TryDescribe(article.Id, out Verdict? existing))
        {
            return _clusterer.HeldForAnotherArticle(article) ? existing.AsIdReused() : existing;
        }

        long timestamp = article.Published?.UtcTicks ?? _time.GetUtcNow().UtcTicks;
        // Journal first: if the write fails nothing changes, and once it succeeded the article is acknowledged.
        _state?.JournalAdd(article, timestamp);

        Verdict verdict = _clusterer.Insert(article, print, timestamp);
        _state?.MaybeCheckpoint();
        return verdict;
    }
}

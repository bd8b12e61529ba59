using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Syndicate.Attribution;
using Syndicate.Cleaning;
using Syndicate.Clustering;
using Syndicate.Fingerprinting;
using Syndicate.Index;
using Syndicate.Sketches;

namespace Syndicate;

/// <summary>
/// Finds the reprints of news stories as articles stream in: call <see cref="Add"/> once per incoming article and learn
/// whether it is new or a copy of a story already seen, which cluster it belongs to, which copy is canonical and who
/// carried it.
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
public sealed partial class SyndicationEngine
{
    private readonly Lock _lock = new();
    private readonly Fingerprinter _fingerprinter;
    private readonly IClusterStore _store;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly List<int> _candidates = [];
    private readonly List<Link> _links = [];
    private readonly Comparison<Link> _byScoreThenArrival;
    private readonly int _k;
    private long _newestTimestamp = long.MinValue;
    private long _lastWindowEviction = long.MinValue;

    /// <summary>Creates an engine.</summary>
    /// <param name="options">Settings; <see cref="SyndicationOptions.Default"/> when null.</param>
    /// <param name="logger">Receives debug events (canonical changes, merges, evictions).</param>
    /// <param name="timeProvider">The clock used to time-stamp articles without a publication time.</param>
    public SyndicationEngine(SyndicationOptions? options = null, ILogger<SyndicationEngine>? logger = null, TimeProvider? timeProvider = null)
    {
        Options = options ?? SyndicationOptions.Default;
        Options.Validate();
        Lsh = Options.ResolveLsh();
        _k = Options.SignatureLength;
        _fingerprinter = new Fingerprinter(Options);
        _byScoreThenArrival = CompareLinks;
        _store = new InMemoryClusterStore(Options, Lsh);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
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
                return _store.Documents.Count;
            }
        }
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

    /// <summary>
    /// Adds many articles: fingerprints them in parallel, then inserts them in the given order. The verdicts and
    /// clusters are exactly those of calling <see cref="Add"/> for each article in turn.
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

    /// <summary>Tells what <see cref="Add"/> would decide, without inserting anything.</summary>
    public Verdict Query(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        Fingerprint print = _fingerprinter.Compute(article);
        lock (_lock)
        {
            ulong sourceKey = _store.Boilerplate.SourceKey(article.Source);
            print = ApplyLearnedBoilerplate(article, print, sourceKey);
            Link? best = FindBest(print, out List<ClusterState>? _);
            Dateline? dateline = print.Cleaned.Dateline;
            if (best is not { } link)
            {
                return new Verdict(article.Id, Relation.Original, 0, article.Id, 1.0, null, false, null, WireOf(print), dateline, 0, inserted: false);
            }

            ClusterState cluster = _store.Documents.Cluster(link.Handle);
            int canonical = cluster.Canonical;
            double similarity = RelateToHandle(print, canonical).Similarity;
            return new Verdict(article.Id, link.Relation, cluster.Id, _store.Documents.Info(canonical).Id, similarity,
                _store.Documents.Info(link.Handle).Id, false, null, cluster.Wire ?? WireOf(print), dateline, cluster.Members.Count, inserted: false);
        }
    }

    /// <summary>Removes an article. Returns false if no article has that id.</summary>
    public bool Remove(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_lock)
        {
            if (!_store.TryGetHandle(id, out int handle))
            {
                return false;
            }

            JournalRemove(id);
            RemoveLocked(handle);
            return true;
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
            JournalEvict(cutoff.UtcTicks);
            return EvictLocked(cutoff.UtcTicks);
        }
    }

    /// <summary>A snapshot of one cluster, or null if no cluster has that id.</summary>
    public Cluster? GetCluster(long clusterId)
    {
        lock (_lock)
        {
            ClusterState? state = _store.GetCluster(clusterId);
            return state is null ? null : Snapshot(state);
        }
    }

    /// <summary>A snapshot of the cluster holding an article, or null if no article has that id.</summary>
    public Cluster? GetClusterOf(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        lock (_lock)
        {
            return _store.TryGetHandle(articleId, out int handle) ? Snapshot(_store.Documents.Cluster(handle)) : null;
        }
    }

    /// <summary>Snapshots of every cluster with at least <paramref name="minSize"/> members, in order of creation.</summary>
    public IReadOnlyList<Cluster> GetClusters(int minSize = 1)
    {
        lock (_lock)
        {
            var result = new List<Cluster>();
            foreach (ClusterState state in _store.Clusters.OrderBy(c => c.Id))
            {
                if (state.Members.Count >= minSize)
                {
                    result.Add(Snapshot(state));
                }
            }

            return result;
        }
    }

    /// <summary>The size of the engine's state now.</summary>
    public EngineStatistics GetStatistics()
    {
        lock (_lock)
        {
            return new EngineStatistics(_store.Documents.Count, _store.ClusterCount, _store.Documents.EstimatedBytes, _store.IndexBytes, _store.Boilerplate.Count);
        }
    }

    private Verdict AddLocked(Article article, Fingerprint print, long? replayTimestamp = null)
    {
        DocumentTable docs = _store.Documents;
        if (_store.TryGetHandle(article.Id, out int existing))
        {
            return Describe(existing, inserted: false);
        }

        long timestamp = replayTimestamp ?? article.Published?.UtcTicks ?? _time.GetUtcNow().UtcTicks;
        // Journal first: if the write fails nothing changes, and once it succeeded the article is acknowledged.
        JournalAdd(article, timestamp);

        ulong sourceKey = _store.Boilerplate.SourceKey(article.Source);
        print = ApplyLearnedBoilerplate(article, print, sourceKey);
        Link? best = FindBest(print, out List<ClusterState>? joinable);
        var info = new DocumentInfo(article.Id, article.Source, article.Url, article.Published, _store.NextSequence)
        {
            Wire = WireOf(print),
            DatelineOutlet = print.Cleaned.Dateline?.Outlet,
            IsTruncated = print.Cleaned.HadContinuationMarker,
        };
        info.IsWireCopy = IsWireCopy(article.Source, info.Wire);
        int handle = _store.Insert(print, info, timestamp);

        ClusterState cluster;
        bool canonicalChanged;
        string? previousCanonical = null;
        if (best is not { } link)
        {
            cluster = _store.CreateCluster(handle);
            info.JoinRelation = Relation.Original;
            info.JoinSimilarity = 1.0;
            canonicalChanged = true;
            RetainCanonicalText(cluster, article, print);
        }
        else
        {
            cluster = docs.Cluster(link.Handle);
            info.JoinRelation = link.Relation;
            info.JoinSimilarity = link.Similarity;
            info.MatchedId = docs.Info(link.Handle).Id;
            if (link.Relation == Relation.Partial)
            {
                // The shorter copy of a partial pair is incomplete: it must not stay canonical over the full story.
                if (print.ShingleCount < docs.ShingleCount(link.Handle))
                {
                    info.IsTruncated = true;
                }
                else
                {
                    docs.Info(link.Handle).IsTruncated = true;
                }
            }

            int before = cluster.Canonical;
            cluster.Members.Add(handle);
            docs.SetCluster(handle, cluster);
            MergeJoinable(cluster, joinable);
            ElectCanonical(cluster, handle, article, print);
            canonicalChanged = cluster.Canonical != before;
            if (canonicalChanged)
            {
                previousCanonical = docs.IsLive(before) ? docs.Info(before).Id : null;
                LogCanonicalChanged(_logger, cluster.Id, previousCanonical, docs.Info(cluster.Canonical).Id);
            }
        }

        cluster.Wire ??= info.Wire;
        if (docs.Info(cluster.Canonical).Wire is { } canonicalWire)
        {
            cluster.Wire = canonicalWire;
        }

        _store.Boilerplate.Observe(sourceKey, print.LineHashes, cluster.Id, timestamp);
        Verdict verdict = Describe(handle, inserted: true, canonicalChanged && best is not null, previousCanonical, print.Cleaned.Dateline);
        SlideWindow(timestamp);
        MaybeCheckpoint();
        return verdict;
    }

    private Fingerprint ApplyLearnedBoilerplate(Article article, Fingerprint print, ulong sourceKey)
    {
        BoilerplateLearner learner = _store.Boilerplate;
        if (!learner.AnyBoilerplate(sourceKey, print.LineHashes))
        {
            return print;
        }

        return _fingerprinter.Recompute(article, print, line => learner.IsBoilerplate(sourceKey, line));
    }

    /// <summary>
    /// The best verified match whose cluster accepts the article, and the other clusters that would accept it.
    /// </summary>
    private Link? FindBest(Fingerprint print, out List<ClusterState>? joinable)
    {
        joinable = null;
        DocumentTable docs = _store.Documents;
        if (_store.TryGetExact(print.ContentHash, out int exact) && !print.IsEmpty)
        {
            return new Link(exact, Relation.Duplicate, 1.0, 1.0);
        }

        _candidates.Clear();
        _store.FindCandidates(print, _candidates, Options.MaxCandidates);
        _links.Clear();
        foreach (int candidate in _candidates)
        {
            Link link = RelateToHandle(print, candidate);
            if (link.Relation != Relation.Original)
            {
                _links.Add(link);
            }
        }

        if (_links.Count == 0)
        {
            return null;
        }

        // Best first; equal scores fall back to arrival order so the choice never depends on hash-table layout.
        _links.Sort(_byScoreThenArrival);

        Link? best = null;
        foreach (Link link in _links)
        {
            ClusterState cluster = docs.Cluster(link.Handle);
            if (joinable is not null && joinable.Contains(cluster))
            {
                continue;
            }

            if (!PassesChainingGuard(print, link, cluster))
            {
                continue;
            }

            if (best is null)
            {
                best = link;
            }

            (joinable ??= []).Add(cluster);
        }

        return best;
    }

    /// <summary>Best link first; equal scores by arrival, so the order never depends on hash-table layout.</summary>
    private int CompareLinks(Link x, Link y)
    {
        int byScore = y.Score.CompareTo(x.Score);
        return byScore != 0 ? byScore : _store.Documents.Info(x.Handle).Sequence.CompareTo(_store.Documents.Info(y.Handle).Sequence);
    }

    /// <summary>The article must also resemble the cluster's canonical copy, not only the member it matched.</summary>
    private bool PassesChainingGuard(Fingerprint print, Link link, ClusterState cluster)
    {
        int canonical = cluster.Canonical;
        if (canonical == link.Handle || link.Relation == Relation.Duplicate)
        {
            return true;
        }

        Link toCanonical = RelateToHandle(print, canonical);
        if (toCanonical.Relation is Relation.Duplicate or Relation.Partial)
        {
            return true;
        }

        return toCanonical.Jaccard >= Options.ChainingThreshold;
    }

    /// <summary>Verifies an article against an indexed one. <see cref="Relation.Original"/> means no relation.</summary>
    private Link RelateToHandle(Fingerprint print, int handle)
    {
        DocumentTable docs = _store.Documents;
        if (print.IsEmpty || docs.ShingleCount(handle) == 0)
        {
            return new Link(handle, Relation.Original, 0, 0);
        }

        if (docs.ContentHash(handle) == print.ContentHash)
        {
            return new Link(handle, Relation.Duplicate, 1.0, 1.0);
        }

        return Relate(handle, print.Signature, print.ShingleCount, print.Lead, docs.Signature(handle), docs.ShingleCount(handle), docs.Lead(handle));
    }

    private Link RelateHandles(int a, int b)
    {
        DocumentTable docs = _store.Documents;
        if (docs.ContentHash(a) == docs.ContentHash(b))
        {
            return new Link(b, Relation.Duplicate, 1.0, 1.0);
        }

        if (docs.ShingleCount(a) == 0 || docs.ShingleCount(b) == 0)
        {
            return new Link(b, Relation.Original, 0, 0);
        }

        return Relate(b, docs.Signature(a), docs.ShingleCount(a), docs.Lead(a), docs.Signature(b), docs.ShingleCount(b), docs.Lead(b));
    }

    private Link Relate(int handle, ReadOnlySpan<byte> sigA, int sizeA, ReadOnlySpan<uint> leadA, ReadOnlySpan<byte> sigB, int sizeB, ReadOnlySpan<uint> leadB)
    {
        int equal = SignatureComparer.CountEqual(sigA, sigB);
        double jaccard = SimilarityEstimator.JaccardBBit(equal, _k, Fingerprint.SlotBits);
        double containment = SimilarityEstimator.Containment(jaccard, sizeA, sizeB);
        if (jaccard >= Options.SimilarityThreshold)
        {
            return new Link(handle, Relation.NearDuplicate, jaccard, containment);
        }

        if (containment >= Options.ContainmentThreshold
            && Math.Min(sizeA, sizeB) >= MinPartialShingles
            && LeadAgreement(leadA, leadB) >= MinLeadAgreement)
        {
            // Same opening and one held in the other: the shorter is the story's first part or a truncated reprint.
            // Copies of about the same length that pass this test are edited reprints, not parts.
            bool similarLength = Math.Min(sizeA, sizeB) >= SimilarLengthRatio * Math.Max(sizeA, sizeB);
            return new Link(handle, similarLength ? Relation.NearDuplicate : Relation.Partial, jaccard, containment);
        }

        return new Link(handle, Relation.Original, jaccard, containment);
    }

    /// <summary>A partial link needs at least this many shingles in the shorter copy: below it, containment estimates are noise.</summary>
    private const int MinPartialShingles = 12;

    /// <summary>Copies whose shingle counts are within this ratio are "the same length": a contained one is an edited reprint.</summary>
    private const double SimilarLengthRatio = 0.8;

    /// <summary>Share of the lead sketch two copies must have in common for a partial link.</summary>
    private const double MinLeadAgreement = 0.5;

    /// <summary>Shared values of two ascending lead sketches, over the smaller sketch's size.</summary>
    internal static double LeadAgreement(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return 0;
        }

        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)common / Math.Min(a.Length, b.Length);
    }

    private void MergeJoinable(ClusterState target, List<ClusterState>? joinable)
    {
        if (joinable is null)
        {
            return;
        }

        foreach (ClusterState other in joinable)
        {
            if (ReferenceEquals(other, target) || other.Members.Count == 0)
            {
                continue;
            }

            Link canonicals = RelateHandles(target.Canonical, other.Canonical);
            if (canonicals.Relation == Relation.Original)
            {
                continue;
            }

            DocumentTable docs = _store.Documents;
            foreach (int member in other.Members)
            {
                docs.SetCluster(member, target);
                target.Members.Add(member);
            }

            target.Members.Sort((x, y) => docs.Info(x).Sequence.CompareTo(docs.Info(y).Sequence));
            if (Options.CanonicalPolicy.Compare(Candidate(other.Canonical), Candidate(target.Canonical)) < 0)
            {
                target.Canonical = other.Canonical;
                target.CanonicalTitle = other.CanonicalTitle;
                target.CanonicalText = other.CanonicalText;
                target.CanonicalOriginalText = other.CanonicalOriginalText;
            }

            target.Wire ??= other.Wire;
            other.Members.Clear();
            _store.DeleteCluster(other);
            LogMerged(_logger, other.Id, target.Id);
        }
    }

    private void ElectCanonical(ClusterState cluster, int newcomer, Article article, Fingerprint print)
    {
        if (newcomer != cluster.Canonical && Options.CanonicalPolicy.Compare(Candidate(newcomer), Candidate(cluster.Canonical)) < 0)
        {
            cluster.Canonical = newcomer;
            RetainCanonicalText(cluster, article, print);
        }
    }

    private static void RetainCanonicalText(ClusterState cluster, Article article, Fingerprint print)
    {
        cluster.CanonicalTitle = article.Title;
        cluster.CanonicalText = print.Cleaned.Body;
        cluster.CanonicalOriginalText = article.Body;
    }

    private CanonicalCandidate Candidate(int handle)
    {
        DocumentInfo info = _store.Documents.Info(handle);
        return new CanonicalCandidate(info.Id, info.Source, info.Published, _store.Documents.ShingleCount(handle), info.IsWireCopy, info.IsTruncated, info.Sequence);
    }

    private void RemoveLocked(int handle)
    {
        DocumentTable docs = _store.Documents;
        ClusterState cluster = docs.Cluster(handle);
        cluster.Members.Remove(handle);
        bool wasCanonical = cluster.Canonical == handle;
        _store.Remove(handle);
        if (cluster.Members.Count == 0)
        {
            _store.DeleteCluster(cluster);
            return;
        }

        if (wasCanonical)
        {
            int best = cluster.Members[0];
            foreach (int member in cluster.Members)
            {
                if (Options.CanonicalPolicy.Compare(Candidate(member), Candidate(best)) < 0)
                {
                    best = member;
                }
            }

            cluster.Canonical = best;
            cluster.CanonicalTitle = null;
            cluster.CanonicalText = null;
            cluster.CanonicalOriginalText = null;
        }
    }

    private int EvictLocked(long cutoffTicks)
    {
        DocumentTable docs = _store.Documents;
        var doomed = new List<int>();
        for (int h = 0; h < docs.HighWater; h++)
        {
            if (docs.IsLive(h) && docs.Timestamp(h) < cutoffTicks)
            {
                doomed.Add(h);
            }
        }

        foreach (int h in doomed)
        {
            RemoveLocked(h);
        }

        _store.Boilerplate.Evict(cutoffTicks);
        if (doomed.Count > 0)
        {
            LogEvicted(_logger, doomed.Count, new DateTimeOffset(cutoffTicks, TimeSpan.Zero));
        }

        return doomed.Count;
    }

    private void SlideWindow(long timestamp)
    {
        if (Options.Window is not { } window)
        {
            return;
        }

        _newestTimestamp = Math.Max(_newestTimestamp, timestamp);
        long cutoff = _newestTimestamp - window.Ticks;
        // Evict in steps of a sixteenth of the window, so the scan cost is amortised over many articles.
        if (_lastWindowEviction == long.MinValue || cutoff - _lastWindowEviction >= window.Ticks / 16)
        {
            _lastWindowEviction = cutoff;
            EvictLocked(cutoff);
        }
    }

    private static WireAgency? WireOf(Fingerprint print) => print.Cleaned.Wire;

    private bool IsWireCopy(string source, WireAgency? credited)
    {
        WireAgency? own = Options.Gazetteer.Find(source);
        return own is not null && (credited is null || ReferenceEquals(credited, own) || credited.Name == own.Name);
    }

    private Verdict Describe(int handle, bool inserted, bool canonicalChanged = false, string? previousCanonical = null, Dateline? dateline = null)
    {
        DocumentTable docs = _store.Documents;
        DocumentInfo info = docs.Info(handle);
        ClusterState cluster = docs.Cluster(handle);
        double similarity = handle == cluster.Canonical ? 1.0 : RelateHandles(cluster.Canonical, handle).Similarity;
        return new Verdict(info.Id, info.JoinRelation, cluster.Id, docs.Info(cluster.Canonical).Id, similarity,
            info.MatchedId, canonicalChanged, previousCanonical, cluster.Wire, dateline, cluster.Members.Count, inserted);
    }

    private Cluster Snapshot(ClusterState state)
    {
        DocumentTable docs = _store.Documents;
        var members = new List<ClusterMember>(state.Members.Count);
        foreach (int h in state.Members)
        {
            DocumentInfo info = docs.Info(h);
            Relation relation;
            double similarity;
            if (h == state.Canonical)
            {
                relation = Relation.Original;
                similarity = 1.0;
            }
            else
            {
                Link link = RelateHandles(state.Canonical, h);
                relation = link.Relation == Relation.Original ? Relation.NearDuplicate : link.Relation;
                similarity = link.Similarity;
            }

            members.Add(new ClusterMember(info.Id, info.Source, info.Url, info.Published, relation, similarity, info.Wire?.Name, info.DatelineOutlet, info.Sequence));
        }

        return new Cluster(state.Id, docs.Info(state.Canonical).Id, state.Wire?.Name, state.CanonicalTitle, state.CanonicalText, state.CanonicalOriginalText, members);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cluster {ClusterId}: canonical {Previous} -> {Current}")]
    private static partial void LogCanonicalChanged(ILogger logger, long clusterId, string? previous, string current);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cluster {From} merged into {Into}")]
    private static partial void LogMerged(ILogger logger, long from, long into);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Evicted {Count} articles older than {Cutoff:O}")]
    private static partial void LogEvicted(ILogger logger, int count, DateTimeOffset cutoff);
}

using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Syndicate.Attribution;
using Syndicate.Cleaning;
using Syndicate.Fingerprinting;
using Syndicate.Sketches;

namespace Syndicate.Clustering;

/// <summary>
/// The streaming clustering algorithm behind <see cref="SyndicationEngine"/>: finds and verifies an article's matches,
/// chooses the cluster it joins (with the chaining guard), merges clusters on direct evidence, elects canonical copies,
/// removes and evicts. Not thread-safe: the engine serializes every call under its lock.
/// </summary>
/// <remarks>
/// A new article joins the cluster of its best verified match only if it also reaches
/// <see cref="SyndicationOptions.ChainingThreshold"/> against that cluster's canonical copy; otherwise the next best
/// match's cluster is tried, and failing all, the article starts a story of its own; a near-identical twin of the
/// match (<see cref="TwinJaccard"/>) joins it without that check. Two clusters merge only when the
/// new article verifies against members of both and the two canonical copies verify against each other.
/// </remarks>
internal sealed partial class StoryClusterer
{
    private readonly SyndicationOptions _options;
    private readonly Fingerprinter _fingerprinter;
    private readonly IClusterStore _store;
    private readonly ILogger _logger;
    private readonly List<int> _candidates = [];
    private readonly List<Link> _links = [];
    private readonly Comparison<Link> _byScoreThenArrival;
    private readonly PairVerifier _verifier;

    public StoryClusterer(SyndicationOptions options, Fingerprinter fingerprinter, IClusterStore store, ILogger logger)
    {
        _options = options;
        _fingerprinter = fingerprinter;
        _store = store;
        _logger = logger;
        _verifier = new PairVerifier(options);
        _byScoreThenArrival = CompareLinks;
    }

    /// <summary>The one pair decision every caller uses.</summary>
    public PairVerifier Verifier => _verifier;

    /// <summary>The indexed articles, clusters and learned boilerplate.</summary>
    public IClusterStore Store => _store;

    /// <summary>The newest article timestamp seen (ticks), for the sliding window; persisted with the state.</summary>
    public long NewestTimestamp { get; set; } = long.MinValue;

    /// <summary>The cutoff (ticks) of the last window eviction; persisted with the state.</summary>
    public long LastWindowEviction { get; set; } = long.MinValue;

    public int Count => _store.Documents.Count;

    /// <summary>
    /// Whether <see cref="Insert"/> slides the window (true). A shared store loads only part of the state for one
    /// insert and evicts across all of it separately.
    /// </summary>
    public bool SlidesWindow { get; init; } = true;

    /// <summary>
    /// Whether the store holds every article (true), so that an article it does not hold is gone. A shared store's view
    /// holds part of the state: there a carrier it did not load is kept, not dropped as removed.
    /// </summary>
    public bool HoldsWholeState { get; init; } = true;

    public bool Contains(string id) => _store.TryGetHandle(id, out _);

    /// <summary>The verdict an article already held got when it was added, if one has that id.</summary>
    public bool TryDescribe(string id, [NotNullWhen(true)] out Verdict? verdict)
    {
        if (_store.TryGetHandle(id, out int existing))
        {
            verdict = DescribeArrival(existing);
            return true;
        }

        verdict = null;
        return false;
    }

    /// <summary>
    /// True when an article with <paramref name="article"/>'s id is held and is another article: one from another
    /// source, or added with another title or body (as far as the state knows: a copy restored from an older state has
    /// no text hash, and its text never differs).
    /// </summary>
    public bool HeldForAnotherArticle(Article article)
    {
        if (!_store.TryGetHandle(article.Id, out int handle))
        {
            return false;
        }

        DocumentInfo info = _store.Documents.Info(handle);
        if (!string.Equals(info.Source, article.Source, StringComparison.Ordinal))
        {
            // Two outlets whose ids collide (numbered files, numeric ids): the second is a copy, not the first again.
            return true;
        }

        ulong held = info.TextHash;
        return held != 0 && held != article.TextHash;
    }

    /// <summary>Inserts an article not yet held (the caller checked its id), clusters it and slides the window.</summary>
    public Verdict Insert(Article article, Fingerprint print, long timestamp)
    {
        DocumentTable docs = _store.Documents;
        ulong sourceKey = _store.Boilerplate.SourceKey(article.Source);
        print = ApplyLearnedBoilerplate(article, print, sourceKey);
        Link? best = FindBest(print, out List<ClusterState>? joinable);
        WireAgency? credited = WireOf(print);
        var info = new DocumentInfo(article.Id, article.Source, article.Url, article.Published, _store.NextSequence)
        {
            // A wire's own item credits it even without a dateline (SPA's continuation parts carry none).
            Wire = credited ?? _options.Gazetteer.Find(article.Source),
            DatelineOutlet = print.Cleaned.Dateline?.Outlet,
            IsTruncated = print.Cleaned.HadContinuationMarker,
            TextHash = article.TextHash,
        };
        info.IsWireCopy = IsWireCopy(article.Source, credited);
        int handle = _store.Insert(print, info, timestamp);

        ClusterState cluster;
        bool canonicalChanged;
        string? previousCanonical = null;
        List<long>? carried = null;
        if (best is not { } link)
        {
            cluster = _store.CreateCluster(handle);
            info.JoinRelation = Relation.Original;
            info.JoinSimilarity = 1.0;
            info.StartedStory = true;
            canonicalChanged = true;
            RetainCanonicalText(cluster, article, print);
        }
        else
        {
            cluster = docs.Cluster(link.Handle);
            Record(info, link.Pair, docs.Info(link.Handle).Id);
            // The pair's answer is symmetric: a copy that started its story and had matched nobody records it too.
            Record(docs.Info(link.Handle), link.Pair, article.Id);
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
            carried = RecordCarriers(print, info, cluster);
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
        info.ArrivalCarries = carried?.ToArray();
        Verdict verdict = Describe(handle, inserted: true, canonicalChanged && best is not null, previousCanonical, print.Cleaned.Dateline, info.ArrivalCarries);
        info.ArrivalClusterId = verdict.ClusterId;
        info.ArrivalCanonicalId = verdict.CanonicalId == info.Id ? null : verdict.CanonicalId;
        info.ArrivalWire = verdict.Wire;
        SlideWindow(timestamp);
        return verdict;
    }

    /// <summary>What <see cref="Insert"/> would decide, without changing anything.</summary>
    public Verdict Query(Article article, Fingerprint print)
    {
        ulong sourceKey = _store.Boilerplate.SourceKey(article.Source);
        print = ApplyLearnedBoilerplate(article, print, sourceKey);
        Link? best = FindBest(print, out List<ClusterState>? _);
        Dateline? dateline = print.Cleaned.Dateline;
        if (best is not { } link)
        {
            return new Verdict(article.Id, Relation.Original, 0, article.Id, 1.0, null, false, null, WireOf(print), dateline, 0, inserted: false);
        }

        DocumentTable docs = _store.Documents;
        ClusterState cluster = docs.Cluster(link.Handle);
        return new Verdict(article.Id, link.Relation, cluster.Id, docs.Info(cluster.Canonical).Id, link.Similarity,
            docs.Info(link.Handle).Id, false, null, cluster.Wire ?? WireOf(print), dateline, cluster.Members.Count, inserted: false);
    }

    /// <summary>Removes an article; false if none has that id.</summary>
    public bool Remove(string id)
    {
        if (!_store.TryGetHandle(id, out int handle))
        {
            return false;
        }

        RemoveLocked(handle);
        return true;
    }

    /// <summary>Removes every article older than the cutoff (ticks) and the boilerplate statistics not seen since.</summary>
    public int Evict(long cutoffTicks) => EvictLocked(cutoffTicks);

    public Cluster? GetCluster(long clusterId)
    {
        ClusterState? state = _store.GetCluster(clusterId);
        return state is null ? null : Snapshot(state);
    }

    public Cluster? GetClusterOf(string articleId) =>
        _store.TryGetHandle(articleId, out int handle) ? Snapshot(_store.Documents.Cluster(handle)) : null;

    public IReadOnlyList<Cluster> GetClusters(int minSize)
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

    public EngineStatistics GetStatistics() =>
        new(_store.Documents.Count, _store.ClusterCount, _store.Documents.EstimatedBytes, _store.IndexBytes, _store.Boilerplate.Count, _store.Documents.OtherRevisionCount);

    /// <summary>
    /// Leaves the source's learned boilerplate paragraphs out of a fingerprint. Which paragraphs are boilerplate is only
    /// known under the lock (the statistics change with every insert), so an article that carries any is normalized,
    /// shingled and sketched a second time here, inside the lock. Most articles carry none and pay one hash lookup per
    /// paragraph. Moving the second pass out would take a version stamp on the learner and a retry when it moved
    /// between the unlocked pass and the insert; it is left for when a profile shows that pass to matter.
    /// </summary>
    private Fingerprint ApplyLearnedBoilerplate(Article article, Fingerprint print, ulong sourceKey)
    {
        BoilerplateLearner learner = _store.Boilerplate;
        return learner.AnyBoilerplate(sourceKey, print.LineHashes) ? WithoutBoilerplate(article, print, learner, sourceKey) : print;
    }

    // Apart from ApplyLearnedBoilerplate so that the lambda's captured state is allocated only for an article that has
    // learned boilerplate, not for every insert.
    private Fingerprint WithoutBoilerplate(Article article, Fingerprint print, BoilerplateLearner learner, ulong sourceKey) =>
        _fingerprinter.Recompute(article, print, line => learner.IsBoilerplate(sourceKey, line));

    /// <summary>
    /// The best verified match whose cluster accepts the article, and the other clusters that would accept it.
    /// </summary>
    private Link? FindBest(Fingerprint print, out List<ClusterState>? joinable)
    {
        joinable = null;
        // Both lists describe this insert only (RecordCarriers reads them after it), also when an exact copy skips the search.
        _links.Clear();
        _candidates.Clear();
        DocumentTable docs = _store.Documents;
        if (_store.TryGetExact(print.ContentHash, out int exact) && !print.IsEmpty)
        {
            return RelateToHandle(print, exact);
        }

        _store.FindCandidates(print, _candidates, _options.MaxCandidates);
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

        if (IsTwin(link))
        {
            // A near-identical copy goes where its twin is, even if the story's canonical copy reads differently.
            return true;
        }

        Link toCanonical = RelateToHandle(print, canonical);
        if (toCanonical.Relation != Relation.Original)
        {
            return true;
        }

        if (link.Rewrite)
        {
            // A rewrite joins a story only through the story itself.
            return false;
        }

        // Not a verified match of the canonical copy, but close enough to it, and not a later instance of a template.
        return toCanonical.Jaccard >= _options.ChainingThreshold
            && !PairVerifier.IsTemplateGap(print.Article?.Published, _store.Documents.Info(canonical).Published);
    }

    /// <summary>
    /// Estimated Jaccard similarity at which a near-duplicate is a twin of the copy it matched: it joins that copy's
    /// story without the chaining guard's check against the canonical copy.
    /// </summary>
    /// <remarks>
    /// Without it, a copy whose story's canonical copy reads differently (a cluster opened by a related article, such as
    /// the phone call that preceded a meeting) starts a story of its own beside its near-identical twin. On the judged
    /// SaudiNewsNet pairs, joining twins at 0.7 or 0.8 raised recall from 0.642 to 0.655 with precision 0.948 to 0.949;
    /// at 0.6 precision fell to 0.944. COUNTER and the generated hard negatives did not change. 0.7 rather than 0.8:
    /// the b-bit estimate spreads by about ±0.05, and at 0.8 one pair of copies with an exact Jaccard of 0.87
    /// (<c>snn-2015-08-08-00494</c>, <c>snn-2015-08-08-00667</c>, estimated 0.796) was left in two stories; at 0.7 no
    /// pair of copies with an exact Jaccard of 0.8 or more within 36 hours is split on SaudiNewsNet or ANT, and the
    /// judged estimates do not move.
    /// <para>Twins are joined across the template gap too. A near-duplicate more than 36 hours after its match is one
    /// only if it mentions the same numbers (<see cref="PairVerifier.IsLaterInstance"/>): a re-run of the release, which
    /// the story's canonical copy cannot vouch for when it is a longer text (a roundup that carried the release), since
    /// across the gap only near-duplicates are linked. On SaudiNewsNet that moved 24 late re-runs into the story of their
    /// twin, and 3 copies of an execution statement without numbers into another day's (judged recall 0.704 → 0.710,
    /// precision unchanged; ANT, COUNTER and the generated corpora unchanged):
    /// <c>benchmarks/results/twins-across-the-gap.md</c>.</para>
    /// </remarks>
    internal const double TwinJaccard = 0.7;

    private static bool IsTwin(in Link link) =>
        link.Relation == Relation.NearDuplicate && !link.Rewrite && link.Pair.Jaccard >= TwinJaccard;

    /// <summary>The verifier's answer on an article and an indexed one. <see cref="Relation.Original"/> means no relation.</summary>
    private Link RelateToHandle(Fingerprint print, int handle) =>
        new(handle, _verifier.Verify(PairSide.Of(print), PairSide.Of(_store.Documents, handle)));

    /// <summary>The verifier's answer on two indexed articles, about <paramref name="b"/>.</summary>
    private Link RelateHandles(int a, int b) =>
        new(b, _verifier.Verify(PairSide.Of(_store.Documents, a), PairSide.Of(_store.Documents, b)));

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
            if (canonicals.Relation == Relation.Original || canonicals.Rewrite)
            {
                continue;
            }

            DocumentTable docs = _store.Documents;
            // The merged story joins through its canonical copy, matched with this one's.
            Record(docs.Info(other.Canonical), canonicals.Pair, docs.Info(target.Canonical).Id);
            foreach (int member in other.Members)
            {
                docs.SetCluster(member, target);
                target.Members.Add(member);
            }

            target.Members.Sort((x, y) => docs.Info(x).Sequence.CompareTo(docs.Info(y).Sequence));
            if (_options.CanonicalPolicy.Compare(Candidate(other.Canonical), Candidate(target.Canonical)) < 0)
            {
                target.Canonical = other.Canonical;
                target.CanonicalTitle = other.CanonicalTitle;
                target.CanonicalText = other.CanonicalText;
                target.CanonicalOriginalText = other.CanonicalOriginalText;
            }

            target.Wire ??= other.Wire;
            MoveCarriers(other, target);
            other.Members.Clear();
            _store.DeleteCluster(other);
            LogMerged(_logger, other.Id, target.Id);
        }
    }

    /// <summary>
    /// Stores how a member joined its story: the verifier's answer against the copy it matched. Set once, when the
    /// member is first matched (when it arrives, or for a copy that started a story, when the first copy matches it),
    /// and never recomputed.
    /// </summary>
    private static void Record(DocumentInfo member, PairVerdict pair, string matchedId)
    {
        if (member.MatchedId is not null)
        {
            return;
        }

        member.JoinRelation = pair.Relation;
        member.JoinSimilarity = pair.Similarity;
        member.MatchedId = matchedId;
    }

    /// <summary>
    /// A member's relation, similarity and match as reported: the stored answer, except that the copy that started the
    /// story is its original (no match) while it is canonical.
    /// </summary>
    private static (Relation Relation, double Similarity, string? MatchedId) JoinRecord(DocumentInfo info, bool canonical) =>
        info.StartedStory && canonical ? (Relation.Original, 1.0, null) : (info.JoinRelation, info.JoinSimilarity, info.MatchedId);

    private void ElectCanonical(ClusterState cluster, int newcomer, Article article, Fingerprint print)
    {
        if (newcomer != cluster.Canonical && _options.CanonicalPolicy.Compare(Candidate(newcomer), Candidate(cluster.Canonical)) < 0)
        {
            cluster.Canonical = newcomer;
            RetainCanonicalText(cluster, article, print);
        }
    }

    private static void RetainCanonicalText(ClusterState cluster, Article article, Fingerprint print)
    {
        cluster.CanonicalTitle = article.Title;
        cluster.CanonicalText = print.Cleaned.Body;
        cluster.HoldCanonicalOriginalText(article, print);
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
                if (_options.CanonicalPolicy.Compare(Candidate(member), Candidate(best)) < 0)
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
        if (_options.Window is not { } window || !SlidesWindow)
        {
            return;
        }

        NewestTimestamp = Math.Max(NewestTimestamp, timestamp);
        long cutoff = NewestTimestamp - window.Ticks;
        // Evict in steps of a sixteenth of the window, so the scan cost is amortised over many articles.
        if (LastWindowEviction == long.MinValue || cutoff - LastWindowEviction >= window.Ticks / 16)
        {
            LastWindowEviction = cutoff;
            EvictLocked(cutoff);
        }
    }

    private static WireAgency? WireOf(Fingerprint print) => print.Cleaned.Wire;

    private bool IsWireCopy(string source, WireAgency? credited)
    {
        WireAgency? own = _options.Gazetteer.Find(source);
        return own is not null && (credited is null || ReferenceEquals(credited, own) || credited.Name == own.Name);
    }

    private Verdict Describe(int handle, bool inserted, bool canonicalChanged = false, string? previousCanonical = null, Dateline? dateline = null, IReadOnlyList<long>? carried = null)
    {
        DocumentTable docs = _store.Documents;
        DocumentInfo info = docs.Info(handle);
        ClusterState cluster = docs.Cluster(handle);
        (Relation relation, double similarity, string? matched) = JoinRecord(info, handle == cluster.Canonical);
        return new Verdict(info.Id, relation, cluster.Id, docs.Info(cluster.Canonical).Id, similarity,
            matched, canonicalChanged, previousCanonical, cluster.Wire, dateline, cluster.Members.Count, inserted)
        {
            CarriedClusterIds = carried ?? [],
        };
    }

    /// <summary>
    /// The verdict a held article got when it was added: its relation, similarity and match, the cluster and canonical
    /// copy and wire as they were then. <see cref="Verdict.ClusterSize"/> is the size of the cluster holding it now.
    /// </summary>
    private Verdict DescribeArrival(int handle)
    {
        DocumentTable docs = _store.Documents;
        DocumentInfo info = docs.Info(handle);
        if (info.ArrivalClusterId == 0)
        {
            return Describe(handle, inserted: false);
        }

        (Relation relation, double similarity, string? matched) = info.StartedStory
            ? (Relation.Original, 1.0, null)
            : (info.JoinRelation, info.JoinSimilarity, info.MatchedId);
        return new Verdict(info.Id, relation, info.ArrivalClusterId, info.ArrivalCanonicalId ?? info.Id, similarity,
            matched, false, null, info.ArrivalWire, null, docs.Cluster(handle).Members.Count, inserted: false)
        {
            CarriedClusterIds = info.ArrivalCarries ?? [],
        };
    }

    /// <summary>A member as reported, from its stored record (<see cref="JoinRecord"/>).</summary>
    internal static ClusterMember Member(DocumentInfo info, bool canonical)
    {
        (Relation relation, double similarity, string? matched) = JoinRecord(info, canonical);
        return new ClusterMember(info.Id, info.Source, info.Url, info.Published, relation, similarity, matched,
            canonical, info.Wire?.Name, info.DatelineOutlet, info.Sequence);
    }

    private Cluster Snapshot(ClusterState state)
    {
        DocumentTable docs = _store.Documents;
        var members = new List<ClusterMember>(state.Members.Count);
        foreach (int h in state.Members)
        {
            members.Add(Member(docs.Info(h), h == state.Canonical));
        }

        return new Cluster(state.Id, docs.Info(state.Canonical).Id, state.Wire?.Name, state.CanonicalTitle, state.CanonicalText, state.CanonicalOriginalText, members, Carriers(state));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cluster {ClusterId}: canonical {Previous} -> {Current}")]
    private static partial void LogCanonicalChanged(ILogger logger, long clusterId, string? previous, string current);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cluster {From} merged into {Into}")]
    private static partial void LogMerged(ILogger logger, long from, long into);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Evicted {Count} articles older than {Cutoff:O}")]
    private static partial void LogEvicted(ILogger logger, int count, DateTimeOffset cutoff);
}

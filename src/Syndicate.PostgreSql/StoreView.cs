using Microsoft.Extensions.Logging;
using Syndicate.Cleaning;
using Syndicate.Clustering;
using Syndicate.Fingerprinting;
using Syndicate.Index;

namespace Syndicate.PostgreSql;

/// <summary>
/// The part of a shared store one change reads: the clusters it may touch, with all their members, loaded into an
/// <see cref="InMemoryClusterStore"/> so that the engine's own <see cref="StoryClusterer"/> decides exactly as it would in
/// one process; afterwards <see cref="Changes"/> lists the rows to write back.
/// </summary>
/// <remarks>
/// The loaded articles are indexed in sequence order, so each band of the local indexes holds them in the order the
/// in-memory store would: the candidates the clusterer finds here are the ones it would find over the whole state, as
/// long as the rows loaded include every article posted under the new article's keys (the newest of each key up to the
/// depth the clusterer reads) and every member of their clusters.
/// </remarks>
internal sealed class StoreView
{
    private readonly SyndicationOptions _options;
    private readonly InMemoryClusterStore _store;
    private readonly ArticleRow[] _rows;
    private readonly Dictionary<long, ClusterBefore> _clustersBefore = [];

    private StoreView(SyndicationOptions options, LshParameters lsh, Fingerprinter fingerprinter, ILogger logger, List<ArticleRow> rows, IReadOnlyList<ClusterRow> clusters)
    {
        _options = options;
        rows.Sort(static (x, y) => x.Sequence.CompareTo(y.Sequence));
        _rows = [.. rows];
        _store = new InMemoryClusterStore(options, lsh, Math.Max(16, _rows.Length + 1));
        Clusterer = new StoryClusterer(options, fingerprinter, _store, logger) { SlidesWindow = false, HoldsWholeState = false };
        var handleOf = new Dictionary<long, int>(_rows.Length);
        for (int h = 0; h < _rows.Length; h++)
        {
            ArticleRow row = _rows[h];
            _store.Documents.Restore(h, row.Signature, row.Evidence, row.Lead, row.ShingleCount, row.ContentHash, row.Info, row.Timestamp);
            _store.IndexDocument(h);
            handleOf.Add(row.Sequence, h);
        }

        var members = new Dictionary<long, List<int>>();
        for (int h = 0; h < _rows.Length; h++)
        {
            if (!members.TryGetValue(_rows[h].ClusterId, out List<int>? list))
            {
                members.Add(_rows[h].ClusterId, list = []);
            }

            list.Add(h);
        }

        foreach (ClusterRow cluster in clusters)
        {
            if (!members.TryGetValue(cluster.Id, out List<int>? list) || !handleOf.TryGetValue(cluster.CanonicalSequence, out int canonical))
            {
                throw new StoreConflictException($"cluster {cluster.Id} changed while it was read");
            }

            var state = new ClusterState(cluster.Id, canonical, list)
            {
                Wire = Storage.StateSnapshot.ResolveWire(options, cluster.Wire),
                CanonicalTitle = cluster.CanonicalTitle,
                CanonicalText = cluster.CanonicalText,
                CanonicalOriginalText = cluster.CanonicalOriginalText,
                Carriers = cluster.Carriers,
            };
            _store.RestoreCluster(state);
            _clustersBefore.Add(cluster.Id, new ClusterBefore(state));
        }

        if (members.Count != clusters.Count)
        {
            throw new StoreConflictException("an article's cluster changed while it was read");
        }

        Before = new RowBefore[_rows.Length];
        for (int h = 0; h < _rows.Length; h++)
        {
            Before[h] = new RowBefore(_rows[h].Info, _rows[h].ClusterId);
        }
    }

    /// <summary>The engine's clustering over the loaded rows (it never slides the window: the store evicts apart).</summary>
    public StoryClusterer Clusterer { get; }

    public BoilerplateLearner Boilerplate => _store.Boilerplate;

    private RowBefore[] Before { get; }

    /// <summary>Loads the rows; throws <see cref="StoreConflictException"/> if they are not one consistent set.</summary>
    public static StoreView Load(SyndicationOptions options, LshParameters lsh, Fingerprinter fingerprinter, ILogger logger, List<ArticleRow> rows, IReadOnlyList<ClusterRow> clusters) =>
        new(options, lsh, fingerprinter, logger, rows, clusters);

    /// <summary>Makes the next insert's sequence and new cluster id the ones the database handed out.</summary>
    public void PrepareInsert(long sequence, long clusterId)
    {
        _store.SetNextSequence(sequence);
        _store.NextClusterId = clusterId;
    }

    /// <summary>What changed since the rows were loaded.</summary>
    public ViewChanges Changes(LshParameters lsh)
    {
        var changes = new ViewChanges();
        DocumentTable docs = _store.Documents;
        for (int h = 0; h < _rows.Length; h++)
        {
            if (!docs.IsLive(h))
            {
                changes.DeletedArticles.Add(_rows[h]);
                continue;
            }

            DocumentInfo info = docs.Info(h);
            long cluster = docs.Cluster(h).Id;
            if (Before[h] != new RowBefore(info, cluster))
            {
                changes.UpdatedArticles.Add((_rows[h].Sequence, cluster, info));
            }
        }

        for (int h = _rows.Length; h < docs.HighWater; h++)
        {
            if (docs.IsLive(h))
            {
                DocumentInfo info = docs.Info(h);
                ReadOnlySpan<uint> lead = docs.Lead(h);
                changes.InsertedArticles.Add(new InsertedArticle(
                    new ArticleRow
                    {
                        Sequence = info.Sequence,
                        Info = info,
                        Timestamp = docs.Timestamp(h),
                        ContentHash = docs.ContentHash(h),
                        ShingleCount = docs.ShingleCount(h),
                        Signature = docs.Signature(h).ToArray(),
                        Lead = lead.ToArray(),
                        Evidence = docs.Evidence(h).ToArray(),
                        ClusterId = docs.Cluster(h).Id,
                    },
                    PostingKeys.Of(lsh, docs.ShingleCount(h), docs.Signature(h), lead, docs.Evidence(h))));
            }
        }

        var live = new HashSet<long>();
        foreach (ClusterState cluster in _store.Clusters)
        {
            live.Add(cluster.Id);
            var now = new ClusterBefore(cluster);
            bool known = _clustersBefore.TryGetValue(cluster.Id, out ClusterBefore? before);
            if (!known || !before!.SameAs(now))
            {
                ClusterWrite write = Write(cluster, textChanged: !known || !before!.SameTextAs(now));
                (known ? changes.UpdatedClusters : changes.CreatedClusters).Add(write);
            }
        }

        foreach (long id in _clustersBefore.Keys)
        {
            if (!live.Contains(id))
            {
                changes.DeletedClusters.Add(id);
            }
        }

        return changes;
    }

    private ClusterWrite Write(ClusterState cluster, bool textChanged)
    {
        DocumentTable docs = _store.Documents;
        var outlets = new SortedSet<string>(StringComparer.Ordinal);
        foreach (int member in cluster.Members)
        {
            outlets.Add(docs.Info(member).Source);
        }

        return new ClusterWrite(cluster.Id, docs.Info(cluster.Canonical).Sequence, cluster.Members.Count, cluster.Wire?.Name, [.. outlets],
            cluster.CanonicalTitle, cluster.CanonicalText, cluster.CanonicalOriginalText, textChanged,
            cluster.Carriers is { Count: > 0 } carriers ? Storage.StateSnapshot.EncodeCarriers(carriers) : null);
    }

    /// <summary>The columns of an article row that a change can touch.</summary>
    private readonly record struct RowBefore(long Cluster, short Flags, Relation Relation, double Similarity, string? Matched)
    {
        public RowBefore(DocumentInfo info, long cluster)
            : this(cluster, ArticleRow.Flags(info), info.JoinRelation, info.JoinSimilarity, info.MatchedId)
        {
        }
    }

    private sealed class ClusterBefore(ClusterState state)
    {
        private readonly int _canonical = state.Canonical;
        private readonly int _size = state.Members.Count;
        private readonly string? _wire = state.Wire?.Name;
        private readonly string? _title = state.CanonicalTitle;
        private readonly string? _text = state.CanonicalText;
        private readonly string? _original = state.CanonicalOriginalText;
        private readonly CarrierRecord[] _carriers = state.Carriers is { } carriers ? [.. carriers] : [];

        public bool SameAs(ClusterBefore other) =>
            _canonical == other._canonical && _size == other._size && _wire == other._wire && SameTextAs(other)
            && _carriers.AsSpan().SequenceEqual(other._carriers);

        public bool SameTextAs(ClusterBefore other) =>
            ReferenceEquals(_title, other._title) && ReferenceEquals(_text, other._text) && ReferenceEquals(_original, other._original);
    }
}

/// <summary>A new article's row and the keys it is posted under.</summary>
internal sealed record InsertedArticle(ArticleRow Row, PostingKeys Keys);

/// <summary>A cluster row to insert or update; an update leaves the canonical texts alone unless <paramref name="TextChanged"/>.</summary>
internal sealed record ClusterWrite(long Id, long CanonicalSequence, int Size, string? Wire, string[] Outlets, string? Title, string? Text, string? OriginalText, bool TextChanged, byte[]? Carriers);

/// <summary>The rows a change writes back.</summary>
internal sealed class ViewChanges
{
    public List<InsertedArticle> InsertedArticles { get; } = [];

    public List<(long Sequence, long Cluster, DocumentInfo Info)> UpdatedArticles { get; } = [];

    public List<ArticleRow> DeletedArticles { get; } = [];

    public List<ClusterWrite> CreatedClusters { get; } = [];

    public List<ClusterWrite> UpdatedClusters { get; } = [];

    public List<long> DeletedClusters { get; } = [];
}

/// <summary>The rows read were changed by another worker in between; the transaction is retried.</summary>
internal sealed class StoreConflictException(string message) : Exception(message);

using Syndicate.Attribution;

namespace Syndicate;

/// <summary>What the engine decided about one article.</summary>
public sealed class Verdict
{
    internal Verdict(string articleId, Relation relation, long clusterId, string canonicalId, double similarity, string? matchedId, bool canonicalChanged, string? previousCanonicalId, WireAgency? wire, Dateline? dateline, int clusterSize, bool inserted)
    {
        ArticleId = articleId;
        Relation = relation;
        ClusterId = clusterId;
        CanonicalId = canonicalId;
        Similarity = similarity;
        MatchedId = matchedId;
        CanonicalChanged = canonicalChanged;
        PreviousCanonicalId = previousCanonicalId;
        Wire = wire;
        Dateline = dateline;
        ClusterSize = clusterSize;
        Inserted = inserted;
    }

    /// <summary>
    /// True when the engine already held another article with this id, one from another source or added with another
    /// title or body: nothing changed, and the verdict is the held article's. An id names one source's text; a caller
    /// should report the reuse.
    /// </summary>
    public bool IdReused { get; private init; }

    /// <summary>The article this verdict is about.</summary>
    public string ArticleId { get; }

    /// <summary>
    /// <see cref="Relation.Original"/> when the article starts a new story; otherwise how it matched the copy
    /// <see cref="MatchedId"/> it was joined through.
    /// </summary>
    public Relation Relation { get; }

    /// <summary>True when the article starts a new story.</summary>
    public bool IsNew => Relation == Relation.Original;

    /// <summary>The story's cluster id (for a query that found nothing, 0).</summary>
    public long ClusterId { get; }

    /// <summary>The canonical copy's id after this article was taken into account (the article's own id when it is canonical).</summary>
    public string CanonicalId { get; }

    /// <summary>
    /// Similarity in [0, 1] to the copy <see cref="MatchedId"/>, decided together with <see cref="Relation"/>: 1 for an
    /// exact copy, the containment for a partial copy, else the Jaccard estimate; 1 when the article starts a story.
    /// </summary>
    public double Similarity { get; }

    /// <summary>The verified match the article joined its story through (<see cref="Relation"/> and <see cref="Similarity"/> are relative to it), if any.</summary>
    public string? MatchedId { get; }

    /// <summary>True when this article changed the cluster's canonical copy (it became canonical, or its arrival merged clusters).</summary>
    public bool CanonicalChanged { get; }

    /// <summary>The canonical id before the change, when <see cref="CanonicalChanged"/> is true and the cluster existed.</summary>
    public string? PreviousCanonicalId { get; }

    /// <summary>The wire the story is attributed to, if any.</summary>
    public WireAgency? Wire { get; }

    /// <summary>The dateline parsed from this article, if any.</summary>
    public Dateline? Dateline { get; }

    /// <summary>Members in the cluster after this article. The full attribution is <see cref="SyndicationEngine.GetCluster"/>.</summary>
    public int ClusterSize { get; }

    /// <summary>
    /// False for a query, or when an article with the same id was already present (the engine keeps the first, and the
    /// verdict is the one that first article got when it was added).
    /// </summary>
    public bool Inserted { get; }

    /// <summary>
    /// The other stories this article was found to carry when it was added (a roundup or a longer report that joined
    /// <see cref="ClusterId"/> and also holds another story's text), by cluster id, first found first; each listed the
    /// article among its <see cref="Clustering.Cluster.Carriers"/> then. Like <see cref="ClusterId"/>, the ids are those
    /// of the arrival, also in a verdict read back with <see cref="SyndicationEngine.GetVerdict"/> (stories merge
    /// later). Empty for a query and for an article that carries nothing. A story carried inside an article added
    /// earlier is listed in that story's <see cref="Clustering.Cluster.Carriers"/>, not here.
    /// </summary>
    public IReadOnlyList<long> CarriedClusterIds { get; internal init; } = [];

    /// <summary>This verdict, for an article that reused its id for another text.</summary>
    internal Verdict AsIdReused() =>
        new(ArticleId, Relation, ClusterId, CanonicalId, Similarity, MatchedId, CanonicalChanged, PreviousCanonicalId, Wire, Dateline, ClusterSize, Inserted)
        {
            IdReused = true,
        };
}

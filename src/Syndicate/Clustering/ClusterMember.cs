namespace Syndicate.Clustering;

/// <summary>One outlet's copy of a story, as listed in a cluster's attribution.</summary>
public sealed class ClusterMember
{
    internal ClusterMember(string id, string source, string? url, DateTimeOffset? published, Relation relation, double similarity, string? matchedId, bool isCanonical, string? wire, string? datelineOutlet, long sequence)
    {
        Id = id;
        Source = source;
        Url = url;
        Published = published;
        Relation = relation;
        Similarity = similarity;
        MatchedId = matchedId;
        IsCanonical = isCanonical;
        Wire = wire;
        DatelineOutlet = datelineOutlet;
        Sequence = sequence;
    }

    /// <summary>The article id.</summary>
    public string Id { get; }

    /// <summary>The outlet that carried this copy.</summary>
    public string Source { get; }

    /// <summary>The copy's URL, if known.</summary>
    public string? Url { get; }

    /// <summary>The copy's publication time, if known.</summary>
    public DateTimeOffset? Published { get; }

    /// <summary>
    /// How this copy relates to the copy <see cref="MatchedId"/>: the engine's answer on that pair when the two were
    /// first matched, stored and never recomputed. For a copy that joined a story, the <see cref="Verdict.Relation"/> of
    /// its <c>Add</c>. The copy that started the story is <see cref="Relation.Original"/> while it is canonical (or
    /// while no copy has matched it); once another copy is canonical, it reports its answer against the first copy that
    /// matched it.
    /// </summary>
    public Relation Relation { get; }

    /// <summary>
    /// Similarity in [0, 1] to the copy <see cref="MatchedId"/>, decided with <see cref="Relation"/>: 1 for an exact
    /// copy, the containment for a partial copy, else the Jaccard estimate; 1 for an <see cref="Relation.Original"/>.
    /// </summary>
    public double Similarity { get; }

    /// <summary>The copy this one was matched with (see <see cref="Relation"/>); null for an <see cref="Relation.Original"/>.</summary>
    public string? MatchedId { get; }

    /// <summary>True for the cluster's canonical copy (<see cref="Cluster.CanonicalId"/>).</summary>
    public bool IsCanonical { get; }

    /// <summary>The wire agency this copy credits in its dateline or credits (English name), if any.</summary>
    public string? Wire { get; }

    /// <summary>The outlet named in this copy's dateline, if any (for example "UrduPoint network").</summary>
    public string? DatelineOutlet { get; }

    /// <summary>Arrival order in the engine: members are listed first seen first.</summary>
    public long Sequence { get; }
}

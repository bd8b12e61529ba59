namespace Syndicate.Clustering;

/// <summary>One outlet's copy of a story, as listed in a cluster's attribution.</summary>
public sealed class ClusterMember
{
    internal ClusterMember(string id, string source, string? url, DateTimeOffset? published, Relation relation, double similarity, string? wire, string? datelineOutlet, long sequence)
    {
        Id = id;
        Source = source;
        Url = url;
        Published = published;
        Relation = relation;
        Similarity = similarity;
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

    /// <summary>How this copy relates to the canonical one (<see cref="Relation.Original"/> for the canonical itself).</summary>
    public Relation Relation { get; }

    /// <summary>Similarity to the canonical copy in [0, 1]: the Jaccard estimate, or the containment for a partial copy.</summary>
    public double Similarity { get; }

    /// <summary>The wire agency this copy credits in its dateline or credits (English name), if any.</summary>
    public string? Wire { get; }

    /// <summary>The outlet named in this copy's dateline, if any (for example "UrduPoint network").</summary>
    public string? DatelineOutlet { get; }

    /// <summary>Arrival order in the engine: members are listed first seen first.</summary>
    public long Sequence { get; }
}

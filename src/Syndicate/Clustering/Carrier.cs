namespace Syndicate.Clustering;

/// <summary>
/// An article of another story that also carries this one: a longer text (a roundup, a compilation, a report quoting a
/// release in full) verified against one of the story's copies and against its canonical copy. It belongs to its own
/// story (<see cref="ClusterId"/>) and is listed here besides.
/// </summary>
public sealed class Carrier
{
    internal Carrier(string id, string source, string? url, DateTimeOffset? published, long clusterId, string matchedId, Relation relation, double similarity)
    {
        Id = id;
        Source = source;
        Url = url;
        Published = published;
        ClusterId = clusterId;
        MatchedId = matchedId;
        Relation = relation;
        Similarity = similarity;
    }

    /// <summary>The carrier's article id.</summary>
    public string Id { get; }

    /// <summary>The outlet that published the carrier.</summary>
    public string Source { get; }

    /// <summary>The carrier's URL, if known.</summary>
    public string? Url { get; }

    /// <summary>The carrier's publication time, if known.</summary>
    public DateTimeOffset? Published { get; }

    /// <summary>The story the carrier belongs to.</summary>
    public long ClusterId { get; }

    /// <summary>The copy of this story the carrier was verified against when the later of the two arrived.</summary>
    public string MatchedId { get; }

    /// <summary>The verifier's answer on the carrier and <see cref="MatchedId"/> (a partial copy, a near-duplicate or a rewrite).</summary>
    public Relation Relation { get; }

    /// <summary>The similarity decided with <see cref="Relation"/>, as for <see cref="ClusterMember.Similarity"/>.</summary>
    public double Similarity { get; }
}

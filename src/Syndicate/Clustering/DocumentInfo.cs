using Syndicate.Attribution;

namespace Syndicate.Clustering;

/// <summary>An indexed article's metadata. Its fingerprint lives in the <see cref="DocumentTable"/> arrays.</summary>
internal sealed class DocumentInfo
{
    public DocumentInfo(string id, string source, string? url, DateTimeOffset? published, long sequence)
    {
        Id = id;
        Source = source;
        Url = url;
        Published = published;
        Sequence = sequence;
    }

    public string Id { get; }

    public string Source { get; }

    public string? Url { get; }

    public DateTimeOffset? Published { get; }

    public long Sequence { get; }

    /// <summary>The wire this copy credits (dateline or trailing credit), if any.</summary>
    public WireAgency? Wire { get; set; }

    /// <summary>The outlet named in the dateline, if any.</summary>
    public string? DatelineOutlet { get; set; }

    public bool IsWireCopy { get; set; }

    public bool IsTruncated { get; set; }

    /// <summary>How the article joined its cluster, and through whom.</summary>
    public Relation JoinRelation { get; set; }

    public double JoinSimilarity { get; set; }

    /// <summary>The id of the member this article was matched with when it joined, if any.</summary>
    public string? MatchedId { get; set; }
}

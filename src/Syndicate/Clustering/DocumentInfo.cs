using Syndicate.Attribution;

namespace Syndicate.Clustering;

/// <summary>An indexed article's metadata. Its fingerprint lives in the <see cref="DocumentTable"/> arrays.</summary>
/// <remarks>
/// One of these lives per article, so the publication time is kept as clock ticks and an offset in minutes rather than
/// a nullable <see cref="DateTimeOffset"/> (24 bytes with padding), and the relation as a byte.
/// </remarks>
internal sealed class DocumentInfo
{
    // An offset no DateTimeOffset can have (they lie within ±14 hours): the article has no publication time.
    private const short NoOffset = short.MinValue;

    private readonly long _publishedTicks;
    private readonly short _publishedOffsetMinutes;
    private byte _joinRelation;

    public DocumentInfo(string id, string source, string? url, DateTimeOffset? published, long sequence)
    {
        Id = id;
        Source = source;
        Url = url;
        _publishedTicks = published?.Ticks ?? 0;
        _publishedOffsetMinutes = published is { } time ? (short)time.TotalOffsetMinutes : NoOffset;
        Sequence = sequence;
    }

    public string Id { get; }

    public string Source { get; }

    public string? Url { get; }

    public DateTimeOffset? Published =>
        _publishedOffsetMinutes == NoOffset ? null : new DateTimeOffset(_publishedTicks, TimeSpan.FromMinutes(_publishedOffsetMinutes));

    public long Sequence { get; }

    /// <summary>The wire this copy credits (dateline or trailing credit), if any.</summary>
    public WireAgency? Wire { get; set; }

    /// <summary>The outlet named in the dateline, if any.</summary>
    public string? DatelineOutlet { get; set; }

    public bool IsWireCopy { get; set; }

    public bool IsTruncated { get; set; }

    /// <summary>How the article joined its cluster, and through whom.</summary>
    public Relation JoinRelation
    {
        get => (Relation)_joinRelation;
        set => _joinRelation = (byte)value;
    }

    public double JoinSimilarity { get; set; }

    /// <summary>The id of the member this article was matched with when it joined, if any.</summary>
    public string? MatchedId { get; set; }
}

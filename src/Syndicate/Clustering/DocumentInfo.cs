using Syndicate.Attribution;
using Syndicate.Storage;

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

    // A string, the StoredText a snapshot restored (decoded on first read; see StoredText.Read), or null.
    private object? _url;

    public DocumentInfo(string id, string source, string? url, DateTimeOffset? published, long sequence)
    {
        Id = id;
        Source = source;
        _url = url;
        _publishedTicks = published?.Ticks ?? 0;
        _publishedOffsetMinutes = published is { } time ? (short)time.TotalOffsetMinutes : NoOffset;
        Sequence = sequence;
    }

    public string Id { get; }

    public string Source { get; }

    public string? Url => StoredText.Read(ref _url);

    /// <summary>
    /// <see cref="Url"/> as held: a string, a <see cref="StoredText"/> a snapshot restored and nothing has read since
    /// (written back as its bytes without decoding it), or null.
    /// </summary>
    internal object? HeldUrl
    {
        get => _url;
        init => _url = value;
    }

    public DateTimeOffset? Published =>
        _publishedOffsetMinutes == NoOffset ? null : new DateTimeOffset(_publishedTicks, TimeSpan.FromMinutes(_publishedOffsetMinutes));

    public long Sequence { get; }

    /// <summary>The wire this copy credits (dateline or trailing credit), if any.</summary>
    public WireAgency? Wire { get; set; }

    /// <summary>The outlet named in the dateline, if any.</summary>
    public string? DatelineOutlet { get; set; }

    public bool IsWireCopy { get; set; }

    public bool IsTruncated { get; set; }

    /// <summary>True for a copy that started its story (it matched nobody when it arrived).</summary>
    public bool StartedStory { get; set; }

    /// <summary>
    /// The verifier's answer on this copy and <see cref="MatchedId"/> when the two were first matched (when this copy
    /// arrived, or for a copy that started its story, when the first copy matched it); <see cref="Relation.Original"/>
    /// while no copy has matched it.
    /// </summary>
    public Relation JoinRelation
    {
        get => (Relation)_joinRelation;
        set => _joinRelation = (byte)value;
    }

    public double JoinSimilarity { get; set; }

    /// <summary>The id of the copy this one was first matched with, if any.</summary>
    public string? MatchedId { get; set; }

    /// <summary>
    /// The cluster this copy joined or started when it arrived (clusters merge and change canonical copy later); 0 when
    /// not known, for a copy restored from a state written before arrivals were recorded.
    /// </summary>
    public long ArrivalClusterId { get; set; }

    /// <summary>The canonical copy of <see cref="ArrivalClusterId"/> when this copy arrived; null when it was this copy.</summary>
    public string? ArrivalCanonicalId { get; set; }

    /// <summary>
    /// A hash of the title and body as given (<see cref="Internal.Utf16Hash.OfText"/>), to tell a re-fed article from
    /// another text under the same id; 0 when not known (restored from a state written before it was kept).
    /// </summary>
    public ulong TextHash { get; set; }

    /// <summary>The wire of <see cref="ArrivalClusterId"/> when this copy arrived.</summary>
    public WireAgency? ArrivalWire { get; set; }

    /// <summary>
    /// The other stories this copy was found to carry when it arrived (<see cref="Verdict.CarriedClusterIds"/>), first
    /// found first; null when it carried none (nearly every copy).
    /// </summary>
    public long[]? ArrivalCarries { get; set; }
}

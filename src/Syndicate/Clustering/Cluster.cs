namespace Syndicate.Clustering;

/// <summary>
/// A snapshot of one story: its canonical copy (kept in full) and every outlet that carried it.
/// </summary>
public sealed class Cluster
{
    internal Cluster(long id, string canonicalId, string? wire, string? canonicalTitle, string? canonicalText, string? canonicalOriginalText, IReadOnlyList<ClusterMember> members, IReadOnlyList<Carrier>? carriers = null)
    {
        Carriers = carriers ?? [];
        Id = id;
        CanonicalId = canonicalId;
        Wire = wire;
        CanonicalTitle = canonicalTitle;
        CanonicalText = canonicalText;
        CanonicalOriginalText = canonicalOriginalText;
        Members = members;
    }

    /// <summary>The cluster id: positive, assigned in order of creation, stable while the cluster lives.</summary>
    public long Id { get; }

    /// <summary>The id of the canonical copy.</summary>
    public string CanonicalId { get; }

    /// <summary>The wire agency the story came from (English name as in the gazetteer), if any copy credits one.</summary>
    public string? Wire { get; }

    /// <summary>The canonical copy's headline.</summary>
    public string? CanonicalTitle { get; }

    /// <summary>
    /// The canonical copy's story text, cleaned of the outlet's dateline, repeated title, continuation markers and widget
    /// text. Null only when the canonical copy was elected after the previous one was removed, and the engine never held
    /// the new one's text.
    /// </summary>
    public string? CanonicalText { get; }

    /// <summary>The canonical copy's body exactly as it was added (same availability as <see cref="CanonicalText"/>).</summary>
    public string? CanonicalOriginalText { get; }

    /// <summary>Every copy, first seen first, each with its relation and similarity to the copy it matched when it joined.</summary>
    public IReadOnlyList<ClusterMember> Members { get; }

    /// <summary>
    /// Articles of other stories that also carry this one, first seen first: a roundup or a longer report that holds one
    /// of its copies. Each belongs to its own story and is not among <see cref="Members"/>.
    /// </summary>
    /// <remarks>
    /// An article belongs to one story; a roundup of three items joins the story of one of them. It is listed here, in
    /// the others, when it verified against one of their copies and against their canonical copy, and its text or that
    /// copy's has at least 1.25 times the other's shingles (the longer carries the shorter). A carrier leaves the list
    /// when it is removed or evicted.
    /// </remarks>
    public IReadOnlyList<Carrier> Carriers { get; }

    /// <summary>How many different outlets carried the story.</summary>
    public int OutletCount => Members.Select(m => m.Source).Distinct(StringComparer.Ordinal).Count();
}

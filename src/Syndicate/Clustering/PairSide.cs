using Syndicate.Fingerprinting;

namespace Syndicate.Clustering;

/// <summary>One side of a pair the <see cref="PairVerifier"/> compares: what a fingerprint keeps, wherever it is stored.</summary>
internal readonly ref struct PairSide
{
    public PairSide(ulong contentHash, int shingleCount, ReadOnlySpan<byte> signature, ReadOnlySpan<uint> lead)
        : this(contentHash, shingleCount, signature, lead, [], null, null)
    {
    }

    public PairSide(ulong contentHash, int shingleCount, ReadOnlySpan<byte> signature, ReadOnlySpan<uint> lead, ReadOnlySpan<byte> evidence, DateTimeOffset? published, string? text)
    {
        ContentHash = contentHash;
        ShingleCount = shingleCount;
        Signature = signature;
        Lead = lead;
        Evidence = evidence;
        Published = published;
        _text = text;
    }

    private PairSide(DocumentTable docs, int handle)
        : this(docs.ContentHash(handle), docs.ShingleCount(handle), docs.Signature(handle), docs.Lead(handle), docs.Evidence(handle), docs.Info(handle).Published, null)
    {
        _docs = docs;
        _handle = handle;
    }

    private readonly string? _text;
    private readonly DocumentTable? _docs;
    private readonly int _handle;

    public ulong ContentHash { get; }

    public int ShingleCount { get; }

    public ReadOnlySpan<byte> Signature { get; }

    public ReadOnlySpan<uint> Lead { get; }

    /// <summary>The <see cref="Fingerprinting.Evidence"/> row; empty when unknown.</summary>
    public ReadOnlySpan<byte> Evidence { get; }

    /// <summary>The publication time, if the article has one.</summary>
    public DateTimeOffset? Published { get; }

    /// <summary>
    /// The cleaned story text, where it is at hand: for a new article, and for a cluster's canonical copy, whose text
    /// the engine retains. A rewrite link needs it on both sides.
    /// </summary>
    /// <remarks>
    /// For an indexed article it is looked up when first asked for: most pairs are decided without it, and the lookup
    /// reads the article's cluster and text, two objects elsewhere in memory.
    /// </remarks>
    public string? Text => _text ?? (_docs is null ? null : CanonicalText(_docs, _handle));

    public static PairSide Of(Fingerprint print) =>
        new(print.ContentHash, print.ShingleCount, print.Signature, print.Lead, print.Evidence, print.Article?.Published, print.Cleaned.Body);

    /// <summary>An indexed article; its text is known only when it is its cluster's canonical copy.</summary>
    public static PairSide Of(DocumentTable docs, int handle) => new(docs, handle);

    private static string? CanonicalText(DocumentTable docs, int handle)
    {
        ClusterState? cluster = docs.ClusterOrNull(handle);
        return cluster is not null && cluster.Canonical == handle ? cluster.CanonicalText : null;
    }
}

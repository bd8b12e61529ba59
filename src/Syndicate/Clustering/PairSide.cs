using Syndicate.Fingerprinting;

namespace Syndicate.Clustering;

/// <summary>One side of a pair the <see cref="PairVerifier"/> compares: what a fingerprint keeps, wherever it is stored.</summary>
internal readonly ref struct PairSide
{
    public PairSide(ulong contentHash, int shingleCount, ReadOnlySpan<byte> signature, ReadOnlySpan<uint> lead)
    {
        ContentHash = contentHash;
        ShingleCount = shingleCount;
        Signature = signature;
        Lead = lead;
    }

    public ulong ContentHash { get; }

    public int ShingleCount { get; }

    public ReadOnlySpan<byte> Signature { get; }

    public ReadOnlySpan<uint> Lead { get; }

    public static PairSide Of(Fingerprint print) => new(print.ContentHash, print.ShingleCount, print.Signature, print.Lead);

    public static PairSide Of(DocumentTable docs, int handle) =>
        new(docs.ContentHash(handle), docs.ShingleCount(handle), docs.Signature(handle), docs.Lead(handle));
}

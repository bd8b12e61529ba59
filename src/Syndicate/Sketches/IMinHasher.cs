namespace Syndicate.Sketches;

/// <summary>
/// Computes a MinHash signature: <see cref="Length"/> 32-bit slots such that, for two shingle sets A and B,
/// each slot is equal in both signatures with probability equal to their Jaccard similarity
/// J = |A ∩ B| / |A ∪ B| (plus a false-match probability of about 2^−32 per slot).
/// </summary>
/// <remarks>
/// Implementations are deterministic given their construction parameters, so signatures computed by
/// instances built with the same parameters can be compared, stored and compared again later.
/// Slot values are spread uniformly over 32 bits, so any b low bits of a slot form a valid b-bit MinHash
/// (Li and König, "b-Bit Minwise Hashing", WWW 2010); see <see cref="SimilarityEstimator.JaccardBBit"/>.
/// Instances are immutable and safe to use from several threads at once.
/// </remarks>
public interface IMinHasher
{
    /// <summary>The number of slots k in a signature.</summary>
    public int Length { get; }

    /// <summary>Computes the signature of a set of shingle hashes.</summary>
    /// <param name="shingleHashes">
    /// The 64-bit hashes of the document's shingles, with uniformly distributed bits. Order and repeated
    /// values do not affect the result: the signature is a function of the set of values.
    /// </param>
    /// <param name="signature">
    /// Receives the signature in its first <see cref="Length"/> elements; must be at least that long.
    /// For an empty input every slot is set to <see cref="uint.MaxValue"/>.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="signature"/> is shorter than <see cref="Length"/>.</exception>
    public void Compute(ReadOnlySpan<ulong> shingleHashes, Span<uint> signature);
}

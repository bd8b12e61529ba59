using System.Buffers;
using System.Runtime.CompilerServices;
using Syndicate.Internal;

namespace Syndicate.Sketches;

/// <summary>
/// Classic MinHash (Broder, "On the resemblance and containment of documents", 1997) with k independent
/// hash functions: slot i holds the minimum of h_i(x) over the set, so two signatures agree in slot i with
/// probability equal to the Jaccard similarity J. The plain estimator of J is the fraction of equal slots,
/// <see cref="SimilarityEstimator.Jaccard"/>, with variance J(1 − J)/k.
/// </summary>
/// <remarks>
/// <para>
/// Each h_i is the universal hash h_i(x) = (a_i·x + b_i) mod p with p = 2^61 − 1, where x is the 64-bit
/// shingle hash reduced mod p, a_i is drawn uniformly from [1, p) and b_i from [0, p). The coefficients
/// come from a SplitMix64 stream seeded with the constructor's seed, a_i and b_i alternating, so the
/// signature is a pure function of (length, seed, set). The arithmetic is exact: products are formed in
/// 128 bits and folded modulo the Mersenne prime, never truncated to 64 bits.
/// </para>
/// <para>
/// Reducing the 64-bit input mod p merges two inputs only if they are congruent, which for uniform hashes
/// happens with probability about 2^−61 per pair. The minimum, a value below 2^61, is mapped to its
/// 32-bit slot by the bijective SplitMix64 mixer followed by taking the high 32 bits: equal minima give
/// equal slots, while different minima give uniformly spread slots that coincide with probability about
/// 2^−32 (2^−b on any b bits). Using the raw low bits of the minimum would not do: the minimum of n
/// values is biased towards small numbers.
/// </para>
/// <para>
/// Slots are independent, so the first k′ slots of a signature of length k equal the signature of
/// length k′ with the same seed. The cost is O(n·k) per document; <see cref="OnePermutationMinHash"/>
/// gives the same collision probability in O(n + k).
/// </para>
/// </remarks>
public sealed class ClassicMinHash : IMinHasher
{
    /// <summary>The slot value of every slot for an empty input.</summary>
    internal const uint EmptySlot = uint.MaxValue;

    // Up to this many slots the running minima live on the stack (4 KiB); longer signatures rent a buffer.
    private const int StackallocThreshold = 512;

    private readonly ulong[] _a;
    private readonly ulong[] _b;

    /// <summary>Creates a MinHash with <paramref name="length"/> hash functions drawn from <paramref name="seed"/>.</summary>
    /// <param name="length">The number of slots k; must be positive.</param>
    /// <param name="seed">Determines the hash functions; signatures are comparable only between equal seeds.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive.</exception>
    public ClassicMinHash(int length, long seed)
    {
        if (length <= 0)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(length), "The signature length must be positive.");
        }

        _a = new ulong[length];
        _b = new ulong[length];
        var random = new SplitMix64(unchecked((ulong)seed));
        for (var i = 0; i < length; i++)
        {
            _a[i] = NextBelowPrime(random, nonZero: true);
            _b[i] = NextBelowPrime(random, nonZero: false);
        }
    }

    /// <inheritdoc />
    public int Length => _a.Length;

    /// <summary>The multipliers a_i, exposed for tests.</summary>
    internal ReadOnlySpan<ulong> Multipliers => _a;

    /// <summary>The offsets b_i, exposed for tests.</summary>
    internal ReadOnlySpan<ulong> Offsets => _b;

    /// <inheritdoc />
    [SkipLocalsInit]
    public void Compute(ReadOnlySpan<ulong> shingleHashes, Span<uint> signature)
    {
        var k = _a.Length;
        if (signature.Length < k)
        {
            ThrowHelper.DestinationTooShort(nameof(signature));
        }

        signature = signature[..k];
        if (shingleHashes.IsEmpty)
        {
            signature.Fill(EmptySlot);
            return;
        }

        ulong[]? rented = null;
        var mins = k <= StackallocThreshold
            ? stackalloc ulong[StackallocThreshold]
            : (rented = ArrayPool<ulong>.Shared.Rent(k));
        mins = mins[..k];
        try
        {
            // Every h_i(x) is below p, so starting at ulong.MaxValue the first element always replaces it.
            mins.Fill(ulong.MaxValue);
            ReadOnlySpan<ulong> a = _a;
            ReadOnlySpan<ulong> b = _b;
            foreach (var hash in shingleHashes)
            {
                var x = Mersenne61.Reduce(hash);
                for (var i = 0; i < mins.Length; i++)
                {
                    var h = Mersenne61.MulAdd(a[i], x, b[i]);
                    if (h < mins[i])
                    {
                        mins[i] = h;
                    }
                }
            }

            for (var i = 0; i < signature.Length; i++)
            {
                signature[i] = ToSlot(mins[i]);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<ulong>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Maps a minimum hash value to its 32-bit slot value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint ToSlot(ulong min) => (uint)(SplitMix64.Mix(min) >> 32);

    private static ulong NextBelowPrime(SplitMix64 random, bool nonZero)
    {
        // The top 61 bits of a 64-bit draw are uniform on [0, 2^61); rejecting p (= 2^61 − 1) and, for
        // multipliers, 0 leaves a uniform value on [0, p) or [1, p). Rejection is a 2^−60 event.
        while (true)
        {
            var candidate = random.NextUInt64() >> 3;
            if (candidate < Mersenne61.Prime && (candidate != 0 || !nonZero))
            {
                return candidate;
            }
        }
    }
}

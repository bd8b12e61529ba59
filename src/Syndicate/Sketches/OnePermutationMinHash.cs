using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Syndicate.Internal;

namespace Syndicate.Sketches;

/// <summary>
/// One-permutation MinHash (Li, Owen and Zhang, "One Permutation Hashing", NIPS 2012) with optimal
/// densification (Shrivastava, "Optimal Densification for Fast and Accurate Minwise Hashing", ICML 2017).
/// One hash per element splits the set into k bins and keeps the minimum of each bin; empty bins borrow
/// the minimum of a non-empty bin chosen by a fixed probe sequence. Two signatures agree in each slot with
/// probability equal to the Jaccard similarity J, so the plain estimator
/// <see cref="SimilarityEstimator.Jaccard"/> is unbiased, at O(n + k) cost instead of O(n·k).
/// </summary>
/// <remarks>
/// <para>
/// Each shingle hash x is first permuted by a seeded bijective mixer, g = Mix(x ⊕ s) (the SplitMix64
/// output function). The shingle hashes are fixed by the caller, so this seeded re-mix is what makes
/// the sketch a random permutation, different for each seed. The bin is the high half of g scaled to
/// [0, k): bin = ⌊(g >> 32)·k / 2^32⌋ (Lemire's multiply-shift range reduction; bins differ in size by at
/// most one part in 2^32/k). The value ordered within a bin is the low half of g, which is independent
/// of the high half, with the high half as a tie-breaker so that each element has a unique key.
/// </para>
/// <para>
/// Empty bin i is filled by probing bins j = H(i, 1), H(i, 2), … where H is a seeded mixer of
/// (i, attempt) scaled to [0, k), and copying the first bin that was non-empty before densification.
/// The probe sequence depends only on the seed, i and the attempt, never on the data, which is what
/// keeps the collision probability exactly J (Shrivastava 2017): slot i of A and B is decided by the
/// first bin of its sequence that A ∪ B occupies, and agrees exactly when that bin's minimum over A ∪ B
/// lies in A ∩ B. A probe takes k/m attempts on average when m bins are non-empty, so the cost is
/// O(n + k) once the set has about k elements or more, and grows towards k²/m for sets much smaller
/// than k. A set that fills a single bin copies it everywhere directly, and after 32·k (at most
/// 2^32 − 1) unlucky attempts, a chance below e^−64 for m ≥ 2, the probe falls back to a linear scan
/// from i, which is also independent of the data.
/// </para>
/// <para>
/// The estimator's variance is R·J(1 − J)/k. R is below 1 once the union of the two sets fills the bins
/// (the bins sample the union without replacement, R ≈ 1 − (k − 1)/(u − 1) for u = |A ∪ B|), and is
/// about 1 + u/(2(u − 1)) for unions much smaller than k (2 for u = 2, near 1.5 for a few dozen), because
/// an element sharing a bin with a smaller one is hidden from every slot.
/// </para>
/// <para>
/// Each slot value is the high 32 bits of Mix(key ⊕ t_i), where key identifies the selected element and
/// t_i is a seeded per-slot salt. Equal elements thus give equal slots, while the slots of different
/// elements coincide with probability about 2^−32, independently from slot to slot even where
/// densification copied the same bin into several slots. That independence keeps the false-match part
/// of the b-bit estimator's variance the same as for classic MinHash.
/// </para>
/// <para>
/// An input with no elements yields <see cref="uint.MaxValue"/> in every slot. An element whose key equals
/// the internal empty-bin marker (an event of probability 2^−64 per element) is ignored.
/// </para>
/// </remarks>
public sealed class OnePermutationMinHash : IMinHasher
{
    /// <summary>The slot value of every slot for an empty input.</summary>
    internal const uint EmptySlot = uint.MaxValue;

    private const ulong EmptyBin = ulong.MaxValue;

    // Up to this many bins the minima live on the stack (4 KiB); longer signatures rent a buffer.
    private const int StackallocThreshold = 512;

    private readonly int _length;
    private readonly ulong _elementSeed;
    private readonly ulong _probeSeed;
    private readonly ulong _slotSeed;

    /// <summary>Creates a one-permutation MinHash with <paramref name="length"/> bins drawn from <paramref name="seed"/>.</summary>
    /// <param name="length">The number of slots (bins) k; must be positive.</param>
    /// <param name="seed">Determines the permutation; signatures are comparable only between equal seeds.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive.</exception>
    public OnePermutationMinHash(int length, long seed)
    {
        if (length <= 0)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(length), "The signature length must be positive.");
        }

        _length = length;
        var random = new SplitMix64(unchecked((ulong)seed));
        _elementSeed = random.NextUInt64();
        _probeSeed = random.NextUInt64();
        _slotSeed = random.NextUInt64();
    }

    /// <inheritdoc />
    public int Length => _length;

    /// <inheritdoc />
    [SkipLocalsInit]
    public void Compute(ReadOnlySpan<ulong> shingleHashes, Span<uint> signature)
    {
        var k = _length;
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
        var bins = k <= StackallocThreshold
            ? stackalloc ulong[StackallocThreshold]
            : (rented = ArrayPool<ulong>.Shared.Rent(k));
        bins = bins[..k];
        try
        {
            bins.Fill(EmptyBin);
            if (SplitMix64.IsVectorMixAccelerated)
            {
                FillBinsVector(shingleHashes, _elementSeed, bins);
            }
            else
            {
                FillBinsScalar(shingleHashes, _elementSeed, bins);
            }

            Densify(bins, signature);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<ulong>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Keeps each bin's smallest key: the reference loop. <paramref name="bins"/> starts filled with
    /// <see cref="EmptyBin"/>.
    /// </summary>
    internal static void FillBinsScalar(ReadOnlySpan<ulong> shingleHashes, ulong elementSeed, Span<ulong> bins)
    {
        var range = (ulong)(uint)bins.Length;
        foreach (var hash in shingleHashes)
        {
            var g = SplitMix64.Mix(hash ^ elementSeed);
            var bin = (int)(((g >> 32) * range) >> 32);

            // Rotating puts the low half (the value) in the high, most significant half of the key;
            // the bin half below it only breaks ties, and makes the key a bijection of the element.
            var key = BitOperations.RotateLeft(g, 32);
            if (key < bins[bin])
            {
                bins[bin] = key;
            }
        }
    }

    /// <summary>
    /// <see cref="FillBinsScalar"/> with the mixing, the bin and the key of four hashes computed at once in the lanes
    /// of a 256-bit vector; the minima are then kept lane by lane in input order, so the bins end equal.
    /// </summary>
    [SkipLocalsInit]
    internal static void FillBinsVector(ReadOnlySpan<ulong> shingleHashes, ulong elementSeed, Span<ulong> bins)
    {
        var range = (ulong)(uint)bins.Length;
        var seed = Vector256.Create(elementSeed);
        var ranges = Vector256.Create(range);
        Span<ulong> lanes = stackalloc ulong[2 * Vector256<ulong>.Count];
        ref var lane = ref MemoryMarshal.GetReference(lanes);
        ref var source = ref MemoryMarshal.GetReference(shingleHashes);
        var i = 0;
        for (; i <= shingleHashes.Length - Vector256<ulong>.Count; i += Vector256<ulong>.Count)
        {
            var g = SplitMix64.Mix(Vector256.LoadUnsafe(ref source, (nuint)i) ^ seed);
            var high = Vector256.ShiftRightLogical(g, 32);

            // Lanes 0–3 of the buffer: the bins; lanes 4–7: the keys (g rotated by 32 bits).
            // high and ranges are below 2^32: one 32 x 32 -> 64-bit multiply per lane (vpmuludq) where AVX2 has it.
            Vector256<ulong> scaled = Avx2.IsSupported ? Avx2.Multiply(high.AsUInt32(), ranges.AsUInt32()) : high * ranges;
            Vector256.ShiftRightLogical(scaled, 32).StoreUnsafe(ref lane);
            (Vector256.ShiftLeft(g, 32) | high).StoreUnsafe(ref lane, (nuint)Vector256<ulong>.Count);
            for (var l = 0; l < Vector256<ulong>.Count; l++)
            {
                var bin = (int)lanes[l];
                var key = lanes[l + Vector256<ulong>.Count];
                if (key < bins[bin])
                {
                    bins[bin] = key;
                }
            }
        }

        FillBinsScalar(shingleHashes[i..], elementSeed, bins);
    }

    private void Densify(ReadOnlySpan<ulong> bins, Span<uint> signature)
    {
        var k = bins.Length;
        var occupied = 0;
        var lastOccupied = -1;
        for (var i = 0; i < k; i++)
        {
            if (bins[i] != EmptyBin)
            {
                occupied++;
                lastOccupied = i;
            }
        }

        if (occupied == 0)
        {
            // Every element hit the empty-bin marker itself; treat the input as empty.
            signature.Fill(EmptySlot);
            return;
        }

        for (var i = 0; i < k; i++)
        {
            var key = bins[i];
            if (key == EmptyBin)
            {
                // With one occupied bin every probe sequence ends there, so the result is known.
                key = occupied == 1 ? bins[lastOccupied] : bins[Probe(bins, i)];
            }

            signature[i] = (uint)(SplitMix64.Mix(key ^ (_slotSeed + ((ulong)(uint)i * SplitMix64.Gamma))) >> 32);
        }
    }

    /// <summary>Finds the bin that empty bin <paramref name="i"/> copies: the first non-empty bin of its probe sequence.</summary>
    private int Probe(ReadOnlySpan<ulong> bins, int i)
    {
        var k = bins.Length;
        var range = (ulong)(uint)k;
        var maxAttempts = Math.Min(32UL * range, uint.MaxValue);
        var stream = _probeSeed ^ ((ulong)(uint)i << 32);
        for (var attempt = 1UL; attempt <= maxAttempts; attempt++)
        {
            // (i, attempt) packs injectively into 64 bits because attempt < 2^32, so the probe
            // sequences of different bins never share inputs to the (bijective) mixer.
            var j = (int)(((SplitMix64.Mix(stream ^ attempt) >> 32) * range) >> 32);
            if (bins[j] != EmptyBin)
            {
                return j;
            }
        }

        for (var step = 1; ; step++)
        {
            var j = (i + step) % k;
            if (bins[j] != EmptyBin)
            {
                return j;
            }
        }
    }
}

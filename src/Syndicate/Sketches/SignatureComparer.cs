using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Syndicate.Internal;

namespace Syndicate.Sketches;

/// <summary>
/// Counts the slots in which two MinHash signatures agree, the input of the estimators in
/// <see cref="SimilarityEstimator"/>.
/// </summary>
/// <remarks>
/// Uses 256-bit vectors where the hardware accelerates them, otherwise 128-bit vectors, otherwise scalar
/// code; every path gives the same count.
/// </remarks>
public static class SignatureComparer
{
    /// <summary>Counts the positions at which two signatures hold equal slot values.</summary>
    /// <param name="a">The first signature.</param>
    /// <param name="b">The second signature; must have the same length as <paramref name="a"/>.</param>
    /// <returns>The number of indices i with a[i] == b[i].</returns>
    /// <exception cref="ArgumentException">The signatures differ in length.</exception>
    public static int CountEqual(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.Length != b.Length)
        {
            ThrowHelper.Argument(nameof(b), "The signatures must have the same length.");
        }

        if (Vector256.IsHardwareAccelerated && a.Length >= Vector256<uint>.Count)
        {
            return CountEqualVector256(a, b);
        }

        if (Vector128.IsHardwareAccelerated && a.Length >= Vector128<uint>.Count)
        {
            return CountEqualVector128(a, b);
        }

        return CountEqualScalar(a, b);
    }

    /// <summary>Counts the positions at which two b-bit signatures (one byte per slot) hold equal values.</summary>
    /// <param name="a">The first signature.</param>
    /// <param name="b">The second signature; must have the same length as <paramref name="a"/>.</param>
    /// <returns>The number of indices i with a[i] == b[i].</returns>
    /// <exception cref="ArgumentException">The signatures differ in length.</exception>
    public static int CountEqual(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length)
        {
            ThrowHelper.Argument(nameof(b), "The signatures must have the same length.");
        }

        if (Vector256.IsHardwareAccelerated && a.Length >= Vector256<byte>.Count)
        {
            return CountEqualVector256(a, b);
        }

        if (Vector128.IsHardwareAccelerated && a.Length >= Vector128<byte>.Count)
        {
            return CountEqualVector128(a, b);
        }

        return CountEqualScalar(a, b);
    }

    /// <summary>The reference implementation the vector paths must agree with.</summary>
    internal static int CountEqualScalar(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        Debug.Assert(a.Length == b.Length);
        var count = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The reference implementation the vector paths must agree with.</summary>
    internal static int CountEqualScalar(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        Debug.Assert(a.Length == b.Length);
        var count = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>256-bit path; the remainder goes down the ladder. Correct for any length.</summary>
    internal static int CountEqualVector256(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        Debug.Assert(a.Length == b.Length);
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        var counts = Vector256<uint>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector256<uint>.Count; i += Vector256<uint>.Count)
        {
            // Equal lanes compare to all ones, which is −1 in 32-bit two's complement, so subtracting the
            // mask adds one to each of the 8 per-lane counters; a lane counts at most Length / 8 matches.
            counts -= Vector256.Equals(Vector256.LoadUnsafe(ref ra, (nuint)i), Vector256.LoadUnsafe(ref rb, (nuint)i));
        }

        return (int)Vector256.Sum(counts) + CountEqualVector128(a[i..], b[i..]);
    }

    /// <summary>128-bit path; the remainder is counted by scalar code. Correct for any length.</summary>
    internal static int CountEqualVector128(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        Debug.Assert(a.Length == b.Length);
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        var counts = Vector128<uint>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector128<uint>.Count; i += Vector128<uint>.Count)
        {
            // Same lane counters as the 256-bit path, 4 lanes wide.
            counts -= Vector128.Equals(Vector128.LoadUnsafe(ref ra, (nuint)i), Vector128.LoadUnsafe(ref rb, (nuint)i));
        }

        return (int)Vector128.Sum(counts) + CountEqualScalar(a[i..], b[i..]);
    }

    /// <summary>256-bit path for byte slots; the remainder goes down the ladder. Correct for any length.</summary>
    internal static int CountEqualVector256(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        Debug.Assert(a.Length == b.Length);
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        var count = 0;
        var i = 0;
        for (; i <= a.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
        {
            // Byte lanes would overflow as counters after 255 blocks, so each block's 32 equality lanes are
            // collapsed to a 32-bit mask (one instruction on x64) and counted with a population count.
            var equal = Vector256.Equals(Vector256.LoadUnsafe(ref ra, (nuint)i), Vector256.LoadUnsafe(ref rb, (nuint)i));
            count += BitOperations.PopCount(equal.ExtractMostSignificantBits());
        }

        return count + CountEqualVector128(a[i..], b[i..]);
    }

    /// <summary>128-bit path for byte slots; the remainder is counted by scalar code. Correct for any length.</summary>
    internal static int CountEqualVector128(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        Debug.Assert(a.Length == b.Length);
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        var count = 0;
        var i = 0;
        for (; i <= a.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
        {
            // 16 equality lanes collapsed to a 16-bit mask, as in the 256-bit path.
            var equal = Vector128.Equals(Vector128.LoadUnsafe(ref ra, (nuint)i), Vector128.LoadUnsafe(ref rb, (nuint)i));
            count += BitOperations.PopCount(equal.ExtractMostSignificantBits());
        }

        return count + CountEqualScalar(a[i..], b[i..]);
    }
}

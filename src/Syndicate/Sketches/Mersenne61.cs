using System.Runtime.CompilerServices;

namespace Syndicate.Sketches;

/// <summary>
/// Exact arithmetic modulo the Mersenne prime p = 2^61 − 1.
/// </summary>
/// <remarks>
/// Because 2^61 ≡ 1 (mod p), a value x = hi·2^61 + lo reduces to hi + lo, which needs only shifts,
/// masks and one conditional subtraction. Products use <see cref="Math.BigMul(ulong, ulong, out ulong)"/>
/// so that nothing overflows: a 64-bit × 64-bit multiply computed in 64 bits silently drops the high
/// word and yields a value that is not the residue at all.
/// </remarks>
internal static class Mersenne61
{
    /// <summary>The prime 2^61 − 1, which is also the mask of the low 61 bits.</summary>
    public const ulong Prime = (1UL << 61) - 1;

    /// <summary>Returns <paramref name="x"/> mod p for any 64-bit value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Reduce(ulong x)
    {
        // x = (x >> 61)·2^61 + (x & p) ≡ (x >> 61) + (x & p); the sum is at most p + 7 < 2p.
        var r = (x & Prime) + (x >> 61);
        return r >= Prime ? r - Prime : r;
    }

    /// <summary>Returns (<paramref name="a"/> · <paramref name="b"/>) mod p for any 64-bit operands.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MulMod(ulong a, ulong b) => MulAdd(Reduce(a), Reduce(b), 0);

    /// <summary>
    /// Returns (<paramref name="a"/> · <paramref name="x"/> + <paramref name="b"/>) mod p.
    /// All three operands must already be reduced (less than p).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MulAdd(ulong a, ulong x, ulong b)
    {
        // a·x < 2^122, so hi < 2^58 and the product shifted right by 61 bits, (hi << 3) | (lo >> 61),
        // is below 2^61. The folded sum is below 3·2^61 < 2^63, which Reduce brings below p exactly.
        var hi = Math.BigMul(a, x, out var lo);
        var folded = (lo & Prime) + ((hi << 3) | (lo >> 61)) + b;
        return Reduce(folded);
    }
}

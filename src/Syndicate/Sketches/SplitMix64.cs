using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Syndicate.Sketches;

/// <summary>
/// The SplitMix64 generator (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014) and its output function: the one seeded generator of the project. Sketch parameters are derived
/// from it, and the <c>syndicate generate</c> corpora and the fuzzer draw from it.
/// </summary>
/// <remarks>
/// <para>
/// The generator is written out here, rather than taken from <see cref="Random"/>, so that a seed produces the same
/// sequence on every runtime version and platform: <see cref="Random"/>'s algorithm is an implementation detail that
/// has changed before. SplitMix64 passes BigCrush, needs one 64-bit word of state, and <see cref="Fork"/> gives
/// independent streams, so that one consumer's draws do not shift when another's change.
/// </para>
/// <para>
/// The output function is Stafford's "Mix13" variant of the MurmurHash3 finalizer. It is a bijection on
/// 64-bit values, so distinct inputs stay distinct, and every output bit depends on every input bit.
/// Not a cryptographic generator.
/// </para>
/// </remarks>
public sealed class SplitMix64
{
    /// <summary>The Weyl increment: 2^64 divided by the golden ratio, rounded to an odd number.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    private ulong _state;

    /// <summary>Creates a generator whose output stream is fully determined by <paramref name="seed"/>.</summary>
    /// <param name="seed">Any 64-bit value; 0 is as good a seed as any other.</param>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>Returns the next 64-bit value of the stream.</summary>
    /// <returns>A uniformly distributed 64-bit value.</returns>
    public ulong NextUInt64()
    {
        _state += Gamma;
        return Mix(_state);
    }

    /// <summary>Returns a value in [0, <paramref name="maxExclusive"/>).</summary>
    /// <param name="maxExclusive">The exclusive upper bound; must be positive.</param>
    /// <returns>A value at least 0 and below <paramref name="maxExclusive"/>.</returns>
    /// <remarks>
    /// Lemire's multiply-shift reduction: the high word of a 64×64-bit product. The bias is below
    /// maxExclusive / 2^64, far under anything a test could observe.
    /// </remarks>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)Math.BigMul(NextUInt64(), (ulong)maxExclusive, out _);
    }

    /// <summary>Returns a value in [<paramref name="min"/>, <paramref name="maxInclusive"/>].</summary>
    /// <param name="min">The inclusive lower bound.</param>
    /// <param name="maxInclusive">The inclusive upper bound; not below <paramref name="min"/>.</param>
    /// <returns>A value between the two bounds, both included.</returns>
    public int NextInt(int min, int maxInclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInclusive, min);
        return min + NextInt(maxInclusive - min + 1);
    }

    /// <summary>Returns a value in [0, 1) with 53 random bits.</summary>
    /// <returns>A uniformly distributed double at least 0 and below 1.</returns>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Returns <see langword="true"/> with the given probability.</summary>
    /// <param name="probability">The chance of <see langword="true"/>, from 0 to 1.</param>
    /// <returns>Whether the event happened.</returns>
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Returns one of <paramref name="items"/>, each equally likely.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">A non-empty list.</param>
    /// <returns>The chosen item.</returns>
    public T Pick<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items[NextInt(items.Count)];
    }

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher–Yates).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The list to shuffle.</param>
    public void Shuffle<T>(IList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Returns a new generator seeded from this one's next output: an independent stream.</summary>
    /// <returns>The new generator.</returns>
    public SplitMix64 Fork() => new(NextUInt64());

    /// <summary>The SplitMix64 output function: a bijective 64-bit mixer.</summary>
    /// <param name="z">The value to mix.</param>
    /// <returns>The mixed value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>
    /// True when <see cref="Mix(Vector256{ulong})"/> runs in hardware: 256-bit vectors with a 64-bit lane multiply
    /// (AVX-512DQ with VL), or AVX2, whose 32 × 32-bit multiplies make the low 64 bits of a product in three
    /// (<see cref="MultiplyLow"/>). Elsewhere the multiply would be emulated lane by lane, and the scalar loops are the
    /// faster ones.
    /// </summary>
    internal static bool IsVectorMixAccelerated => Vector256.IsHardwareAccelerated && (Avx512DQ.VL.IsSupported || Avx2.IsSupported);

    /// <summary><see cref="Mix(ulong)"/> of four values at once, lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z = MultiplyLow(z ^ Vector256.ShiftRightLogical(z, 30), 0xBF58476D1CE4E5B9UL);
        z = MultiplyLow(z ^ Vector256.ShiftRightLogical(z, 27), 0x94D049BB133111EBUL);
        return z ^ Vector256.ShiftRightLogical(z, 31);
    }

    /// <summary>The low 64 bits of each lane of <paramref name="x"/> times <paramref name="constant"/>.</summary>
    /// <remarks>
    /// AVX-512DQ multiplies 64-bit lanes in one instruction. AVX2 multiplies only the low 32 bits of each lane into
    /// 64 (<c>vpmuludq</c>); modulo 2<sup>64</sup>, x · c = x<sub>lo</sub> · c<sub>lo</sub> + ((x<sub>hi</sub> ·
    /// c<sub>lo</sub> + x<sub>lo</sub> · c<sub>hi</sub>) ≪ 32), three such multiplies. Without either, the runtime's
    /// lane-by-lane emulation (callers check <see cref="IsVectorMixAccelerated"/> first).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<ulong> MultiplyLow(Vector256<ulong> x, ulong constant)
    {
        return Avx512DQ.VL.IsSupported || !Avx2.IsSupported ? x * Vector256.Create(constant) : MultiplyLowAvx2(x, constant);
    }

    /// <summary><see cref="MultiplyLow"/> from AVX2's 32 × 32-bit multiplies; only where AVX2 is supported.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<ulong> MultiplyLowAvx2(Vector256<ulong> x, ulong constant)
    {
        Vector256<uint> low = Vector256.Create(constant).AsUInt32();
        Vector256<uint> high = Vector256.Create(constant >> 32).AsUInt32();
        Vector256<ulong> lowProduct = Avx2.Multiply(x.AsUInt32(), low);
        Vector256<ulong> cross = Avx2.Multiply(Vector256.ShiftRightLogical(x, 32).AsUInt32(), low) + Avx2.Multiply(x.AsUInt32(), high);
        return lowProduct + Vector256.ShiftLeft(cross, 32);
    }
}

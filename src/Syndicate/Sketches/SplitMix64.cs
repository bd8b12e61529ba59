using System.Runtime.CompilerServices;

namespace Syndicate.Sketches;

/// <summary>
/// The SplitMix64 generator (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014) and its output function, used to derive sketch parameters from a seed and to mix values.
/// </summary>
/// <remarks>
/// The output function is Stafford's "Mix13" variant of the MurmurHash3 finalizer. It is a bijection on
/// 64-bit values, so distinct inputs stay distinct, and every output bit depends on every input bit.
/// </remarks>
internal struct SplitMix64
{
    /// <summary>The Weyl increment: 2^64 divided by the golden ratio, rounded to an odd number.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    private ulong _state;

    /// <summary>Creates a generator whose output stream is fully determined by <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>Returns the next 64-bit value of the stream.</summary>
    public ulong Next()
    {
        _state += Gamma;
        return Mix(_state);
    }

    /// <summary>The SplitMix64 output function: a bijective 64-bit mixer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Syndicate.Index;

/// <summary>
/// Hashes the bytes of one signature band to the 32-bit key the <see cref="LshIndex"/> tables store.
/// </summary>
/// <remarks>
/// The bytes are read as little-endian 64-bit words (so keys are the same on every platform), each word is
/// absorbed with a multiply–rotate–multiply step, and the state is finished with the SplitMix64 output function
/// (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014), whose avalanche makes
/// every output bit depend on every input bit. A band of 8 bytes or fewer is absorbed as a single word, so the
/// 64-bit state is a bijection of it; the fold to 32 bits is where distinct bands can first collide. A collision
/// only merges two chains, which adds candidates that the caller verifies anyway.
/// </remarks>
internal static class BandKey
{
    // 2^64 / φ, the usual odd multiplier for Fibonacci hashing.
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    // Odd multiplier with well-spread bits (the second multiplier of the MurmurHash3 64-bit finaliser).
    private const ulong Spread = 0xC4CEB9FE1A85EC53UL;

    // SplitMix64 output-function multipliers.
    private const ulong Mix1 = 0xBF58476D1CE4E5B9UL;
    private const ulong Mix2 = 0x94D049BB133111EBUL;

    /// <summary>Returns the key of <paramref name="band"/>, which must not be empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Compute(ReadOnlySpan<byte> band)
    {
        var length = band.Length;
        var state = (ulong)length * Golden;
        if (length > 8)
        {
            var i = 0;
            for (; i + 8 < length; i += 8)
            {
                state = Absorb(state, BinaryPrimitives.ReadUInt64LittleEndian(band.Slice(i, 8)));
            }

            // The last word overlaps the previous one when the length is not a multiple of 8; the length in the
            // seed keeps that unambiguous.
            state = Absorb(state, BinaryPrimitives.ReadUInt64LittleEndian(band.Slice(length - 8, 8)));
        }
        else if (length >= 4)
        {
            // Two possibly overlapping 32-bit halves cover 4 to 8 bytes.
            var low = BinaryPrimitives.ReadUInt32LittleEndian(band);
            var high = BinaryPrimitives.ReadUInt32LittleEndian(band.Slice(length - 4, 4));
            state = Absorb(state, low | ((ulong)high << 32));
        }
        else
        {
            // First, middle and last byte cover 1 to 3 bytes.
            var word = band[0] | ((ulong)band[length >> 1] << 8) | ((ulong)band[length - 1] << 16);
            state = Absorb(state, word);
        }

        state = Finish(state);
        return (uint)(state ^ (state >> 32));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Absorb(ulong state, ulong word) =>
        BitOperations.RotateLeft(state ^ (word * Golden), 31) * Spread;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Finish(ulong state)
    {
        state = (state ^ (state >> 30)) * Mix1;
        state = (state ^ (state >> 27)) * Mix2;
        return state ^ (state >> 31);
    }
}

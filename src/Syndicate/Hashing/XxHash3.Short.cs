using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Syndicate.Hashing;

public static partial class XxHash3
{
    // Paths for inputs of at most 240 bytes. Each one reads the default secret directly and folds the seed into
    // the secret words it uses, as the reference does; see the xxHash specification, "XXH3 64-bit, short inputs".

    private static ulong HashShort(ReadOnlySpan<byte> source, ulong seed)
    {
        Debug.Assert(source.Length <= MidSizeMaxLength);
        if (source.Length <= 16)
        {
            return HashLength0To16(source, seed);
        }

        return source.Length <= 128 ? HashLength17To128(source, seed) : HashLength129To240(source, seed);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong HashLength0To16(ReadOnlySpan<byte> source, ulong seed)
    {
        if (source.Length > 8)
        {
            return HashLength9To16(source, seed);
        }

        if (source.Length >= 4)
        {
            return HashLength4To8(source, seed);
        }

        if (source.Length > 0)
        {
            return HashLength1To3(source, seed);
        }

        var secret = DefaultSecret;
        return Xxh64Avalanche(seed ^ ReadUInt64(secret, 56) ^ ReadUInt64(secret, 64));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong HashLength1To3(ReadOnlySpan<byte> source, ulong seed)
    {
        // One, two or three bytes packed with the length: c1 = first, c2 = middle, c3 = last (they may coincide).
        uint c1 = source[0];
        uint c2 = source[source.Length >> 1];
        uint c3 = source[^1];
        var combined = (c1 << 16) | (c2 << 24) | c3 | ((uint)source.Length << 8);
        var secret = DefaultSecret;
        var bitflip = (ulong)(ReadUInt32(secret, 0) ^ ReadUInt32(secret, 4)) + seed;
        return Xxh64Avalanche(combined ^ bitflip);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong HashLength4To8(ReadOnlySpan<byte> source, ulong seed)
    {
        // The low half of the seed, byte-swapped, is mirrored into the high half.
        seed ^= (ulong)BinaryPrimitives.ReverseEndianness((uint)seed) << 32;
        ulong first = ReadUInt32(source, 0);
        ulong last = ReadUInt32(source, source.Length - 4);
        var secret = DefaultSecret;
        var bitflip = (ReadUInt64(secret, 8) ^ ReadUInt64(secret, 16)) - seed;
        var keyed = (last + (first << 32)) ^ bitflip;
        return RrMxMx(keyed, source.Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong HashLength9To16(ReadOnlySpan<byte> source, ulong seed)
    {
        var secret = DefaultSecret;
        var bitflip1 = (ReadUInt64(secret, 24) ^ ReadUInt64(secret, 32)) + seed;
        var bitflip2 = (ReadUInt64(secret, 40) ^ ReadUInt64(secret, 48)) - seed;
        var low = ReadUInt64(source, 0) ^ bitflip1;
        var high = ReadUInt64(source, source.Length - 8) ^ bitflip2;
        var acc = (ulong)source.Length + BinaryPrimitives.ReverseEndianness(low) + high + Multiply128Fold64(low, high);
        return Avalanche(acc);
    }

    private static ulong HashLength17To128(ReadOnlySpan<byte> source, ulong seed)
    {
        // Pairs of 16-byte lanes taken from both ends, working inwards; the pairs overlap for lengths that are
        // not multiples of 32, which is intended.
        var secret = DefaultSecret;
        var length = source.Length;
        var acc = (ulong)length * Prime64_1;
        if (length > 32)
        {
            if (length > 64)
            {
                if (length > 96)
                {
                    acc += Mix16(source, 48, secret, 96, seed);
                    acc += Mix16(source, length - 64, secret, 112, seed);
                }

                acc += Mix16(source, 32, secret, 64, seed);
                acc += Mix16(source, length - 48, secret, 80, seed);
            }

            acc += Mix16(source, 16, secret, 32, seed);
            acc += Mix16(source, length - 32, secret, 48, seed);
        }

        acc += Mix16(source, 0, secret, 0, seed);
        acc += Mix16(source, length - 16, secret, 16, seed);
        return Avalanche(acc);
    }

    private static ulong HashLength129To240(ReadOnlySpan<byte> source, ulong seed)
    {
        // XXH3_MIDSIZE_STARTOFFSET = 3 and XXH3_MIDSIZE_LASTOFFSET = 17: rounds 8.. reuse the secret shifted by
        // 3 bytes, and the final 16 bytes use secret[136 - 17 ..].
        const int StartOffset = 3;
        const int LastOffset = 17;
        const int SecretSizeMin = 136;

        var secret = DefaultSecret;
        var length = source.Length;
        var acc = (ulong)length * Prime64_1;
        for (var i = 0; i < 8; i++)
        {
            acc += Mix16(source, 16 * i, secret, 16 * i, seed);
        }

        var accEnd = Mix16(source, length - 16, secret, SecretSizeMin - LastOffset, seed);
        acc = Avalanche(acc);
        var rounds = length / 16;
        for (var i = 8; i < rounds; i++)
        {
            accEnd += Mix16(source, 16 * i, secret, (16 * (i - 8)) + StartOffset, seed);
        }

        return Avalanche(acc + accEnd);
    }

    /// <summary>XXH3_mix16B: two input words keyed with two secret words (seed added/subtracted), multiplied and folded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix16(ReadOnlySpan<byte> source, int offset, ReadOnlySpan<byte> secret, int secretOffset, ulong seed)
    {
        var low = ReadUInt64(source, offset) ^ (ReadUInt64(secret, secretOffset) + seed);
        var high = ReadUInt64(source, offset + 8) ^ (ReadUInt64(secret, secretOffset + 8) - seed);
        return Multiply128Fold64(low, high);
    }
}

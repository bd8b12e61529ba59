using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Syndicate.Hashing;

/// <summary>
/// XXH3 64-bit, the non-cryptographic hash function of the xxHash family
/// (<see href="https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md">xxHash specification</see>).
/// </summary>
/// <remarks>
/// Results equal the reference <c>XXH3_64bits_withSeed</c> bit for bit, for every input length and seed, on every
/// platform. The API mirrors <c>System.IO.Hashing.XxHash3.HashToUInt64</c>, so the two are interchangeable.
/// XXH3 is fast and well distributed but is not a cryptographic hash: do not use it where an adversary chooses the
/// input and collisions matter.
/// </remarks>
public static partial class XxHash3
{
    // Primes from the xxHash specification ("Constants" sections of XXH32, XXH64 and XXH3).
    private const ulong Prime32_1 = 0x9E3779B1UL;
    private const ulong Prime32_2 = 0x85EBCA77UL;
    private const ulong Prime32_3 = 0xC2B2AE3DUL;
    private const ulong Prime64_1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime64_2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Prime64_3 = 0x165667B19E3779F9UL;
    private const ulong Prime64_4 = 0x85EBCA77C2B2AE63UL;
    private const ulong Prime64_5 = 0x27D4EB2F165667C5UL;

    // Multipliers of the XXH3 avalanche and of rrmxmx (the 4-8 byte finalizer).
    private const ulong PrimeMx1 = 0x165667919E3779F9UL;
    private const ulong PrimeMx2 = 0x9FB21C651E98DF25UL;

    /// <summary>Largest input handled by the 129-240 byte path; longer inputs take the striped long path.</summary>
    private const int MidSizeMaxLength = 240;

    /// <summary>Computes the XXH3 64-bit hash of <paramref name="source"/>.</summary>
    /// <param name="source">The data to hash.</param>
    /// <param name="seed">The seed; 0 selects the default (unseeded) XXH3.</param>
    /// <returns>The 64-bit hash, identical to the reference <c>XXH3_64bits_withSeed(source, length, seed)</c>.</returns>
    public static ulong HashToUInt64(ReadOnlySpan<byte> source, long seed = 0)
    {
        if (source.Length <= MidSizeMaxLength)
        {
            return HashShort(source, (ulong)seed);
        }

        // Dispatch ladder: the widest vector unit the hardware accelerates, ending in the scalar reference.
        // The vector kernels reinterpret memory as little-endian lanes, so they are only used on little-endian hosts.
        if (BitConverter.IsLittleEndian)
        {
            if (Vector256.IsHardwareAccelerated)
            {
                return HashLongVector256(source, (ulong)seed);
            }

            if (Vector128.IsHardwareAccelerated)
            {
                return HashLongVector128(source, (ulong)seed);
            }
        }

        return HashLongScalar(source, (ulong)seed);
    }

    /// <summary>
    /// Hashes the UTF-16 little-endian encoding of <paramref name="source"/>; equals
    /// <see cref="HashToUInt64(ReadOnlySpan{byte}, long)"/> over <c>Encoding.Unicode.GetBytes(source)</c>.
    /// </summary>
    /// <remarks>
    /// On little-endian hosts (all mainstream .NET targets) the chars are hashed in place, with no copy. On big-endian
    /// hosts they are first copied into little-endian order so that hashes are the same on every platform.
    /// </remarks>
    internal static ulong HashToUInt64(ReadOnlySpan<char> source, long seed = 0)
    {
        if (BitConverter.IsLittleEndian)
        {
            return HashToUInt64(MemoryMarshal.AsBytes(source), seed);
        }

        return HashUtf16OnBigEndianHost(source, seed);
    }

    /// <summary>Hashes with the 0-240 byte paths, or forces the scalar long path for longer input.</summary>
    internal static ulong HashToUInt64Scalar(ReadOnlySpan<byte> source, long seed = 0) =>
        source.Length <= MidSizeMaxLength ? HashShort(source, (ulong)seed) : HashLongScalar(source, (ulong)seed);

    /// <summary>Hashes with the 0-240 byte paths, or forces the <see cref="Vector128"/> long path for longer input.</summary>
    /// <remarks>Correct on any little-endian host; falls back to software emulation where Vector128 is not accelerated.</remarks>
    internal static ulong HashToUInt64Vector128(ReadOnlySpan<byte> source, long seed = 0) =>
        source.Length <= MidSizeMaxLength ? HashShort(source, (ulong)seed) : HashLongVector128(source, (ulong)seed);

    /// <summary>Hashes with the 0-240 byte paths, or forces the <see cref="Vector256"/> long path for longer input.</summary>
    /// <remarks>Correct on any little-endian host; falls back to software emulation where Vector256 is not accelerated.</remarks>
    internal static ulong HashToUInt64Vector256(ReadOnlySpan<byte> source, long seed = 0) =>
        source.Length <= MidSizeMaxLength ? HashShort(source, (ulong)seed) : HashLongVector256(source, (ulong)seed);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong HashUtf16OnBigEndianHost(ReadOnlySpan<char> source, long seed)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(source.Length * sizeof(char));
        try
        {
            var bytes = buffer.AsSpan(0, source.Length * sizeof(char));
            for (var i = 0; i < source.Length; i++)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(bytes[(i * sizeof(char))..], source[i]);
            }

            return HashToUInt64(bytes, seed);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>XXH3's final mix for the 9-240 byte paths and the long path: a xorshift-multiply-xorshift.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Avalanche(ulong hash)
    {
        hash ^= hash >> 37;
        hash *= PrimeMx1;
        return hash ^ (hash >> 32);
    }

    /// <summary>The XXH64 avalanche, which XXH3 reuses for inputs of 0-3 bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Xxh64Avalanche(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= Prime64_2;
        hash ^= hash >> 29;
        hash *= Prime64_3;
        return hash ^ (hash >> 32);
    }

    /// <summary>"rrmxmx", the stronger finalizer XXH3 uses for inputs of 4-8 bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong RrMxMx(ulong hash, int length)
    {
        hash ^= ulong.RotateLeft(hash, 49) ^ ulong.RotateLeft(hash, 24);
        hash *= PrimeMx2;
        hash ^= (hash >> 35) + (ulong)length;
        hash *= PrimeMx2;
        return hash ^ (hash >> 28);
    }

    /// <summary>Full 64x64→128-bit multiply, folded to 64 bits by xoring the halves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Multiply128Fold64(ulong left, ulong right)
    {
        var high = Math.BigMul(left, right, out var low);
        return high ^ low;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadUInt64(ReadOnlySpan<byte> source, int offset) =>
        BinaryPrimitives.ReadUInt64LittleEndian(source[offset..]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ReadUInt32(ReadOnlySpan<byte> source, int offset) =>
        BinaryPrimitives.ReadUInt32LittleEndian(source[offset..]);
}

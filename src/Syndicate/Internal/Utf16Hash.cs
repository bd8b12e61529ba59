using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Syndicate.Internal;

/// <summary>XXH3-64 of text: the hash of its UTF-16 little-endian code units, the same on every platform.</summary>
internal static class Utf16Hash
{
    /// <summary>
    /// Equals <see cref="System.IO.Hashing.XxHash3.HashToUInt64(ReadOnlySpan{byte}, long)"/> over <c>Encoding.Unicode.GetBytes(source)</c>.
    /// </summary>
    /// <remarks>
    /// On little-endian hosts (all mainstream .NET targets) the chars are hashed in place, with no copy. On big-endian
    /// hosts they are first copied into little-endian order so that fingerprints and state files are portable.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong XxHash3(ReadOnlySpan<char> source, long seed = 0) =>
        BitConverter.IsLittleEndian
            ? System.IO.Hashing.XxHash3.HashToUInt64(MemoryMarshal.AsBytes(source), seed)
            : XxHash3OnBigEndianHost(source, seed);

    /// <summary>
    /// A hash of an optional title and a body together: each part's hash seeds the next, and a missing title differs
    /// from an empty one, so no two different pairs collide by concatenation. Never 0 (0 means "not known").
    /// </summary>
    public static ulong OfText(string? title, ReadOnlySpan<char> body)
    {
        ulong h = title is null ? 0x9E3779B97F4A7C15UL : XxHash3(title, 1);
        h = XxHash3(body, unchecked((long)h));
        return h == 0 ? 1 : h;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong XxHash3OnBigEndianHost(ReadOnlySpan<char> source, long seed)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(source.Length * sizeof(char));
        try
        {
            var bytes = buffer.AsSpan(0, source.Length * sizeof(char));
            for (var i = 0; i < source.Length; i++)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(bytes[(i * sizeof(char))..], source[i]);
            }

            return System.IO.Hashing.XxHash3.HashToUInt64(bytes, seed);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

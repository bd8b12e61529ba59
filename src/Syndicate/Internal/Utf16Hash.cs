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

using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text.Unicode;

namespace Syndicate.Cli.Input;

/// <summary>Strict UTF-8 to UTF-16 decoding of JSON string content, in one pass that also finds where the content stops.</summary>
/// <remarks>
/// <see cref="Utf8.ToUtf16(ReadOnlySpan{byte}, Span{char}, out int, out int, bool, bool)"/> is fast on ASCII but
/// decodes two-byte sequences, which make up most of Arabic, Hebrew, Greek or Cyrillic text, a few at a time; and a
/// JSON reader would first search for the end of the string, then decode it. Here blocks of 32 bytes are read once:
/// each byte is classified, the block is cut at the first quote, backslash or control character (where plain content
/// stops), and if what is left holds only ASCII and two-byte sequences it is checked (sequences complete and not
/// overlong) and decoded with AVX2: the code units are computed in every lane and the lanes of continuation bytes are
/// squeezed out with a byte shuffle. Any other block (three- and four-byte sequences, invalid bytes) is decoded by the
/// framework's decoder, which has the final word on validity. The last bytes of the input are read as a block padded
/// with zero bytes, which stop the content as control characters do.
/// </remarks>
internal static class Utf8Decoder
{
    /// <summary>
    /// Code units a destination must have room for beyond what is decoded into it: blocks are stored whole and only
    /// the decoded part counts as written.
    /// </summary>
    public const int Slack = Block;

    private const int Block = 32;

    // For each 8-bit mask of UTF-16 lanes to keep, the byte shuffle that moves those lanes to the front in order.
    private static readonly byte[] s_compact = BuildCompactTable();

    /// <summary>
    /// What ends a run of plain string content: the closing quote, an escape, or a control character (which JSON
    /// forbids unescaped).
    /// </summary>
    public static readonly SearchValues<byte> ContentStops = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"u8);

    /// <summary>
    /// Decodes plain JSON string content from <paramref name="read"/> in <paramref name="utf8"/> to
    /// <paramref name="written"/> in <paramref name="destination"/>, up to the first quote, backslash or control
    /// character, or the end of <paramref name="utf8"/>; <paramref name="read"/> is left there. False if the bytes
    /// before it are not valid UTF-8.
    /// </summary>
    /// <remarks>
    /// <paramref name="destination"/> must have room for one code unit per byte left in <paramref name="utf8"/> plus
    /// <see cref="Slack"/>; a UTF-8 sequence never decodes to more code units than it has bytes.
    /// </remarks>
    public static bool TryDecodeContent(ReadOnlySpan<byte> utf8, ref int read, Span<char> destination, ref int written)
    {
        if (destination.Length - written < utf8.Length - read + Slack)
        {
            throw new ArgumentException("The destination has no room for the content and the slack.", nameof(destination));
        }

        return Avx2.IsSupported
            ? DecodeBlocks(utf8, ref read, destination, ref written)
            : TryDecodeContentReference(utf8, ref read, destination, ref written);
    }

    /// <summary>
    /// <see cref="TryDecodeContent"/> without SIMD: a search for the stop and the framework's decoder, as the
    /// reference the blocks are tested against and the path where AVX2 is missing.
    /// </summary>
    public static bool TryDecodeContentReference(ReadOnlySpan<byte> utf8, ref int read, Span<char> destination, ref int written)
    {
        var run = utf8[read..].IndexOfAny(ContentStops);
        var content = run < 0 ? utf8[read..] : utf8.Slice(read, run);
        var status = Utf8.ToUtf16(content, destination[written..], out var contentRead, out var contentWritten, replaceInvalidSequences: false);
        read += contentRead;
        written += contentWritten;
        return status == OperationStatus.Done;
    }

    private static bool DecodeBlocks(ReadOnlySpan<byte> utf8, ref int read, Span<char> destination, ref int written)
    {
        ref var target = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(destination));
        ref var compact = ref MemoryMarshal.GetArrayDataReference(s_compact);
        Span<byte> padded = stackalloc byte[(2 * Block) + 1];
        var i = read;
        var o = written;
        while (true)
        {
            // A block and the bytes one further (each lane's next byte); near the end, the rest padded with zeros.
            Vector256<byte> bytes;
            Vector256<byte> next;
            var available = utf8.Length - i;
            if (available > Block)
            {
                ref var source = ref MemoryMarshal.GetReference(utf8);
                bytes = Vector256.LoadUnsafe(ref source, (nuint)i);
                next = Vector256.LoadUnsafe(ref source, (nuint)i + 1);
            }
            else
            {
                padded.Clear();
                utf8[i..].CopyTo(padded);
                bytes = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(padded));
                next = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(padded), 1);
            }

            // Lanes before the first quote, backslash or control character are content; `lanes` of them.
            var stop = (Vector256.Equals(bytes, Vector256.Create((byte)'"'))
                | Vector256.Equals(bytes, Vector256.Create((byte)'\\'))
                | Vector256.LessThan(bytes, Vector256.Create((byte)0x20))).ExtractMostSignificantBits();
            var lanes = stop == 0 ? Block : BitOperations.TrailingZeroCount(stop);
            var content = lanes == Block ? uint.MaxValue : (1u << lanes) - 1;
            var high = bytes.ExtractMostSignificantBits() & content;
            if (high == 0)
            {
                Vector256.WidenLower(bytes).AsByte().StoreUnsafe(ref target, (nuint)o * 2);
                Vector256.WidenUpper(bytes).AsByte().StoreUnsafe(ref target, (nuint)(o + 16) * 2);
                i += lanes;
                o += lanes;
                if (lanes < Block)
                {
                    break;
                }

                continue;
            }

            // Continuation bytes are 0x80-0xBF; the other high bytes must lead two-byte sequences, 0xC2-0xDF, each
            // followed by a continuation byte, and every continuation byte must follow such a lead. A lead in the
            // last lane of a whole block has its continuation in the next block: that lane is left for the next
            // round. A lead just before the stop has none.
            var continuation = Vector256.LessThan(bytes.AsSByte(), Vector256.Create((sbyte)-64)).ExtractMostSignificantBits() & content;
            var lead = high & ~continuation;
            var unsupported = (Vector256.GreaterThanOrEqual(bytes, Vector256.Create((byte)0xE0))
                | Vector256.Equals(bytes & Vector256.Create((byte)0xFE), Vector256.Create((byte)0xC0))).ExtractMostSignificantBits() & content;
            var leadAtStop = lanes < Block && (lead >> (lanes - 1)) != 0;
            if (unsupported != 0 || continuation != ((lead << 1) & content) || leadAtStop)
            {
                // The framework's decoder on the block's content, up to its last complete sequence; back to blocks
                // after it, or the content is not valid UTF-8.
                var status = Utf8.ToUtf16(utf8.Slice(i, Math.Min(lanes, available)), destination[o..], out var windowRead, out var windowWritten, replaceInvalidSequences: false, isFinalBlock: false);
                i += windowRead;
                o += windowWritten;
                if (status is not (OperationStatus.Done or OperationStatus.NeedMoreData) || windowRead == 0)
                {
                    read = i;
                    written = o;
                    return false;
                }

                if (status == OperationStatus.Done && lanes < Block)
                {
                    break;
                }

                continue;
            }

            var count = lanes == Block ? (int)(Block - (lead >> 31)) : lanes;
            var keep = ~continuation & (uint.MaxValue >> (Block - count));

            // Each lane's code unit as if it led a sequence, from its byte and the next; ASCII lanes keep their byte.
            var low = Decode(Vector256.WidenLower(bytes), Vector256.WidenLower(next)).AsByte();
            var upper = Decode(Vector256.WidenUpper(bytes), Vector256.WidenUpper(next)).AsByte();

            // Squeeze out the continuation lanes, eight lanes (one 128-bit half) at a time.
            var keep0 = keep & 0xFF;
            var keep1 = (keep >> 8) & 0xFF;
            var keep2 = (keep >> 16) & 0xFF;
            var keep3 = keep >> 24;
            low = Avx2.Shuffle(low, Vector256.Create(Vector128.LoadUnsafe(ref compact, keep0 * 16), Vector128.LoadUnsafe(ref compact, keep1 * 16)));
            upper = Avx2.Shuffle(upper, Vector256.Create(Vector128.LoadUnsafe(ref compact, keep2 * 16), Vector128.LoadUnsafe(ref compact, keep3 * 16)));
            low.GetLower().StoreUnsafe(ref target, (nuint)o * 2);
            o += BitOperations.PopCount(keep0);
            low.GetUpper().StoreUnsafe(ref target, (nuint)o * 2);
            o += BitOperations.PopCount(keep1);
            upper.GetLower().StoreUnsafe(ref target, (nuint)o * 2);
            o += BitOperations.PopCount(keep2);
            upper.GetUpper().StoreUnsafe(ref target, (nuint)o * 2);
            o += BitOperations.PopCount(keep3);
            i += count;
            if (lanes < Block)
            {
                break;
            }
        }

        read = i;
        written = o;
        return true;
    }

    // ((lead & 0x1F) << 6) | (next & 0x3F) in lanes whose byte is 0xC0 or more, the byte itself elsewhere.
    private static Vector256<ushort> Decode(Vector256<ushort> lead, Vector256<ushort> next)
    {
        var pair = ((lead & Vector256.Create((ushort)0x1F)) << 6) | (next & Vector256.Create((ushort)0x3F));
        return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(lead, Vector256.Create((ushort)0xC0)), pair, lead);
    }

    private static byte[] BuildCompactTable()
    {
        var table = new byte[256 * 16];
        for (var mask = 0; mask < 256; mask++)
        {
            var slot = 0;
            for (var lane = 0; lane < 8; lane++)
            {
                if ((mask & (1 << lane)) != 0)
                {
                    table[(mask * 16) + (slot * 2)] = (byte)(lane * 2);
                    table[(mask * 16) + (slot * 2) + 1] = (byte)((lane * 2) + 1);
                    slot++;
                }
            }

            // Lanes past the kept ones are zeroed (a shuffle index with the high bit set); they are overwritten by the
            // next store or lie past the end of what is counted as written.
            for (var b = slot * 2; b < 16; b++)
            {
                table[(mask * 16) + b] = 0x80;
            }
        }

        return table;
    }
}

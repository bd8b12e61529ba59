using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text.Unicode;

namespace Syndicate.Cli.Input;

/// <summary>Strict UTF-8 to UTF-16 decoding into a destination sized in advance.</summary>
/// <remarks>
/// <see cref="Utf8.ToUtf16(ReadOnlySpan{byte}, Span{char}, out int, out int, bool, bool)"/> is fast on ASCII but
/// decodes two-byte sequences, which make up most of Arabic, Hebrew, Greek or Cyrillic text, a few at a time. Here
/// blocks of 32 bytes that hold only ASCII and two-byte sequences are checked and decoded with AVX2: each byte is
/// classified, the sequences are checked to be complete and not overlong, the code units are computed in every lane
/// and the lanes of continuation bytes are squeezed out with a byte shuffle. Any other block (three- and four-byte
/// sequences, invalid bytes) is decoded a few bytes at a time by the framework's decoder, which has the final word on
/// validity; so is the tail, after a scalar loop has taken what it can of it.
/// </remarks>
internal static class Utf8Decoder
{
    private const int Block = 32;

    // The bytes handed to the framework's decoder when a block is not ASCII and two-byte sequences only.
    private const int Window = 32;

    // For each 8-bit mask of UTF-16 lanes to keep, the byte shuffle that moves those lanes to the front in order.
    private static readonly byte[] s_compact = BuildCompactTable();

    /// <summary>
    /// The number of UTF-16 code units <paramref name="utf8"/> decodes to if it is valid UTF-8: one for each byte that
    /// is not a continuation byte, plus one for each four-byte sequence. For invalid UTF-8 the number means nothing.
    /// </summary>
    public static int Utf16Length(ReadOnlySpan<byte> utf8)
    {
        var length = utf8.Length;
        ref var start = ref MemoryMarshal.GetReference(utf8);
        var i = 0;
        if (Vector256.IsHardwareAccelerated && utf8.Length >= Vector256<sbyte>.Count)
        {
            // As signed bytes, continuation bytes 0x80-0xBF are those below -64.
            var continuation = Vector256.Create((sbyte)-64);
            var fourByteLead = Vector256.Create((byte)0xF0);
            for (; i <= utf8.Length - Vector256<sbyte>.Count; i += Vector256<sbyte>.Count)
            {
                var bytes = Vector256.LoadUnsafe(ref start, (nuint)i).AsSByte();
                length -= BitOperations.PopCount(Vector256.LessThan(bytes, continuation).ExtractMostSignificantBits());
                length += BitOperations.PopCount(Vector256.GreaterThanOrEqual(bytes.AsByte(), fourByteLead).ExtractMostSignificantBits());
            }
        }

        for (; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if ((b & 0xC0) == 0x80)
            {
                length--;
            }
            else if (b >= 0xF0)
            {
                length++;
            }
        }

        return length;
    }

    /// <summary>
    /// Decodes all of <paramref name="utf8"/> to the front of <paramref name="destination"/>. False if it is not valid
    /// UTF-8 or does not fit.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> utf8, Span<char> destination, out int written)
    {
        var read = 0;
        written = 0;
        if (Avx2.IsSupported)
        {
            DecodeBlocks(utf8, destination, ref read, ref written);
        }

        // The tail of a run is usually short and Arabic or ASCII: decoded here, it spares a call to the framework.
        while (read < utf8.Length && written < destination.Length)
        {
            var b = utf8[read];
            if (b < 0x80)
            {
                destination[written++] = (char)b;
                read++;
            }
            else if (b is >= 0xC2 and <= 0xDF && read + 1 < utf8.Length && (utf8[read + 1] & 0xC0) == 0x80)
            {
                destination[written++] = (char)(((b & 0x1F) << 6) | (utf8[read + 1] & 0x3F));
                read += 2;
            }
            else
            {
                break;
            }
        }

        if (read == utf8.Length)
        {
            return true;
        }

        var status = Utf8.ToUtf16(utf8[read..], destination[written..], out _, out var tailWritten, replaceInvalidSequences: false);
        written += tailWritten;
        return status == OperationStatus.Done;
    }

    /// <summary>
    /// <see cref="TryDecode"/> without the SIMD blocks: the framework's decoder alone, for comparison in tests.
    /// </summary>
    public static bool TryDecodeReference(ReadOnlySpan<byte> utf8, Span<char> destination, out int written)
    {
        return Utf8.ToUtf16(utf8, destination, out _, out written, replaceInvalidSequences: false) == OperationStatus.Done;
    }

    // Decodes from `read` while a whole block (and the byte after it) is left and the destination has room for the
    // code units a block stores, handing stretches the blocks do not cover to the framework's decoder. Stops at the
    // first invalid byte, and always on a sequence boundary.
    private static void DecodeBlocks(ReadOnlySpan<byte> utf8, Span<char> destination, ref int read, ref int written)
    {
        ref var source = ref MemoryMarshal.GetReference(utf8);
        ref var target = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(destination));
        ref var compact = ref MemoryMarshal.GetArrayDataReference(s_compact);
        var i = read;
        var o = written;
        while (i < utf8.Length - Block && o <= destination.Length - Block)
        {
            var bytes = Vector256.LoadUnsafe(ref source, (nuint)i);
            var high = bytes.ExtractMostSignificantBits();
            if (high == 0)
            {
                Vector256.WidenLower(bytes).AsByte().StoreUnsafe(ref target, (nuint)o * 2);
                Vector256.WidenUpper(bytes).AsByte().StoreUnsafe(ref target, (nuint)(o + 16) * 2);
                i += Block;
                o += Block;
                continue;
            }

            // Continuation bytes are 0x80-0xBF; the other high bytes must lead two-byte sequences, 0xC2-0xDF, each
            // followed by a continuation byte, and every continuation byte must follow such a lead. A lead in the
            // last lane has its continuation in the next block: that lane is left for the next round.
            var continuation = Vector256.LessThan(bytes.AsSByte(), Vector256.Create((sbyte)-64)).ExtractMostSignificantBits();
            var lead = high & ~continuation;
            var unsupported = Vector256.GreaterThanOrEqual(bytes, Vector256.Create((byte)0xE0))
                | Vector256.Equals(bytes & Vector256.Create((byte)0xFE), Vector256.Create((byte)0xC0));
            if (unsupported != Vector256<byte>.Zero || continuation != lead << 1)
            {
                // A short stretch for the framework's decoder, up to the last complete sequence, then back to blocks.
                var window = utf8.Slice(i, Math.Min(Window, utf8.Length - i));
                var status = Utf8.ToUtf16(window, destination[o..], out var windowRead, out var windowWritten, replaceInvalidSequences: false, isFinalBlock: false);
                if (status is not (OperationStatus.Done or OperationStatus.NeedMoreData) || windowRead == 0)
                {
                    break;
                }

                i += windowRead;
                o += windowWritten;
                continue;
            }

            var count = (int)(Block - (lead >> 31));
            var keep = ~continuation & (uint.MaxValue >> (Block - count));

            // Each lane's code unit as if it led a sequence, from its byte and the next; ASCII lanes keep their byte.
            var next = Vector256.LoadUnsafe(ref source, (nuint)i + 1);
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
        }

        read = i;
        written = o;
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

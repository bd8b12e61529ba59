using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Unicode;

namespace Syndicate.Cli.Input;

/// <summary>Strict UTF-8 to UTF-16 decoding into a destination sized in advance.</summary>
internal static class Utf8Decoder
{
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
        return Utf8.ToUtf16(utf8, destination, out _, out written, replaceInvalidSequences: false) == OperationStatus.Done;
    }
}

using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Syndicate.Storage;

/// <summary>
/// The string encoding of the state files: UTF-8, except that an unpaired surrogate (which .NET strings may hold and
/// UTF-8 cannot express) is written as its three-byte generalized form <c>ED A0 80</c>–<c>ED BF BF</c> (as WTF-8 does)
/// instead of U+FFFD, so every id and text reads back exactly as it was added. Valid text is plain UTF-8, so files
/// written before this rule read the same.
/// </summary>
internal static class StateText
{
    // Strings of at most this many UTF-8 bytes are decoded through a stack buffer.
    private const int StackChars = 256;

    public static int GetByteCount(string value)
    {
        if (!HasLoneSurrogate(value))
        {
            return Encoding.UTF8.GetByteCount(value);
        }

        int count = 0;
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                count += 4;
                i++;
            }
            else
            {
                count += value[i] < 0x80 ? 1 : value[i] < 0x800 ? 2 : 3;
            }
        }

        return count;
    }

    /// <summary>Encodes into <paramref name="destination"/>, which holds at least <see cref="GetByteCount"/> bytes.</summary>
    public static int GetBytes(string value, Span<byte> destination)
    {
        if (!HasLoneSurrogate(value))
        {
            return Encoding.UTF8.GetBytes(value, destination);
        }

        int written = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])))
            {
                destination[written++] = (byte)(0xE0 | (c >> 12));
                destination[written++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                destination[written++] = (byte)(0x80 | (c & 0x3F));
                continue;
            }

            int length = char.IsHighSurrogate(c) ? 2 : 1;
            written += Encoding.UTF8.GetBytes(value.AsSpan(i, length), destination[written..]);
            i += length - 1;
        }

        return written;
    }

    public static string GetString(ReadOnlySpan<byte> bytes) => GetString(bytes, null);

    /// <summary>
    /// Decodes <paramref name="bytes"/>; a short string already in <paramref name="cache"/> is returned from there
    /// instead of allocated again.
    /// </summary>
    public static string GetString(ReadOnlySpan<byte> bytes, StringCache? cache)
    {
        // Valid UTF-8 (nearly every string) is validated and transcoded in one pass; a UTF-16 string is never longer
        // in chars than its UTF-8 form is in bytes.
        char[]? rented = null;
        Span<char> chars = bytes.Length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(bytes.Length));
        try
        {
            if (Utf8.ToUtf16(bytes, chars, out _, out int written, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                return rented is null && cache is not null ? cache.Get(chars[..written]) : new string(chars[..written]);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }

        var sb = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            if (bytes.Length >= 3 && bytes[0] == 0xED && bytes[1] is >= 0xA0 and <= 0xBF && bytes[2] is >= 0x80 and <= 0xBF)
            {
                sb.Append((char)(0xD000 | ((bytes[1] & 0x3F) << 6) | (bytes[2] & 0x3F)));
                bytes = bytes[3..];
                continue;
            }

            _ = Rune.DecodeFromUtf8(bytes, out Rune rune, out int consumed);
            sb.Append(rune.ToString()); // U+FFFD for bytes no writer produces; the block checksum makes that rare
            bytes = bytes[consumed..];
        }

        return sb.ToString();
    }

    private static bool HasLoneSurrogate(string value)
    {
        int i = value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (i < 0)
        {
            return false;
        }

        for (; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// The strings a snapshot repeats from document to document (sources, wire names, and the ids of the copies that many
/// documents matched or joined), decoded once each: a direct-mapped table of the last string seen per hash slot, so
/// that a long load allocates one string per distinct value nearby instead of one per document.
/// </summary>
internal sealed class StringCache
{
    private const int Slots = 4096;
    private readonly string?[] _strings = new string?[Slots];

    /// <summary>Returns a string equal to <paramref name="chars"/>, the cached one when its slot holds it.</summary>
    public string Get(ReadOnlySpan<char> chars)
    {
        int slot = (int)(System.IO.Hashing.XxHash3.HashToUInt64(System.Runtime.InteropServices.MemoryMarshal.AsBytes(chars)) & (Slots - 1));
        string? cached = _strings[slot];
        if (cached is not null && chars.SequenceEqual(cached))
        {
            return cached;
        }

        return _strings[slot] = new string(chars);
    }
}

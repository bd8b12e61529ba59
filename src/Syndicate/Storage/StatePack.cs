using System.Buffers;
using System.Buffers.Binary;
using MessagePack;

namespace Syndicate.Storage;

/// <summary>
/// The MessagePack encoding of the state's records (snapshot records and journal records), written and read with the
/// low-level <see cref="MessagePackWriter"/> and <see cref="MessagePackReader"/>: no reflection, so Native AOT and
/// trimming stay clean.
/// </summary>
/// <remarks>
/// <para>Every record is a map from small integer keys to values. A reader skips the keys it does not know, and an
/// optional value is simply absent, so a later format can add members without breaking this reader; a member that is
/// required is checked by the record's reader. Keys are never reused for another meaning.</para>
/// <para>Strings are MessagePack <c>str</c> values holding <see cref="StateText"/>'s bytes (UTF-8, with unpaired
/// surrogates in their three-byte form), so that every id and text reads back exactly as it was added. A time stamp is
/// a two-element array: UTC ticks and the offset in minutes.</para>
/// </remarks>
internal static class StatePack
{
    /// <summary>Writes <paramref name="value"/> as a <c>str</c> in <see cref="StateText"/>'s encoding.</summary>
    public static void WriteString(ref MessagePackWriter writer, string value)
    {
        int count = StateText.GetByteCount(value);
        writer.WriteStringHeader(count);
        int written = StateText.GetBytes(value, writer.GetSpan(count));
        writer.Advance(written);
    }

    /// <summary>Reads a <c>str</c> (or nil, as <see langword="null"/>) in <see cref="StateText"/>'s encoding.</summary>
    public static string? ReadString(ref MessagePackReader reader, StringCache? cache = null)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        if (reader.TryReadStringSpan(out ReadOnlySpan<byte> bytes))
        {
            return StateText.GetString(bytes, cache);
        }

        // Only a string split across buffer segments takes this path; records are read from one contiguous buffer.
        ReadOnlySequence<byte>? sequence = reader.ReadStringSequence();
        return sequence is { } s ? StateText.GetString(s.ToArray()) : null;
    }

    /// <summary>Writes a text held as a string or as the <see cref="StoredText"/> a snapshot restored (its bytes as they are).</summary>
    public static void WriteHeldText(ref MessagePackWriter writer, object text)
    {
        if (text is StoredText stored)
        {
            writer.WriteString(stored.Bytes);
        }
        else
        {
            WriteString(ref writer, (string)text);
        }
    }

    /// <summary>Reads a <c>str</c> (or nil, as <see langword="null"/>) into <paramref name="arena"/>, undecoded.</summary>
    public static StoredText? ReadStoredText(ref MessagePackReader reader, StoredText.Arena arena)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        if (reader.TryReadStringSpan(out ReadOnlySpan<byte> bytes))
        {
            return arena.Add(bytes);
        }

        // Only a string split across buffer segments takes this path; records are read from one contiguous buffer.
        ReadOnlySequence<byte>? sequence = reader.ReadStringSequence();
        return sequence is { } s ? arena.Add(s.ToArray()) : null;
    }

    public static void WriteTime(ref MessagePackWriter writer, DateTimeOffset value)
    {
        writer.WriteArrayHeader(2);
        writer.Write(value.UtcTicks);
        writer.Write((int)value.Offset.TotalMinutes);
    }

    /// <summary>Reads a time stamp; <see langword="null"/> when it is out of range (the caller reports the corruption).</summary>
    public static DateTimeOffset? ReadTime(ref MessagePackReader reader, out bool valid)
    {
        valid = true;
        if (reader.TryReadNil())
        {
            return null;
        }

        if (reader.ReadArrayHeader() != 2)
        {
            valid = false;
            return null;
        }

        long ticks = reader.ReadInt64();
        int offset = reader.ReadInt32();
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks || offset is < -14 * 60 or > 14 * 60)
        {
            valid = false;
            return null;
        }

        return new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offset));
    }

    /// <summary>
    /// Reads one MessagePack integer (any of its encodings) at <paramref name="position"/> straight from
    /// <paramref name="bytes"/>, for the hot records that are maps of integers. <paramref name="aboveInt64"/> is set for
    /// a <c>uint 64</c> above <see cref="long.MaxValue"/>, whose bits <paramref name="value"/> then holds. False, with
    /// nothing consumed, for anything else or too few bytes: the caller then decodes the record with
    /// <see cref="MessagePackReader"/>, which reports it as it always has.
    /// </summary>
    public static bool TryReadInteger(ReadOnlySpan<byte> bytes, ref int position, out long value, out bool aboveInt64)
    {
        value = 0;
        aboveInt64 = false;
        if ((uint)position >= (uint)bytes.Length)
        {
            return false;
        }

        byte code = bytes[position];
        ReadOnlySpan<byte> rest = bytes[(position + 1)..];
        int size;
        switch (code)
        {
            case <= 0x7F: // positive fixint
                value = code;
                size = 0;
                break;
            case >= 0xE0: // negative fixint
                value = (sbyte)code;
                size = 0;
                break;
            case 0xCC when rest.Length >= 1:
                value = rest[0];
                size = 1;
                break;
            case 0xCD when rest.Length >= 2:
                value = BinaryPrimitives.ReadUInt16BigEndian(rest);
                size = 2;
                break;
            case 0xCE when rest.Length >= 4:
                value = BinaryPrimitives.ReadUInt32BigEndian(rest);
                size = 4;
                break;
            case 0xCF when rest.Length >= 8:
                value = (long)BinaryPrimitives.ReadUInt64BigEndian(rest);
                aboveInt64 = value < 0;
                size = 8;
                break;
            case 0xD0 when rest.Length >= 1:
                value = (sbyte)rest[0];
                size = 1;
                break;
            case 0xD1 when rest.Length >= 2:
                value = BinaryPrimitives.ReadInt16BigEndian(rest);
                size = 2;
                break;
            case 0xD2 when rest.Length >= 4:
                value = BinaryPrimitives.ReadInt32BigEndian(rest);
                size = 4;
                break;
            case 0xD3 when rest.Length >= 8:
                value = BinaryPrimitives.ReadInt64BigEndian(rest);
                size = 8;
                break;
            default:
                value = 0;
                aboveInt64 = false;
                return false;
        }

        position += 1 + size;
        return true;
    }

    /// <summary>Whether <paramref name="e"/> is what <see cref="MessagePackReader"/> throws on bytes that do not decode.</summary>
    public static bool IsDecodeError(Exception e) => e is MessagePackSerializationException or EndOfStreamException or OverflowException;
}

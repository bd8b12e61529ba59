using System.Buffers;
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
    public static string? ReadString(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        if (reader.TryReadStringSpan(out ReadOnlySpan<byte> bytes))
        {
            return StateText.GetString(bytes);
        }

        // Only a string split across buffer segments takes this path; records are read from one contiguous buffer.
        ReadOnlySequence<byte>? sequence = reader.ReadStringSequence();
        return sequence is { } s ? StateText.GetString(s.ToArray()) : null;
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

    /// <summary>Whether <paramref name="e"/> is what <see cref="MessagePackReader"/> throws on bytes that do not decode.</summary>
    public static bool IsDecodeError(Exception e) => e is MessagePackSerializationException or EndOfStreamException or OverflowException;
}

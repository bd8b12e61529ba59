using System.Buffers;
using MessagePack;
using Syndicate.Cleaning;
using Syndicate.Storage;

namespace Syndicate.Tests.Storage;

public sealed class StatePackTests
{
    public static TheoryData<long> Integers => [0, 1, 127, 128, 255, 256, 65_535, 65_536, uint.MaxValue, (long)uint.MaxValue + 1, long.MaxValue, -1, -32, -33, -128, -129, -32_768, -32_769, int.MinValue, (long)int.MinValue - 1, long.MinValue];

    [Theory]
    [MemberData(nameof(Integers))]
    public void An_integer_reads_as_MessagePackReader_reads_it_in_every_encoding(long value)
    {
        // The writer picks the shortest encoding; the forced encodings cover the longer ones another writer may use.
        foreach (byte[] bytes in Encodings(value))
        {
            int position = 0;
            Assert.True(StatePack.TryReadInteger(bytes, ref position, out long read, out bool above));
            Assert.Equal(bytes.Length, position);
            Assert.False(above);
            Assert.Equal(new MessagePackReader(bytes).ReadInt64(), read);
        }
    }

    [Fact]
    public void A_uint64_above_int64_keeps_its_bits_and_is_flagged()
    {
        byte[] bytes = Write((ref MessagePackWriter w) => w.Write(ulong.MaxValue - 5));
        int position = 0;
        Assert.True(StatePack.TryReadInteger(bytes, ref position, out long read, out bool above));
        Assert.True(above);
        Assert.Equal(ulong.MaxValue - 5, (ulong)read);
    }

    [Theory]
    [InlineData(new byte[] { 0xC0 })] // nil
    [InlineData(new byte[] { 0xC3 })] // true
    [InlineData(new byte[] { 0xA1, 0x41 })] // a string
    [InlineData(new byte[] { 0xCD, 0x01 })] // uint 16 cut short
    [InlineData(new byte[] { 0xD3, 0, 0, 0 })] // int 64 cut short
    [InlineData(new byte[] { })]
    public void Anything_but_a_whole_integer_is_left_to_the_general_reader(byte[] bytes)
    {
        int position = 0;
        Assert.False(StatePack.TryReadInteger(bytes, ref position, out _, out _));
        Assert.Equal(0, position);
    }

    [Fact]
    public void A_line_record_of_the_usual_shape_reads_straight_from_its_bytes()
    {
        byte[] record = Write((ref MessagePackWriter w) =>
        {
            w.WriteMapHeader(4);
            w.Write(0);
            w.Write(0xF00D_0000_0000_0001UL);
            w.Write(1);
            w.Write(7);
            w.Write(2);
            w.Write(123_456_789_012L);
            w.Write(3);
            w.Write(-5L);
        });

        Assert.True(StateSnapshot.TryReadLine(record, out ulong key, out BoilerplateLearner.LineStat stat));
        Assert.Equal(0xF00D_0000_0000_0001UL, key);
        Assert.Equal((7, 123_456_789_012L, -5L), (stat.Stories, stat.LastCluster, stat.LastSeen));
    }

    [Fact]
    public void A_line_record_of_another_shape_is_left_to_the_general_reader()
    {
        // A key of a later format, a count of stories beyond Int32, a negative line key, bytes after the map.
        Assert.False(StateSnapshot.TryReadLine(Write((ref MessagePackWriter w) => { w.WriteMapHeader(2); w.Write(0); w.Write(5); w.Write(9); w.Write(1); }), out _, out _));
        Assert.False(StateSnapshot.TryReadLine(Write((ref MessagePackWriter w) => { w.WriteMapHeader(1); w.Write(1); w.Write((long)int.MaxValue + 1); }), out _, out _));
        Assert.False(StateSnapshot.TryReadLine(Write((ref MessagePackWriter w) => { w.WriteMapHeader(1); w.Write(0); w.Write(-1); }), out _, out _));
        Assert.False(StateSnapshot.TryReadLine(Write((ref MessagePackWriter w) => { w.WriteMapHeader(1); w.Write(0); w.Write(1); w.Write(2); }), out _, out _));
    }

    private static IEnumerable<byte[]> Encodings(long value)
    {
        yield return Write((ref MessagePackWriter w) => w.Write(value));
        yield return Write((ref MessagePackWriter w) => w.WriteInt64(value));
        if (value >= 0)
        {
            yield return Write((ref MessagePackWriter w) => w.WriteUInt64((ulong)value));
        }

        if (value is >= int.MinValue and <= int.MaxValue)
        {
            yield return Write((ref MessagePackWriter w) => w.WriteInt32((int)value));
        }

        if (value is >= 0 and <= uint.MaxValue)
        {
            yield return Write((ref MessagePackWriter w) => w.WriteUInt32((uint)value));
        }

        if (value is >= short.MinValue and <= short.MaxValue)
        {
            yield return Write((ref MessagePackWriter w) => w.WriteInt16((short)value));
        }

        if (value is >= 0 and <= ushort.MaxValue)
        {
            yield return Write((ref MessagePackWriter w) => w.WriteUInt16((ushort)value));
        }

        if (value is >= sbyte.MinValue and <= sbyte.MaxValue)
        {
            yield return Write((ref MessagePackWriter w) => w.WriteInt8((sbyte)value));
        }

        if (value is >= 0 and <= byte.MaxValue)
        {
            yield return Write((ref MessagePackWriter w) => w.WriteUInt8((byte)value));
        }
    }

    private delegate void Writing(ref MessagePackWriter writer);

    private static byte[] Write(Writing write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        write(ref writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}

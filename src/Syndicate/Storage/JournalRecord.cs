using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Syndicate.Storage;

/// <summary>The operations a journal records, and their little-endian encoding.</summary>
internal enum JournalOp : byte
{
    /// <summary><c>i64 timestamp, id, source, url?, published?, title?, body</c>.</summary>
    Add = 1,

    /// <summary><c>id</c>.</summary>
    Remove = 2,

    /// <summary><c>i64 cutoff ticks</c>.</summary>
    Evict = 3,
}

/// <summary>Encodes one journal payload into a reusable buffer.</summary>
internal sealed class JournalRecordWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    public JournalRecordWriter Start(JournalOp op)
    {
        _buffer.ResetWrittenCount();
        _buffer.GetSpan(1)[0] = (byte)op;
        _buffer.Advance(1);
        return this;
    }

    public JournalRecordWriter Int64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
        return this;
    }

    public JournalRecordWriter String(string? value)
    {
        if (value is null)
        {
            BinaryPrimitives.WriteInt32LittleEndian(_buffer.GetSpan(4), -1);
            _buffer.Advance(4);
            return this;
        }

        int max = Encoding.UTF8.GetMaxByteCount(value.Length); // also bounds StateText's count: at most 3 bytes a char
        Span<byte> span = _buffer.GetSpan(4 + max);
        int written = StateText.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, written);
        _buffer.Advance(4 + written);
        return this;
    }

    public JournalRecordWriter Time(DateTimeOffset? value)
    {
        Span<byte> span = _buffer.GetSpan(13);
        if (value is not { } t)
        {
            span[0] = 0;
            _buffer.Advance(1);
            return this;
        }

        span[0] = 1;
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], t.UtcTicks);
        BinaryPrimitives.WriteInt32LittleEndian(span[9..], (int)t.Offset.TotalMinutes);
        _buffer.Advance(13);
        return this;
    }
}

/// <summary>Decodes one journal payload; every read is bounds-checked and a bad payload is a <see cref="StateException"/>.</summary>
internal ref struct JournalRecordReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _path;
    private int _position;

    public JournalRecordReader(ReadOnlySpan<byte> data, string path)
    {
        _data = data;
        _path = path;
        _position = 0;
    }

    public JournalOp Op() => (JournalOp)Take(1)[0];

    public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public string? String()
    {
        int count = BinaryPrimitives.ReadInt32LittleEndian(Take(4));
        if (count == -1)
        {
            return null;
        }

        if (count < 0)
        {
            throw Bad();
        }

        return StateText.GetString(Take(count));
    }

    public DateTimeOffset? Time()
    {
        byte present = Take(1)[0];
        if (present == 0)
        {
            return null;
        }

        long ticks = BinaryPrimitives.ReadInt64LittleEndian(Take(8));
        int offset = BinaryPrimitives.ReadInt32LittleEndian(Take(4));
        if (present != 1 || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks || offset is < -14 * 60 or > 14 * 60)
        {
            throw Bad();
        }

        return new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offset));
    }

    public readonly void ExpectEnd()
    {
        if (_position != _data.Length)
        {
            throw Bad();
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _data.Length - _position)
        {
            throw Bad();
        }

        ReadOnlySpan<byte> span = _data.Slice(_position, count);
        _position += count;
        return span;
    }

    private readonly StateException Bad() => new(_path, "corrupt journal: a record passed its checksum but does not decode (written by an incompatible build?)");
}

using System.Buffers.Binary;
using System.IO.Hashing;

namespace Syndicate.Storage;

/// <summary>
/// Writes a payload as a sequence of checksummed blocks: <c>[u32 length][u64 XXH3-64 of the bytes][bytes]</c>, all
/// little-endian, ended by a block of length 0. Blocks bound the memory needed to verify a file of any size, and let a
/// reader name the offset of a damaged block.
/// </summary>
internal sealed class BlockWriter
{
    public const int BlockSize = 1 << 20;
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[BlockSize];
    private int _used;
    private readonly byte[] _header = new byte[12];

    public BlockWriter(Stream stream) => _stream = stream;

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_used++] = value;
    }

    public void WriteInt32(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_used), value);
        _used += 4;
    }

    public void WriteUInt32(uint value)
    {
        Ensure(4);
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_used), value);
        _used += 4;
    }

    public void WriteInt64(long value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_used), value);
        _used += 8;
    }

    public void WriteUInt64(ulong value)
    {
        Ensure(8);
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(_used), value);
        _used += 8;
    }

    public void WriteDouble(double value) => WriteInt64(BitConverter.DoubleToInt64Bits(value));

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_used == BlockSize)
            {
                FlushBlock();
            }

            int n = Math.Min(bytes.Length, BlockSize - _used);
            bytes[..n].CopyTo(_buffer.AsSpan(_used));
            _used += n;
            bytes = bytes[n..];
        }
    }

    /// <summary>A string as a byte-count prefix (−1 for null) and its bytes in <see cref="StateText"/>'s encoding.</summary>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteInt32(-1);
            return;
        }

        int count = StateText.GetByteCount(value);
        WriteInt32(count);
        if (count <= BlockSize - _used)
        {
            _used += StateText.GetBytes(value, _buffer.AsSpan(_used));
        }
        else
        {
            byte[] bytes = new byte[count];
            StateText.GetBytes(value, bytes);
            WriteBytes(bytes);
        }
    }

    public void WriteTime(DateTimeOffset? value)
    {
        WriteByte(value is null ? (byte)0 : (byte)1);
        if (value is { } t)
        {
            WriteInt64(t.UtcTicks);
            WriteInt32((int)t.Offset.TotalMinutes);
        }
    }

    /// <summary>Writes the last block and the end marker.</summary>
    public void Complete()
    {
        FlushBlock();
        BinaryPrimitives.WriteUInt32LittleEndian(_header, 0);
        BinaryPrimitives.WriteUInt64LittleEndian(_header.AsSpan(4), XxHash3.HashToUInt64(ReadOnlySpan<byte>.Empty, 0));
        _stream.Write(_header);
    }

    private void Ensure(int bytes)
    {
        if (BlockSize - _used < bytes)
        {
            FlushBlock();
        }
    }

    private void FlushBlock()
    {
        if (_used == 0)
        {
            return;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(_header, (uint)_used);
        BinaryPrimitives.WriteUInt64LittleEndian(_header.AsSpan(4), XxHash3.HashToUInt64(_buffer.AsSpan(0, _used), 0));
        _stream.Write(_header);
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }
}

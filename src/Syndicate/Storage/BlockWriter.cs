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

    private void WriteInt32(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_used), value);
        _used += 4;
    }

    private void WriteBytes(ReadOnlySpan<byte> bytes)
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

    /// <summary>A record (a MessagePack map, see <see cref="StatePack"/>) as a u32 byte count and its bytes, which may span blocks.</summary>
    public void WriteRecord(ReadOnlySpan<byte> record)
    {
        WriteInt32(record.Length);
        WriteBytes(record);
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

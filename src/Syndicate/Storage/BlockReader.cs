using System.Buffers.Binary;
using System.IO.Hashing;

namespace Syndicate.Storage;

/// <summary>Reads what <see cref="BlockWriter"/> wrote, verifying every block's checksum before any of its bytes is used.</summary>
internal sealed class BlockReader
{
    private const int MaxRecordBytes = 256 << 20;
    private readonly Stream _stream;
    private readonly string _path;
    private readonly byte[] _block = new byte[BlockWriter.BlockSize];
    private int _length;
    private int _position;
    private bool _ended;

    public BlockReader(Stream stream, string path)
    {
        _stream = stream;
        _path = path;
    }

    private int ReadInt32()
    {
        Need(4);
        int v = BinaryPrimitives.ReadInt32LittleEndian(_block.AsSpan(_position));
        _position += 4;
        return v;
    }

    private void ReadBytes(Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            if (_position == _length)
            {
                NextBlock();
            }

            int n = Math.Min(destination.Length, _length - _position);
            _block.AsSpan(_position, n).CopyTo(destination);
            _position += n;
            destination = destination[n..];
        }
    }

    /// <summary>
    /// Reads what <see cref="BlockWriter.WriteRecord"/> wrote: the record's bytes, in place in the current block when
    /// they lie within it, else copied into <paramref name="scratch"/> (grown as needed). Valid until the next read.
    /// </summary>
    public ReadOnlyMemory<byte> ReadRecord(ref byte[] scratch)
    {
        int count = ReadInt32();
        if (count is < 0 or > MaxRecordBytes)
        {
            throw Corrupt($"a record length of {count} bytes is impossible");
        }

        if (count <= _length - _position)
        {
            ReadOnlyMemory<byte> inPlace = _block.AsMemory(_position, count);
            _position += count;
            return inPlace;
        }

        if (scratch.Length < count)
        {
            scratch = new byte[Math.Max(count, scratch.Length * 2)];
        }

        ReadBytes(scratch.AsSpan(0, count));
        return scratch.AsMemory(0, count);
    }

    /// <summary>Checks that the payload ends here: the end marker follows and nothing after it.</summary>
    public void ExpectEnd()
    {
        if (_position != _length)
        {
            throw Corrupt("unexpected data after the last record");
        }

        if (!_ended)
        {
            NextBlock(allowEnd: true);
            if (!_ended)
            {
                throw Corrupt("unexpected data after the last record");
            }
        }
    }

    /// <summary>
    /// An upper bound on the payload bytes not read yet (framing included), so that a count read from the file reserves
    /// no more room than the file could fill.
    /// </summary>
    public long RemainingBytes
    {
        get
        {
            try
            {
                return _length - _position + Math.Max(0, _stream.Length - _stream.Position);
            }
            catch (NotSupportedException)
            {
                return long.MaxValue;
            }
        }
    }

    public StateException Corrupt(string what) => new(_path, $"corrupt state file: {what} (offset {SafePosition()}). Restore it from a backup or delete the state directory to start afresh.");

    private long SafePosition()
    {
        try
        {
            return _stream.Position;
        }
        catch (NotSupportedException)
        {
            return -1;
        }
    }

    private void Need(int bytes)
    {
        if (_length - _position >= bytes)
        {
            return;
        }

        if (_position != _length)
        {
            // Values never straddle blocks: the writer starts a new block instead.
            throw Corrupt("a value straddles a block boundary");
        }

        NextBlock();
        if (_length < bytes)
        {
            throw Corrupt("a block is too short");
        }
    }

    private void NextBlock(bool allowEnd = false)
    {
        Span<byte> header = stackalloc byte[12];
        if (_ended || _stream.ReadAtLeast(header, 12, throwOnEndOfStream: false) < 12)
        {
            throw Corrupt("the file ends early (truncated)");
        }

        uint length = BinaryPrimitives.ReadUInt32LittleEndian(header);
        ulong checksum = BinaryPrimitives.ReadUInt64LittleEndian(header[4..]);
        if (length == 0)
        {
            if (checksum != XxHash3.HashToUInt64(ReadOnlySpan<byte>.Empty, 0))
            {
                throw Corrupt("the end marker is damaged");
            }

            _ended = true;
            _length = _position = 0;
            if (!allowEnd)
            {
                throw Corrupt("the file ends early (truncated)");
            }

            return;
        }

        if (length > BlockWriter.BlockSize)
        {
            throw Corrupt($"a block claims {length} bytes");
        }

        if (_stream.ReadAtLeast(_block.AsSpan(0, (int)length), (int)length, throwOnEndOfStream: false) < length)
        {
            throw Corrupt("the file ends early (truncated)");
        }

        if (XxHash3.HashToUInt64(_block.AsSpan(0, (int)length), 0) != checksum)
        {
            throw Corrupt("a block's checksum does not match (bit rot or a partial write)");
        }

        _length = (int)length;
        _position = 0;
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.IO.Hashing;

namespace Syndicate.Cli.Input;

/// <summary>
/// Decompresses gzip data (one member or several concatenated) and, at its end, checks the data against the trailer
/// of the last member, so that a truncated file is an error rather than a silently shorter read.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="GZipStream"/> returns end of stream when the compressed data stops early, as a file cut by a full disk
/// or an interrupted copy does, and it does so even at a line boundary, where nothing downstream can notice. RFC 1952
/// §2.3.1 ends every member with CRC32 and ISIZE (the uncompressed length modulo 2^32), little-endian in its last eight
/// bytes; the decompressor checks both for every member it completes, but a cut file ends in compressed data instead.
/// </para>
/// <para>
/// So the last eight bytes read are taken as a trailer and must describe a suffix of what was decompressed: the whole
/// of it (one member, both CRC32 and ISIZE checked), or, for several members, the last ISIZE bytes, whose CRC32 is
/// checked when they fit in the window of recent bytes kept (<see cref="Window"/>; bgzip's members are 64 KiB). A last
/// member longer than the window is accepted on ISIZE alone being plausible (not larger than the total), which a cut
/// file passes with probability total/2^32.
/// </para>
/// </remarks>
internal sealed class CheckedGzipStream : PassThroughReadStream
{
    /// <summary>Decompressed bytes kept to check the CRC32 of a last member that is not the first.</summary>
    public const int Window = 1 << 20;

    // 10 header bytes, at least 2 of deflate data, 8 trailer bytes.
    private const int MinimumMemberBytes = 18;

    private readonly TailStream _raw;
    private readonly Crc32 _crc = new();
    private readonly byte[] _recent = new byte[Window];
    private long _length;
    private bool _verified;

    /// <summary>Decompresses <paramref name="compressed"/>, which is disposed with this stream.</summary>
    public CheckedGzipStream(Stream compressed)
        : this(new TailStream(compressed ?? throw new ArgumentNullException(nameof(compressed))))
    {
    }

    private CheckedGzipStream(TailStream raw)
        : base(new GZipStream(raw, CompressionMode.Decompress))
    {
        _raw = raw;
    }

    public override int Read(Span<byte> buffer)
    {
        int read = Inner.Read(buffer);
        if (read > 0)
        {
            Remember(buffer[..read]);
            return read;
        }

        if (buffer.Length > 0 && !_verified)
        {
            _verified = true;
            Verify();
        }

        return 0;
    }

    private void Remember(ReadOnlySpan<byte> data)
    {
        _crc.Append(data);
        if (data.Length >= Window)
        {
            data[^Window..].CopyTo(_recent);
        }
        else
        {
            // The ring position of the next byte is _length modulo the window.
            int at = (int)(_length % Window);
            int first = Math.Min(data.Length, Window - at);
            data[..first].CopyTo(_recent.AsSpan(at));
            data[first..].CopyTo(_recent);
        }

        _length += data.Length;
    }

    private void Verify()
    {
        if (_raw.Total < MinimumMemberBytes)
        {
            throw Truncated(string.Create(CultureInfo.InvariantCulture, $"only {_raw.Total} compressed bytes"));
        }

        ReadOnlySpan<byte> trailer = _raw.Tail;
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        if (size == (uint)_length && crc == _crc.GetCurrentHashAsUInt32())
        {
            return;
        }

        if (size < _length)
        {
            if (size > Window || crc == RecentCrc((int)size))
            {
                return;
            }
        }

        throw Truncated(string.Create(CultureInfo.InvariantCulture, $"{_length} bytes decompressed, then the data ends without a valid gzip trailer"));
    }

    // The CRC32 of the last `count` bytes decompressed, count not above the window.
    private uint RecentCrc(int count)
    {
        int end = (int)(_length % Window);
        var crc = new Crc32();
        if (count <= end)
        {
            crc.Append(_recent.AsSpan(end - count, count));
        }
        else
        {
            crc.Append(_recent.AsSpan(Window - (count - end)));
            crc.Append(_recent.AsSpan(0, end));
        }

        return crc.GetCurrentHashAsUInt32();
    }

    private static InvalidDataException Truncated(string detail) =>
        new("truncated or corrupt gzip data (" + detail + ")");

    /// <summary>Passes reads through and keeps the last eight bytes read, where a complete gzip file has its trailer.</summary>
    private sealed class TailStream(Stream inner) : PassThroughReadStream(inner)
    {
        private readonly byte[] _tail = new byte[8];

        public long Total { get; private set; }

        /// <summary>The last eight bytes read, oldest first; valid when <see cref="Total"/> is at least eight.</summary>
        public ReadOnlySpan<byte> Tail => _tail;

        public override int Read(Span<byte> buffer)
        {
            int read = Inner.Read(buffer);
            if (read >= _tail.Length)
            {
                buffer.Slice(read - _tail.Length, _tail.Length).CopyTo(_tail);
            }
            else if (read > 0)
            {
                _tail.AsSpan(read).CopyTo(_tail);
                buffer[..read].CopyTo(_tail.AsSpan(_tail.Length - read));
            }

            Total += read;
            return read;
        }
    }
}

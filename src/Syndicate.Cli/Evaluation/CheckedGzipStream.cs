using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace Syndicate.Cli.Evaluation;

/// <summary>
/// Decompresses a gzip file and, at its end, checks that the length decompressed matches the length its trailer
/// records, so that a truncated file is an error rather than a silently shorter read.
/// </summary>
/// <remarks>
/// <see cref="GZipStream"/> returns end of stream when the compressed data stops early, as a file cut by a full disk
/// or an interrupted copy does. RFC 1952 §2.3.1 ends every member with ISIZE, the uncompressed length modulo 2^32,
/// little-endian in the last four bytes; a cut file ends instead in compressed data, whose last four bytes match the
/// length read with probability 2^-32. The check assumes one member, as gzip and Python's gzip module write: a file
/// of several concatenated members is reported as inconsistent, which for label files is the safe side.
/// </remarks>
internal sealed class CheckedGzipStream : Stream
{
    private readonly GZipStream _inner;
    private readonly uint _expectedLength;
    private readonly bool _hasTrailer;
    private long _length;

    public CheckedGzipStream(FileStream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        Span<byte> trailer = stackalloc byte[4];
        if (file.Length >= 18)
        {
            // 10 header bytes, at least 2 of deflate data, 8 trailer bytes.
            file.Position = file.Length - 4;
            file.ReadExactly(trailer);
            _expectedLength = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
            _hasTrailer = true;
        }

        file.Position = 0;
        _inner = new GZipStream(file, CompressionMode.Decompress);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read = _inner.Read(buffer);
        _length += read;
        if (read == 0 && buffer.Length > 0 && (!_hasTrailer || (uint)_length != _expectedLength))
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"truncated or corrupt gzip data: {_length} bytes decompressed, the trailer records {(_hasTrailer ? _expectedLength.ToString(CultureInfo.InvariantCulture) : "none")}"));
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

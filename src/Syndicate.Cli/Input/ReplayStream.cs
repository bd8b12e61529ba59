using System.Runtime.ExceptionServices;

namespace Syndicate.Cli.Input;

/// <summary>
/// A read-only stream that first returns bytes already taken from another stream and then the rest of that stream,
/// so that the start of a non-seekable input (standard input, a decompressor) can be inspected before it is parsed.
/// </summary>
internal sealed class ReplayStream(byte[] prefix, int prefixLength, Stream inner) : PassThroughReadStream(inner)
{
    private readonly byte[] _prefix = prefix;
    private readonly int _prefixLength = prefixLength;
    private int _prefixPosition;
    private ExceptionDispatchInfo? _pending;

    /// <summary>The bytes a byte order mark can take: a replay this long is returned without reading on.</summary>
    private const int MinFirstRead = 4;

    /// <summary>
    /// Reads up to <paramref name="count"/> bytes from the start of <paramref name="stream"/> and returns them, with a
    /// stream that yields the same bytes again followed by the remainder.
    /// </summary>
    public static ReplayStream Peek(Stream stream, int count, out ReadOnlySpan<byte> head)
    {
        var prefix = new byte[count];
        var length = 0;
        while (length < count)
        {
            var read = stream.Read(prefix, length, count - length);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        head = prefix.AsSpan(0, length);
        return new ReplayStream(prefix, length, stream);
    }

    public override int Read(Span<byte> buffer)
    {
        if (_prefixPosition < _prefixLength)
        {
            var n = Math.Min(buffer.Length, _prefixLength - _prefixPosition);
            _prefix.AsSpan(_prefixPosition, n).CopyTo(buffer);
            _prefixPosition += n;

            // A short replay continues into the same buffer, so that a reader looking at its first read (StreamReader
            // checking for a byte order mark, up to four bytes) sees as much as it would have without the replay. A
            // longer one is returned alone: the read after it may wait on a pipe, and the replayed bytes (a whole line
            // of standard input) must reach the reader before the next line is written. A failure there (a truncated
            // gzip stream ending right after the prefix) is raised by the next read, so that the prefix is not lost
            // with it.
            if (n == buffer.Length || n >= MinFirstRead)
            {
                return n;
            }

            try
            {
                return n + Inner.Read(buffer[n..]);
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                _pending = ExceptionDispatchInfo.Capture(e);
                return n;
            }
        }

        if (_pending is { } pending)
        {
            _pending = null;
            pending.Throw();
        }

        return Inner.Read(buffer);
    }
}

using System.Buffers;

namespace Syndicate.Cli.Input;

/// <summary>
/// A pooled window over a stream: the bytes not yet consumed sit at the front of the buffer, refills append after them,
/// and the buffer doubles when one record does not fit, up to a limit.
/// </summary>
internal sealed class InputBuffer : IDisposable
{
    private readonly Stream _stream;
    private readonly int _maxSize;
    private byte[] _buffer;
    private int _start;
    private int _end;

    public InputBuffer(Stream stream, int initialSize, int maxSize)
    {
        _stream = stream;
        _maxSize = Math.Max(maxSize, 16);
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Clamp(initialSize, 16, _maxSize));
    }

    /// <summary>The bytes read and not yet consumed.</summary>
    public ReadOnlySpan<byte> Data => new(_buffer, _start, _end - _start);

    /// <summary>Whether the stream has ended; <see cref="Data"/> is then all that is left.</summary>
    public bool IsEnd { get; private set; }

    /// <summary>Whether the unconsumed bytes fill a buffer that may not grow any more.</summary>
    public bool IsFull => _start == 0 && _end == _buffer.Length && _buffer.Length >= _maxSize;

    /// <summary>Marks the first <paramref name="count"/> bytes of <see cref="Data"/> consumed.</summary>
    public void Advance(int count) => _start += count;

    /// <summary>Drops all unconsumed bytes.</summary>
    public void Clear()
    {
        _start = 0;
        _end = 0;
    }

    /// <summary>
    /// Reads more bytes after <see cref="Data"/>, moving it to the front of the buffer or growing the buffer when
    /// needed. Returns false when nothing could be added: the stream has ended or <see cref="IsFull"/>.
    /// </summary>
    public bool Fill()
    {
        if (IsEnd)
        {
            return false;
        }

        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _maxSize)
            {
                return false;
            }

            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, _maxSize));
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            IsEnd = true;
            return false;
        }

        _end += read;
        return true;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _start = 0;
        _end = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

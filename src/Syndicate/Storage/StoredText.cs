namespace Syndicate.Storage;

/// <summary>
/// A text read from a snapshot and kept as its stored bytes (<see cref="StateText"/>'s UTF-8) until it is first read,
/// so that reopening a state does not transcode and allocate every cluster's canonical texts and every document's url,
/// most of which are never read again before the next checkpoint writes the same bytes back.
/// </summary>
/// <remarks>
/// The bytes live in a shared <see cref="Arena"/> chunk, which the garbage collector does not copy from generation to
/// generation as it would a million separate strings. A holder replaces this object with the decoded string on first
/// read (see <see cref="Read"/>), after which the chunk is kept only by the texts not read yet.
/// </remarks>
internal sealed class StoredText
{
    private readonly byte[] _chunk;
    private readonly int _offset;
    private readonly int _length;

    private StoredText(byte[] chunk, int offset, int length)
    {
        _chunk = chunk;
        _offset = offset;
        _length = length;
    }

    /// <summary>
    /// A text held as the valid UTF-8 it arrived in (an article created from bytes), which is also its
    /// <see cref="StateText"/> encoding. The array is kept, not copied: its owner never writes to it.
    /// </summary>
    public static StoredText Of(byte[] utf8) => new(utf8, 0, utf8.Length);

    /// <summary>The stored bytes, as <see cref="StateText.GetBytes"/> wrote them.</summary>
    public ReadOnlySpan<byte> Bytes => _chunk.AsSpan(_offset, _length);

    /// <summary>
    /// The text held in <paramref name="slot"/> (a string, a <see cref="StoredText"/> or null), decoding a stored text
    /// into the slot on first read. One read and one write of the reference: a race between two readers decodes twice
    /// and stores equal strings.
    /// </summary>
    public static string? Read(ref object? slot)
    {
        object? value = slot;
        if (value is StoredText stored)
        {
            string text = StateText.GetString(stored.Bytes);
            slot = text;
            return text;
        }

        return (string?)value;
    }

    /// <summary>Copies the texts of one snapshot into large chunks.</summary>
    internal sealed class Arena
    {
        // Large enough to land on the large-object heap, which is never compacted by copying.
        private const int ChunkBytes = 4 << 20;

        private byte[] _chunk = [];
        private int _used;

        public StoredText Add(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length > ChunkBytes / 4)
            {
                return new StoredText(bytes.ToArray(), 0, bytes.Length);
            }

            if (_chunk.Length - _used < bytes.Length)
            {
                // Every byte of a chunk is written before it is read, so it need not be cleared first.
                _chunk = GC.AllocateUninitializedArray<byte>(ChunkBytes);
                _used = 0;
            }

            bytes.CopyTo(_chunk.AsSpan(_used));
            var text = new StoredText(_chunk, _used, bytes.Length);
            _used += bytes.Length;
            return text;
        }
    }
}

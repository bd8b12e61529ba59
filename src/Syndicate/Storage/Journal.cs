using System.Buffers.Binary;
using System.IO.Hashing;
using Microsoft.Win32.SafeHandles;

namespace Syndicate.Storage;

/// <summary>
/// The append-only operation log of a state directory. Each record is <c>[u32 length][u64 XXH3-64][payload]</c>; a
/// record is acknowledged once <see cref="Append"/> has returned (it is then in the operating system's hands and
/// survives the process being killed; with <see cref="Durability.FlushToDisk"/> it also survives power loss).
/// </summary>
/// <remarks>
/// On open, records are read until the end. A damaged record that reaches the end of the file is a write cut short by
/// a crash: it was never acknowledged, so the journal is cut before it. A tail of zeros is what a power cut leaves (the
/// file system had extended the file but not written the data) and is cut too. Either cut is reported as a
/// <see cref="JournalRepair"/>. A damaged record followed by other data is corruption and refused, with the offset the
/// intact records end at.
/// <para>
/// Group commit: records are appended one at a time under the engine's lock, but flushed to the disk by
/// <see cref="WaitDurable"/>, which callers run after releasing that lock. The first caller to find no flush in
/// progress flushes every record appended so far; callers arriving meanwhile wait for it, and the next of them flushes
/// whatever was appended during it. Under concurrent adds one flush thus covers the records of many callers, as in a
/// database's write-ahead log.
/// </para>
/// </remarks>
internal sealed class Journal : IDisposable
{
    private const int MaxRecord = 512 << 20;
    private readonly FileStream _stream;
    private readonly SafeFileHandle _handle;
    private readonly Durability _durability;
    private readonly byte[] _header = new byte[12];

    // Group commit. _appended is written only under the engine's lock (by Append); the rest under _gate.
    private readonly object _gate = new();
    private long _appended;
    private long _durable;
    private bool _flushing;
    private Exception? _flushFailure;

    private Journal(FileStream stream, string path, ulong generation, Durability durability)
    {
        _stream = stream;
        // Taken once, before any write: a flush outside the engine's lock goes to the handle, never through the stream.
        _handle = stream.SafeFileHandle;
        Path = path;
        Generation = generation;
        _durability = durability;
    }

    public string Path { get; }

    public ulong Generation { get; }

    public long Length => _stream.Length;

    /// <summary>When an appended record counts as stored.</summary>
    public Durability Durability => _durability;

    /// <summary>Records appended since the journal was opened: the number a caller passes to <see cref="WaitDurable"/>.</summary>
    public long Appended => Volatile.Read(ref _appended);

    /// <summary>Why flushing the journal to the disk failed, if it did: the journal then acknowledges nothing more.</summary>
    public Exception? FlushFailure
    {
        get
        {
            lock (_gate)
            {
                return _flushFailure;
            }
        }
    }

    /// <summary>How many times this journal was flushed to the disk.</summary>
    internal int DiskFlushes
    {
        get
        {
            lock (_gate)
            {
                return field;
            }
        }

        private set;
    }

    /// <summary>Flushes the file to the disk; replaced by tests to make the flush slow or fail.</summary>
    internal Action<SafeFileHandle> DiskFlush { get; set; } = RandomAccess.FlushToDisk;

    /// <summary>Creates a new, empty journal atomically (replacing any old one).</summary>
    public static Journal Create(string path, SyndicationOptions options, ulong generation, Durability durability)
    {
        StateFormat.WriteAtomically(path, s => StateFormat.WriteHeader(s, StateFormat.JournalMagic, options, generation));
        return OpenForAppend(path, generation, durability, StateFormat.HeaderSize);
    }

    /// <summary>
    /// Opens an existing journal, hands every intact record's payload to <paramref name="replay"/>, cuts a damaged
    /// tail (described in <paramref name="repair"/>), and returns the journal ready for appending.
    /// </summary>
    public static Journal Open(string path, SyndicationOptions options, Durability durability, out ulong generation, out JournalRepair? repair, Action<ReadOnlyMemory<byte>> replay)
    {
        long goodEnd = Read(path, options, out generation, out repair, replay);
        return OpenForAppend(path, generation, durability, goodEnd);
    }

    /// <summary>
    /// Hands every intact record's payload to <paramref name="replay"/> without changing the file, and returns where
    /// the intact records end; a damaged tail is described in <paramref name="repair"/> but left in place.
    /// </summary>
    public static long Read(string path, SyndicationOptions options, out ulong generation, out JournalRepair? repair, Action<ReadOnlyMemory<byte>> replay)
    {
        long goodEnd;
        repair = null;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
        {
            generation = StateFormat.ReadHeader(stream, path, StateFormat.JournalMagic, options, "journal");
            goodEnd = StateFormat.HeaderSize;
            long length = stream.Length;
            Span<byte> header = stackalloc byte[12];
            byte[] payload = [];
            while (goodEnd < length)
            {
                stream.Position = goodEnd;
                if (stream.ReadAtLeast(header, 12, throwOnEndOfStream: false) < 12)
                {
                    repair = Tail(stream, path, goodEnd, "a record header cut short");
                    break;
                }

                uint size = BinaryPrimitives.ReadUInt32LittleEndian(header);
                ulong checksum = BinaryPrimitives.ReadUInt64LittleEndian(header[4..]);
                long end = goodEnd + 12 + size;
                if (size > MaxRecord || end > length)
                {
                    if (size <= MaxRecord)
                    {
                        // The record was being written when the process died.
                        repair = Tail(stream, path, goodEnd, "a record cut short");
                        break;
                    }

                    repair = Tail(stream, path, goodEnd, null) ?? throw Corrupt(path, goodEnd, $"a record at offset {goodEnd} claims {size} bytes");
                    break;
                }

                if (payload.Length < size)
                {
                    payload = new byte[Math.Max(size, payload.Length * 2)];
                }

                stream.ReadExactly(payload, 0, (int)size);
                if (XxHash3.HashToUInt64(payload.AsSpan(0, (int)size), 0) != checksum)
                {
                    repair = end == length
                        ? Tail(stream, path, goodEnd, "the last record fails its checksum")
                        : Tail(stream, path, goodEnd, null) ?? throw Corrupt(path, goodEnd, $"the record at offset {goodEnd} fails its checksum and more records follow it");
                    break;
                }

                replay(payload.AsMemory(0, (int)size));
                goodEnd = end;
            }
        }

        return goodEnd;
    }

    /// <summary>
    /// Describes the cut of everything from <paramref name="goodEnd"/> on: zeros (what a power cut leaves where the file
    /// system had reserved room for data never written), or else the one damaged record <paramref name="torn"/> names.
    /// Null when the tail is not all zeros and <paramref name="torn"/> is null: damage followed by data.
    /// </summary>
    private static JournalRepair? Tail(FileStream stream, string path, long goodEnd, string? torn)
    {
        long dropped = stream.Length - goodEnd;
        if (AllZeros(stream, goodEnd))
        {
            return new JournalRepair(path, goodEnd, 0, dropped, "zeros after the last record, as a power cut leaves");
        }

        return torn is null ? null : new JournalRepair(path, goodEnd, 1, dropped, torn);
    }

    private static bool AllZeros(FileStream stream, long from)
    {
        stream.Position = from;
        byte[] buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (buffer.AsSpan(0, read).ContainsAnyExcept((byte)0))
            {
                return false;
            }
        }

        return true;
    }

    private static StateException Corrupt(string path, long goodEnd, string what) =>
        new(path, $"corrupt journal: {what}. The records before offset {goodEnd} are intact; to keep them and drop the rest, cut the journal there (truncate -s {goodEnd} {path}), or restore the state from a backup");

    private static Journal OpenForAppend(string path, ulong generation, Durability durability, long goodEnd)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
        if (stream.Length != goodEnd)
        {
            stream.SetLength(goodEnd);
            stream.Flush(flushToDisk: true);
        }

        stream.Position = goodEnd;
        return new Journal(stream, path, generation, durability);
    }

    /// <summary>
    /// Appends one record and hands it to the operating system. With <see cref="Durability.FlushToDisk"/> the record is
    /// not yet acknowledged: <see cref="WaitDurable"/> flushes it to the disk, with every record appended until then.
    /// </summary>
    /// <exception cref="IOException">The write failed; nothing of the record is left.</exception>
    public void Append(ReadOnlySpan<byte> payload)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_header, (uint)payload.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(_header.AsSpan(4), XxHash3.HashToUInt64(payload, 0));
        long start = _stream.Position;
        try
        {
            _stream.Write(_header);
            _stream.Write(payload);
            _stream.Flush(flushToDisk: false);
        }
        catch
        {
            // Leave no half record behind a failed write (disk full): the next append starts clean.
            _stream.SetLength(start);
            _stream.Position = start;
            throw;
        }

        // Published only once the record is in the operating system's hands: a flush that reads this number covers it.
        Volatile.Write(ref _appended, _appended + 1);
    }

    /// <summary>
    /// Returns once record <paramref name="sequence"/> (and every record before it) is on the disk, flushing the journal
    /// unless a flush already running covers it (group commit). Safe to call from any thread, without the engine's lock.
    /// Returns at once for a <see cref="Durability.Process"/> journal.
    /// </summary>
    /// <exception cref="IOException">This flush, or an earlier one, failed: the records it was to cover are not known to be on the disk.</exception>
    public void WaitDurable(long sequence)
    {
        if (_durability != Durability.FlushToDisk)
        {
            return;
        }

        lock (_gate)
        {
            while (true)
            {
                if (_durable >= sequence)
                {
                    return;
                }

                if (_flushFailure is { } failure)
                {
                    throw new IOException("an earlier flush of the journal to the disk failed: " + failure.Message, failure);
                }

                if (!_flushing)
                {
                    break;
                }

                Monitor.Wait(_gate);
            }

            _flushing = true;
        }

        // This caller leads: it flushes everything appended until now, its own record and those of the callers waiting.
        long target = Appended;
        Exception? error = null;
        try
        {
            DiskFlush(_handle);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            error = e;
        }

        lock (_gate)
        {
            _flushing = false;
            if (error is null)
            {
                DiskFlushes++;
                _durable = Math.Max(_durable, target);
            }
            else if (_durable < target)
            {
                // (A journal retired by a checkpoint closes its file once the new snapshot holds every record: a flush
                // that then finds the file closed has nothing left to do.)
                _flushFailure ??= error;
            }

            Monitor.PulseAll(_gate);
            if (error is not null && _durable < target)
            {
                throw new IOException("flushing the journal to the disk failed: " + error.Message, error);
            }
        }
    }

    /// <summary>Flushes every record appended so far to the disk, in one flush; nothing if there are none.</summary>
    /// <exception cref="IOException">The flush failed.</exception>
    public void FlushPendingToDisk() => WaitDurable(Appended);

    /// <summary>
    /// Closes a journal whose records a durable snapshot now holds (a checkpoint): every record counts as on the disk,
    /// and callers still waiting for a flush are released.
    /// </summary>
    public void Retire()
    {
        lock (_gate)
        {
            _durable = Math.Max(_durable, Appended);
            Monitor.PulseAll(_gate);
        }

        _stream.Dispose();
    }

    /// <summary>
    /// Closes the journal. A <see cref="Durability.FlushToDisk"/> journal first flushes the records callers still wait
    /// for; if that fails they are told so.
    /// </summary>
    public void Dispose()
    {
        if (_durability == Durability.FlushToDisk)
        {
            try
            {
                FlushPendingToDisk();
            }
            catch (IOException)
            {
                // Recorded in FlushFailure and reported to every caller waiting; closing goes on.
            }
        }

        _stream.Dispose();
    }
}

using System.Buffers;
using Syndicate.Clustering;
using Syndicate.Fingerprinting;

namespace Syndicate.Storage;

/// <summary>
/// The durable half of an engine: the state directory's lock, the journal every operation is written to before it is
/// applied, the snapshot generations, the replay on open and the checkpoint policy. Not thread-safe: the engine calls
/// it under its lock.
/// </summary>
/// <remarks>
/// A directory holds a snapshot (generation <c>g</c>) and a journal (generation <c>g</c>) of every operation since.
/// A checkpoint writes snapshot <c>g + 1</c> atomically, then replaces the journal with an empty one of generation
/// <c>g + 1</c>; a crash between the two leaves an older journal beside the newer snapshot, which opening discards.
/// </remarks>
internal sealed class DurableState : IDisposable
{
    /// <summary>The journal is folded into a new snapshot when it grows past this size.</summary>
    public const long DefaultCheckpointBytes = 256L << 20;

    private readonly ArrayBufferWriter<byte> _record = new(4096);
    private readonly StoryClusterer _clusterer;
    private readonly Fingerprinter _fingerprinter;
    private readonly SyndicationOptions _options;
    private readonly string _directory;
    private Journal? _journal;
    private FileStream? _directoryLock;
    private ulong _generation;
    private Durability _durability;
    private bool _readOnly;

    private DurableState(string directory, SyndicationOptions options, StoryClusterer clusterer, Fingerprinter fingerprinter)
    {
        _directory = directory;
        _options = options;
        _clusterer = clusterer;
        _fingerprinter = fingerprinter;
    }

    /// <summary>The state directory.</summary>
    public string Directory => _directory;

    /// <summary>The open journal; null once closed or when read-only.</summary>
    internal Journal? Journal => _journal;

    /// <summary>The durability of the open journal; null once closed.</summary>
    public Durability? JournalDurability => _journal?.Durability;

    /// <summary>The journal size past which the next add writes a checkpoint.</summary>
    public long CheckpointBytes { get; set; } = DefaultCheckpointBytes;

    /// <summary>The damaged journal tail opening cut (or, read-only, read past), if any.</summary>
    public JournalRepair? Repair { get; private set; }

    /// <summary>True when opened by <see cref="OpenReadOnly"/>: nothing is journaled, checkpointed or locked exclusively.</summary>
    public bool IsReadOnly => _readOnly;

    /// <summary>
    /// Locks <paramref name="directory"/>, loads its snapshot into the (empty) clusterer, replays its journal and
    /// returns the state ready to journal new operations.
    /// </summary>
    public static DurableState Open(string directory, SyndicationOptions options, StoryClusterer clusterer, Fingerprinter fingerprinter, Durability durability, CancellationToken cancellationToken)
    {
        RefuseForeignDirectory(directory);
        System.IO.Directory.CreateDirectory(directory);
        var state = new DurableState(directory, options, clusterer, fingerprinter);
        try
        {
            state.Load(durability, cancellationToken);
            state.RecordOptions();
        }
        catch
        {
            state.Dispose();
            throw;
        }

        return state;
    }

    /// <summary>
    /// Loads an existing state into the (empty) clusterer without changing any file in <paramref name="directory"/>:
    /// no directory, lock file, journal or options file is created, a damaged journal tail is read past but not cut,
    /// and the options are not recorded. The lock file, when there is one, is held with a shared lock while the state
    /// is open, so that no engine can write the directory meanwhile, and one that is writing it makes this open fail.
    /// </summary>
    public static DurableState OpenReadOnly(string directory, SyndicationOptions options, StoryClusterer clusterer, Fingerprinter fingerprinter, CancellationToken cancellationToken)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new StateException(directory, "no such state directory");
        }

        if (!File.Exists(Path.Combine(directory, StateFormat.SnapshotFile)) && !File.Exists(Path.Combine(directory, StateFormat.JournalFile)))
        {
            throw new StateException(directory, $"not a Syndicate state directory: it holds no {StateFormat.SnapshotFile} or {StateFormat.JournalFile}");
        }

        var state = new DurableState(directory, options, clusterer, fingerprinter) { _readOnly = true };
        try
        {
            state.LoadReadOnly(cancellationToken);
        }
        catch
        {
            state.Dispose();
            throw;
        }

        return state;
    }

    /// <summary>
    /// Writes the clusterer's whole state (snapshot and an empty journal) into <paramref name="directory"/>, so that
    /// <see cref="Open"/> can reopen it.
    /// </summary>
    public static void Save(string directory, SyndicationOptions options, StoryClusterer clusterer)
    {
        System.IO.Directory.CreateDirectory(directory);
        // Generation 2, as after a first checkpoint: only a state never checkpointed has a journal of generation 1 and
        // no snapshot, so a missing snapshot is always recognised as missing.
        const ulong generation = 2;
        StateFormat.WriteAtomically(Path.Combine(directory, StateFormat.SnapshotFile), stream => StateSnapshot.Write(stream, clusterer, options, generation));
        Journal.Create(Path.Combine(directory, StateFormat.JournalFile), options, generation, Durability.Process).Dispose();
        StateSettings.Write(directory, options);
    }

    /// <summary>
    /// Journals an added article. A <see cref="Durability.FlushToDisk"/> journal leaves the flush to the disk to the
    /// caller, who waits on <see cref="Ticket"/> after releasing the engine's lock, so that one flush serves every add
    /// in flight (group commit).
    /// </summary>
    public void JournalAdd(Article article, long timestamp)
    {
        ThrowIfReadOnly();
        ThrowIfFlushFailed();
        if (_journal is null)
        {
            return;
        }

        JournalRecord.WriteAdd(_record, article, timestamp);
        _journal.Append(_record.WrittenSpan);
    }

    /// <summary>
    /// What a caller waits for before its answer counts as acknowledged: every record journalled so far on the disk.
    /// Nothing to wait for unless the journal is <see cref="Durability.FlushToDisk"/>.
    /// </summary>
    public DiskTicket Ticket() =>
        _journal is { Durability: Durability.FlushToDisk } journal ? new DiskTicket(journal, journal.Appended) : default;

    /// <summary>
    /// Flushes the records journalled so far to the disk. If that fails, nobody can tell which of them are on the disk,
    /// while the engine already holds them: this state then takes no more changes (each throws a
    /// <see cref="StateException"/>), and reopening it reads what the journal holds.
    /// </summary>
    /// <exception cref="StateException">The flush failed.</exception>
    public void FlushPendingToDisk() => Ticket().Wait();

    public void JournalRemove(string id)
    {
        ThrowIfReadOnly();
        ThrowIfFlushFailed();
        if (_journal is null)
        {
            return;
        }

        JournalRecord.WriteRemove(_record, id);
        _journal.Append(_record.WrittenSpan);
        FlushPendingToDisk();
    }

    public void JournalEvict(long cutoff)
    {
        ThrowIfReadOnly();
        ThrowIfFlushFailed();
        if (_journal is null)
        {
            return;
        }

        JournalRecord.WriteEvict(_record, cutoff);
        _journal.Append(_record.WrittenSpan);
        FlushPendingToDisk();
    }

    /// <summary>Writes a checkpoint when the journal has grown past <see cref="CheckpointBytes"/>.</summary>
    public void MaybeCheckpoint()
    {
        if (_journal is not null && _journal.Length > CheckpointBytes)
        {
            Checkpoint();
        }
    }

    /// <summary>Writes a new snapshot of the whole state atomically and starts an empty journal.</summary>
    public void Checkpoint()
    {
        ThrowIfReadOnly();
        ThrowIfFlushFailed();
        if (_journal is null)
        {
            return;
        }

        ulong next = _generation + 1;
        string snapshotPath = Path.Combine(_directory, StateFormat.SnapshotFile);
        StateFormat.WriteAtomically(snapshotPath, stream => StateSnapshot.Write(stream, _clusterer, _options, next));
        // The snapshot (generation next) is in place: the old journal is now stale and a crash from here on just
        // discards it on open. Callers still waiting for its records to reach the disk have them in the snapshot.
        _journal.Retire();
        _generation = next;
        _journal = Journal.Create(Path.Combine(_directory, StateFormat.JournalFile), _options, _generation, _durability);
    }

    public void Dispose()
    {
        _journal?.Dispose();
        _journal = null;
        _directoryLock?.Dispose();
        _directoryLock = null;
    }

    private void ThrowIfFlushFailed()
    {
        if (_journal?.FlushFailure is { } failure)
        {
            throw new StateException(_journal?.Path ?? _directory, "an earlier flush of the journal to the disk failed; this engine takes no more changes: dispose it and reopen the state (" + failure.Message + ")", failure);
        }
    }

    private void ThrowIfReadOnly()
    {
        if (_readOnly)
        {
            throw new InvalidOperationException($"The state in {_directory} was opened read-only: it cannot be changed or checkpointed.");
        }
    }

    private void LoadReadOnly(CancellationToken cancellationToken)
    {
        string lockPath = Path.Combine(_directory, StateFormat.LockFile);
        if (File.Exists(lockPath))
        {
            try
            {
                // Read access with sharing is a shared lock (flock LOCK_SH on Unix): it waits for no one, fails while
                // an engine holds the directory, and keeps one from opening it until this engine is disposed.
                _directoryLock = new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            }
            catch (FileNotFoundException)
            {
                // Removed since: no engine holds the directory.
            }
            catch (IOException e)
            {
                throw new StateException(lockPath, "the state directory is in use by another engine or process; read it once that has finished", e);
            }
        }

        string snapshotPath = Path.Combine(_directory, StateFormat.SnapshotFile);
        string journalPath = Path.Combine(_directory, StateFormat.JournalFile);
        cancellationToken.ThrowIfCancellationRequested();
        _generation = 1;
        bool hasSnapshot = File.Exists(snapshotPath);
        if (hasSnapshot)
        {
            using FileStream stream = OpenRead(snapshotPath);
            _generation = StateSnapshot.Load(stream, snapshotPath, _clusterer, _options);
        }

        if (!File.Exists(journalPath))
        {
            return;
        }

        ulong journalGeneration = PeekGeneration(journalPath);
        CheckGenerations(snapshotPath, hasSnapshot, journalPath, journalGeneration);
        if (journalGeneration == _generation)
        {
            try
            {
                Journal.Read(journalPath, _options, out _, out JournalRepair? repair, payload =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Replay(payload, journalPath);
                });
                Repair = repair?.LeftInPlace();
            }
            catch (IOException e)
            {
                throw new StateException(journalPath, "cannot read the journal: " + e.Message, e);
            }
        }

        // An older journal was folded into the snapshot by a checkpoint that died before replacing it.
    }

    /// <summary>Refuses a journal that cannot belong beside the snapshot (or beside no snapshot).</summary>
    private void CheckGenerations(string snapshotPath, bool hasSnapshot, string journalPath, ulong journalGeneration)
    {
        if (!hasSnapshot && journalGeneration > 1)
        {
            // A journal after the first checkpoint holds only what happened since; the rest was in the snapshot.
            throw new StateException(snapshotPath, $"the snapshot is missing: the journal beside it (generation {journalGeneration}) holds only the operations since checkpoint {journalGeneration - 1}, and the articles before them were in the snapshot. Restore {StateFormat.SnapshotFile} from a backup, or delete the state directory to start afresh");
        }

        if (journalGeneration > _generation)
        {
            throw new StateException(journalPath, $"the journal (generation {journalGeneration}) is newer than the snapshot (generation {_generation}); the snapshot was replaced by an older copy");
        }
    }

    private void Load(Durability durability, CancellationToken cancellationToken)
    {
        _durability = durability;
        string lockPath = Path.Combine(_directory, StateFormat.LockFile);
        try
        {
            // An exclusive lock (flock LOCK_EX on Unix) held for the engine's lifetime: one engine per state directory.
            _directoryLock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new StateException(lockPath, "the state directory is in use by another engine or process", e);
        }

        string snapshotPath = Path.Combine(_directory, StateFormat.SnapshotFile);
        string journalPath = Path.Combine(_directory, StateFormat.JournalFile);
        cancellationToken.ThrowIfCancellationRequested();
        _generation = 1;
        if (File.Exists(snapshotPath))
        {
            using FileStream stream = OpenRead(snapshotPath);
            _generation = StateSnapshot.Load(stream, snapshotPath, _clusterer, _options);
        }

        bool hasSnapshot = File.Exists(snapshotPath);
        if (File.Exists(journalPath))
        {
            ulong journalGeneration = PeekGeneration(journalPath);
            CheckGenerations(snapshotPath, hasSnapshot, journalPath, journalGeneration);
            if (journalGeneration == _generation)
            {
                _journal = OpenJournal(journalPath, durability, cancellationToken);
                return;
            }

            // An older journal: a checkpoint wrote the snapshot and died before starting the new journal. Everything
            // in it is already in the snapshot.
        }

        _journal = CreateJournal(journalPath, durability);
    }

    /// <summary>
    /// Refuses an existing directory that holds files but no state: a mistyped <c>--state</c> (a home or project
    /// folder) must not get state files written among the user's own.
    /// </summary>
    private static void RefuseForeignDirectory(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            return;
        }

        string? foreign = null;
        foreach (string entry in System.IO.Directory.EnumerateFileSystemEntries(directory))
        {
            string name = Path.GetFileName(entry);
            if (name is StateFormat.SnapshotFile or StateFormat.JournalFile)
            {
                return;
            }

            if (name is not (StateFormat.LockFile or StateSettings.FileName) && !name.EndsWith(".tmp", StringComparison.Ordinal))
            {
                foreign ??= name;
            }
        }

        if (foreign is not null)
        {
            throw new StateException(directory, $"not a Syndicate state directory: it holds other files (such as '{foreign}') and no {StateFormat.SnapshotFile} or {StateFormat.JournalFile}; give a new or empty directory to start a state");
        }
    }

    /// <summary>Stores the options in force with the state, when they are not what it already stores.</summary>
    private void RecordOptions()
    {
        SyndicationOptions? stored;
        try
        {
            stored = StateSettings.Read(_directory);
        }
        catch (StateException)
        {
            stored = null; // damaged: replaced by the options in force
        }

        if (StateSettings.Differ(stored, _options))
        {
            StateSettings.Write(_directory, _options);
        }
    }

    private ulong PeekGeneration(string journalPath)
    {
        using FileStream stream = OpenRead(journalPath);
        return StateFormat.ReadHeader(stream, journalPath, StateFormat.JournalMagic, _options, "journal");
    }

    private Journal OpenJournal(string path, Durability durability, CancellationToken cancellationToken)
    {
        try
        {
            Journal journal = Journal.Open(path, _options, durability, out _, out JournalRepair? repair, payload =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                Replay(payload, path);
            });
            Repair = repair;
            return journal;
        }
        catch (IOException e)
        {
            throw new StateException(path, "cannot open the journal: " + e.Message + " (is another process using this state directory?)", e);
        }
    }

    private Journal CreateJournal(string path, Durability durability)
    {
        try
        {
            return Journal.Create(path, _options, _generation, durability);
        }
        catch (IOException e)
        {
            throw new StateException(path, "cannot create the journal: " + e.Message + " (is another process using this state directory?)", e);
        }
    }

    private static FileStream OpenRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateException(path, "cannot read: " + e.Message, e);
        }
    }

    /// <summary>Applies one journal record to the clusterer, exactly as the engine applied it when it was written.</summary>
    private void Replay(ReadOnlyMemory<byte> payload, string path)
    {
        JournalRecord record = JournalRecord.Read(payload, path);
        switch (record.Op)
        {
            case JournalOp.Add:
                {
                    string id = record.Id ?? throw new StateException(path, "corrupt journal: an added article has no id");
                    var article = new Article(id, record.Source ?? "", record.Body ?? "") { Url = record.Url, Published = record.Published, Title = record.Title };
                    if (!_clusterer.Contains(id))
                    {
                        _clusterer.Insert(article, _fingerprinter.Compute(article), record.Timestamp);
                    }

                    break;
                }

            case JournalOp.Remove:
                _clusterer.Remove(record.Id ?? "");
                break;

            case JournalOp.Evict:
                _clusterer.Evict(record.Cutoff);
                break;

            default:
                throw new StateException(path, "corrupt journal: unknown operation");
        }
    }
}

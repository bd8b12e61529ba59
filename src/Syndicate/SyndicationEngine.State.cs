using Syndicate.Attribution;
using Syndicate.Cleaning;
using Syndicate.Clustering;
using Syndicate.Fingerprinting;
using Syndicate.Sketches;
using Syndicate.Storage;

namespace Syndicate;

public sealed partial class SyndicationEngine : IDisposable
{
    /// <summary>The journal is folded into a new snapshot when it grows past this size.</summary>
    private const long DefaultCheckpointBytes = 256L << 20;

    private readonly JournalRecordWriter _record = new();
    private Journal? _journal;
    private FileStream? _directoryLock;
    private string? _directory;
    private ulong _optionsHash;
    private ulong _generation;
    private long _checkpointBytes = DefaultCheckpointBytes;
    private bool _replaying;
    private bool _disposed;

    /// <summary>
    /// Opens (or creates) a durable engine whose state lives in <paramref name="directory"/>: a snapshot plus a journal
    /// of every operation since. An article is acknowledged once <see cref="Add"/> has returned for it; after a crash at
    /// any moment, reopening yields every acknowledged article and the same clusters as a run without the crash.
    /// </summary>
    /// <param name="directory">The state directory; created if missing. One engine at a time may hold it.</param>
    /// <param name="options">Must have the same fingerprint options as the state was created with.</param>
    /// <param name="logger">Receives debug events.</param>
    /// <param name="timeProvider">The clock for articles without a publication time.</param>
    /// <param name="durability">When an article counts as stored; see <see cref="Durability"/>.</param>
    /// <exception cref="StateException">A state file is truncated, corrupt, foreign, of a newer version, written with other options, or in use.</exception>
    public static SyndicationEngine Open(string directory, SyndicationOptions? options = null, Microsoft.Extensions.Logging.ILogger<SyndicationEngine>? logger = null, TimeProvider? timeProvider = null, Durability durability = Durability.Process)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var engine = new SyndicationEngine(options, logger, timeProvider);
        try
        {
            engine.OpenState(directory, durability);
        }
        catch
        {
            engine.Dispose();
            throw;
        }

        return engine;
    }

    /// <summary>The state directory of a durable engine; null for an in-memory one.</summary>
    public string? StateDirectory => _directory;

    /// <summary>
    /// Writes a new snapshot of the whole state atomically and starts an empty journal. Reopening is then a snapshot
    /// load with nothing to replay. A no-op for an in-memory engine.
    /// </summary>
    public void Checkpoint()
    {
        lock (_lock)
        {
            CheckpointLocked();
        }
    }

    /// <summary>Closes the journal of a durable engine. Acknowledged articles are already stored; nothing is lost by not calling <see cref="Checkpoint"/>.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _journal?.Dispose();
            _journal = null;
            _directoryLock?.Dispose();
            _directoryLock = null;
        }
    }

    /// <summary>
    /// Writes this engine's whole state (snapshot and an empty journal) into <paramref name="directory"/>, so that
    /// <see cref="Open"/> can reopen it. Used to measure reopening large states without journaling every article.
    /// </summary>
    internal void SaveState(string directory)
    {
        lock (_lock)
        {
            Directory.CreateDirectory(directory);
            _optionsHash = StateFormat.OptionsHash(Options);
            StateFormat.WriteAtomically(Path.Combine(directory, StateFormat.SnapshotFile), stream => WriteSnapshot(stream, 1));
            Journal.Create(Path.Combine(directory, StateFormat.JournalFile), _optionsHash, 1, Durability.Process).Dispose();
        }
    }

    internal long CheckpointBytes
    {
        get => _checkpointBytes;
        set => _checkpointBytes = value;
    }

    private void OpenState(string directory, Durability durability)
    {
        Directory.CreateDirectory(directory);
        _directory = directory;
        string lockPath = Path.Combine(directory, StateFormat.LockFile);
        try
        {
            // An exclusive lock (flock LOCK_EX on Unix) held for the engine's lifetime: one engine per state directory.
            _directoryLock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new StateException(lockPath, "the state directory is in use by another engine or process", e);
        }

        _optionsHash = StateFormat.OptionsHash(Options);
        string snapshotPath = Path.Combine(directory, StateFormat.SnapshotFile);
        string journalPath = Path.Combine(directory, StateFormat.JournalFile);
        lock (_lock)
        {
            _generation = 1;
            if (File.Exists(snapshotPath))
            {
                _generation = LoadSnapshot(snapshotPath);
            }

            if (File.Exists(journalPath))
            {
                ulong journalGeneration = PeekGeneration(journalPath);
                if (journalGeneration == _generation)
                {
                    _replaying = true;
                    try
                    {
                        _journal = OpenJournal(journalPath, durability);
                    }
                    finally
                    {
                        _replaying = false;
                    }

                    return;
                }

                if (journalGeneration > _generation)
                {
                    throw new StateException(journalPath, $"the journal (generation {journalGeneration}) is newer than the snapshot (generation {_generation}); the snapshot was replaced by an older copy");
                }

                // An older journal: a checkpoint wrote the snapshot and died before starting the new journal. Everything
                // in it is already in the snapshot.
            }

            _journal = CreateJournal(journalPath, durability);
        }
    }

    private ulong PeekGeneration(string journalPath)
    {
        using var stream = OpenRead(journalPath);
        return StateFormat.ReadHeader(stream, journalPath, StateFormat.JournalMagic, _optionsHash, "journal");
    }

    private Journal OpenJournal(string path, Durability durability)
    {
        try
        {
            return Journal.Open(path, _optionsHash, durability, out _, payload => Replay(payload.Span, path));
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
            return Journal.Create(path, _optionsHash, _generation, durability);
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

    private void Replay(ReadOnlySpan<byte> payload, string path)
    {
        var reader = new JournalRecordReader(payload, path);
        switch (reader.Op())
        {
            case JournalOp.Add:
                {
                    long timestamp = reader.Int64();
                    string id = reader.String() ?? throw new StateException(path, "corrupt journal: an added article has no id");
                    string source = reader.String() ?? "";
                    string? url = reader.String();
                    DateTimeOffset? published = reader.Time();
                    string? title = reader.String();
                    string body = reader.String() ?? "";
                    reader.ExpectEnd();
                    var article = new Article(id, source, body) { Url = url, Published = published, Title = title };
                    AddLocked(article, _fingerprinter.Compute(article), timestamp);
                    break;
                }

            case JournalOp.Remove:
                {
                    string id = reader.String() ?? "";
                    reader.ExpectEnd();
                    if (_store.TryGetHandle(id, out int handle))
                    {
                        RemoveLocked(handle);
                    }

                    break;
                }

            case JournalOp.Evict:
                {
                    long cutoff = reader.Int64();
                    reader.ExpectEnd();
                    EvictLocked(cutoff);
                    break;
                }

            default:
                throw new StateException(path, "corrupt journal: unknown operation");
        }
    }

    private void JournalAdd(Article article, long timestamp)
    {
        if (_journal is null || _replaying)
        {
            return;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        _record.Start(JournalOp.Add).Int64(timestamp).String(article.Id).String(article.Source).String(article.Url)
            .Time(article.Published).String(article.Title).String(article.Body);
        _journal.Append(_record.Written);
    }

    private void JournalRemove(string id)
    {
        if (_journal is null || _replaying)
        {
            return;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        _record.Start(JournalOp.Remove).String(id);
        _journal.Append(_record.Written);
    }

    private void JournalEvict(long cutoff)
    {
        if (_journal is null || _replaying)
        {
            return;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        _record.Start(JournalOp.Evict).Int64(cutoff);
        _journal.Append(_record.Written);
    }

    private void MaybeCheckpoint()
    {
        if (_journal is not null && !_replaying && _journal.Length > _checkpointBytes)
        {
            CheckpointLocked();
        }
    }

    private void CheckpointLocked()
    {
        if (_directory is null || _journal is null)
        {
            return;
        }

        ulong next = _generation + 1;
        string snapshotPath = Path.Combine(_directory, StateFormat.SnapshotFile);
        StateFormat.WriteAtomically(snapshotPath, stream => WriteSnapshot(stream, next));
        // The snapshot (generation next) is in place: the old journal is now stale and a crash from here on just
        // discards it on open.
        Durability durability = Durability.Process;
        _journal.Dispose();
        _generation = next;
        _journal = Journal.Create(Path.Combine(_directory, StateFormat.JournalFile), _optionsHash, _generation, durability);
    }

    private void WriteSnapshot(Stream stream, ulong generation)
    {
        StateFormat.WriteHeader(stream, StateFormat.SnapshotMagic, _optionsHash, generation);
        var w = new BlockWriter(stream);
        DocumentTable docs = _store.Documents;
        w.WriteInt64(_store.NextSequence);
        w.WriteInt64(_store.NextClusterId);
        w.WriteInt64(_newestTimestamp);
        w.WriteInt64(_lastWindowEviction);
        w.WriteInt32(docs.HighWater);
        int[] free = docs.FreeHandles();
        w.WriteInt32(free.Length);
        foreach (int h in free)
        {
            w.WriteInt32(h);
        }

        w.WriteInt32(docs.Count);
        for (int h = 0; h < docs.HighWater; h++)
        {
            if (!docs.IsLive(h))
            {
                continue;
            }

            DocumentInfo info = docs.Info(h);
            w.WriteInt32(h);
            w.WriteString(info.Id);
            w.WriteString(info.Source);
            w.WriteString(info.Url);
            w.WriteTime(info.Published);
            w.WriteInt64(info.Sequence);
            w.WriteInt64(docs.Timestamp(h));
            w.WriteByte((byte)((info.IsWireCopy ? 1 : 0) | (info.IsTruncated ? 2 : 0)));
            w.WriteByte((byte)info.JoinRelation);
            w.WriteDouble(info.JoinSimilarity);
            w.WriteString(info.MatchedId);
            w.WriteString(info.Wire?.Name);
            w.WriteString(info.DatelineOutlet);
            w.WriteInt32(docs.ShingleCount(h));
            w.WriteUInt64(docs.ContentHash(h));
            w.WriteBytes(docs.Signature(h));
            ReadOnlySpan<uint> lead = docs.Lead(h);
            w.WriteByte((byte)lead.Length);
            foreach (uint v in lead)
            {
                w.WriteUInt32(v);
            }
        }

        w.WriteInt32(_store.ClusterCount);
        foreach (ClusterState c in _store.Clusters.OrderBy(c => c.Id))
        {
            w.WriteInt64(c.Id);
            w.WriteInt32(c.Canonical);
            w.WriteString(c.Wire?.Name);
            w.WriteString(c.CanonicalTitle);
            w.WriteString(c.CanonicalText);
            w.WriteString(c.CanonicalOriginalText);
            w.WriteInt32(c.Members.Count);
            foreach (int m in c.Members)
            {
                w.WriteInt32(m);
            }
        }

        var lines = _store.Boilerplate.Entries.OrderBy(e => e.Key).ToList();
        w.WriteInt32(lines.Count);
        foreach (KeyValuePair<ulong, BoilerplateLearner.LineStat> e in lines)
        {
            w.WriteUInt64(e.Key);
            w.WriteInt32(e.Value.Stories);
            w.WriteInt64(e.Value.LastCluster);
            w.WriteInt64(e.Value.LastSeen);
        }

        w.Complete();
    }

    /// <summary>Loads a snapshot into this (empty) engine; returns its generation. Throws before touching anything it cannot verify.</summary>
    private ulong LoadSnapshot(string path)
    {
        using FileStream stream = OpenRead(path);
        ulong generation = StateFormat.ReadHeader(stream, path, StateFormat.SnapshotMagic, _optionsHash, "snapshot");
        var r = new BlockReader(stream, path);
        DocumentTable docs = _store.Documents;
        long nextSequence = r.ReadInt64();
        long nextCluster = r.ReadInt64();
        long newest = r.ReadInt64();
        long lastEviction = r.ReadInt64();
        int highWater = r.ReadInt32();
        int freeCount = r.ReadInt32();
        if (highWater < 0 || freeCount < 0 || freeCount > highWater)
        {
            throw r.Corrupt("impossible document counts");
        }

        int[] free = new int[freeCount];
        for (int i = 0; i < free.Length; i++)
        {
            free[i] = r.ReadInt32();
            if ((uint)free[i] >= (uint)highWater)
            {
                throw r.Corrupt("a free handle is out of range");
            }
        }

        int count = r.ReadInt32();
        if (count < 0 || count + freeCount != highWater)
        {
            throw r.Corrupt("the document count does not match the handle space");
        }

        var order = new List<(long Sequence, int Handle)>(count);
        byte[] signature = new byte[_k];
        uint[] leadBuffer = new uint[Fingerprint.LeadSize];
        for (int i = 0; i < count; i++)
        {
            int h = r.ReadInt32();
            if ((uint)h >= (uint)highWater || docs.IsLive(h))
            {
                throw r.Corrupt("a document handle is out of range or repeated");
            }

            string id = r.ReadString() ?? throw r.Corrupt("a document has no id");
            string source = r.ReadString() ?? throw r.Corrupt("a document has no source");
            string? url = r.ReadString();
            DateTimeOffset? published = r.ReadTime();
            long sequence = r.ReadInt64();
            long timestamp = r.ReadInt64();
            byte flags = r.ReadByte();
            byte relation = r.ReadByte();
            double similarity = r.ReadDouble();
            string? matched = r.ReadString();
            string? wire = r.ReadString();
            string? outlet = r.ReadString();
            int shingles = r.ReadInt32();
            ulong content = r.ReadUInt64();
            r.ReadBytes(signature);
            int leadCount = r.ReadByte();
            if (leadCount > Fingerprint.LeadSize || relation > (byte)Relation.Partial || shingles < 0)
            {
                throw r.Corrupt("a document's fields are out of range");
            }

            for (int j = 0; j < leadCount; j++)
            {
                leadBuffer[j] = r.ReadUInt32();
            }

            var info = new DocumentInfo(id, source, url, published, sequence)
            {
                IsWireCopy = (flags & 1) != 0,
                IsTruncated = (flags & 2) != 0,
                JoinRelation = (Relation)relation,
                JoinSimilarity = similarity,
                MatchedId = matched,
                Wire = ResolveWire(wire),
                DatelineOutlet = outlet,
            };
            docs.Restore(h, signature, leadBuffer.AsSpan(0, leadCount), shingles, content, info, timestamp);
            order.Add((sequence, h));
        }

        docs.RestoreFree(highWater, free);
        order.Sort();
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        _store.BeginRestore(order.Count);
        foreach ((long _, int h) in order)
        {
            if (!seenIds.Add(docs.Info(h).Id))
            {
                throw r.Corrupt("two documents share an id");
            }

            _store.IndexDocument(h);
        }

        _store.EndRestore();

        int clusters = r.ReadInt32();
        if (clusters < 0 || clusters > count)
        {
            throw r.Corrupt("impossible cluster count");
        }

        int placed = 0;
        for (int i = 0; i < clusters; i++)
        {
            long id = r.ReadInt64();
            int canonical = r.ReadInt32();
            string? wire = r.ReadString();
            string? title = r.ReadString();
            string? text = r.ReadString();
            string? original = r.ReadString();
            int size = r.ReadInt32();
            if (size <= 0 || size > count - placed)
            {
                throw r.Corrupt("impossible cluster size");
            }

            var members = new List<int>(size);
            for (int j = 0; j < size; j++)
            {
                int m = r.ReadInt32();
                if (!docs.IsLive(m) || _store.Documents.ClusterOrNull(m) is not null || members.Contains(m))
                {
                    throw r.Corrupt("a cluster member is unknown or in two clusters");
                }

                members.Add(m);
                docs.SetCluster(m, s_placeholderCluster);
            }

            if (!members.Contains(canonical))
            {
                throw r.Corrupt("a cluster's canonical copy is not one of its members");
            }

            placed += size;
            _store.RestoreCluster(new ClusterState(id, canonical, members)
            {
                Wire = ResolveWire(wire),
                CanonicalTitle = title,
                CanonicalText = text,
                CanonicalOriginalText = original,
            });
        }

        if (placed != count)
        {
            throw r.Corrupt("some documents belong to no cluster");
        }

        int lines = r.ReadInt32();
        if (lines < 0)
        {
            throw r.Corrupt("impossible boilerplate count");
        }

        for (int i = 0; i < lines; i++)
        {
            ulong key = r.ReadUInt64();
            var stat = new BoilerplateLearner.LineStat { Stories = r.ReadInt32(), LastCluster = r.ReadInt64(), LastSeen = r.ReadInt64() };
            _store.Boilerplate.Restore(key, stat);
        }

        r.ExpectEnd();
        _store.RestoreSequence(nextSequence);
        _store.NextClusterId = Math.Max(_store.NextClusterId, nextCluster);
        _newestTimestamp = newest;
        _lastWindowEviction = lastEviction;
        return generation;
    }

    private static readonly ClusterState s_placeholderCluster = new(0, -1, []);

    private WireAgency? ResolveWire(string? name)
    {
        if (name is null)
        {
            return null;
        }

        foreach (WireAgency agency in Options.Gazetteer.Agencies)
        {
            if (agency.Name == name)
            {
                return agency;
            }
        }

        return new WireAgency(name, [name]);
    }
}

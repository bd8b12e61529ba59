using Microsoft.Extensions.Logging;
using Syndicate.Clustering;
using Syndicate.Storage;

namespace Syndicate;

/// <summary>The durable engine: opening a state directory, checkpoints, exports, and the asynchronous forms.</summary>
public sealed partial class SyndicationEngine
{
    /// <summary>The journal size past which the next add writes a checkpoint, unless <see cref="Open"/> is given another.</summary>
    public const long DefaultCheckpointBytes = DurableState.DefaultCheckpointBytes;

    /// <summary>
    /// Opens (or creates) a durable engine whose state lives in <paramref name="directory"/>: a snapshot plus a journal
    /// of every operation since. An article is acknowledged once <see cref="Add(Article)"/> has returned for it; after a
    /// crash at any moment, reopening yields every acknowledged article and the same clusters as a run without the crash.
    /// </summary>
    /// <param name="directory">The state directory; created if missing. One engine at a time may hold it.</param>
    /// <param name="options">Must have the same fingerprint options as the state was created with.</param>
    /// <param name="logger">Receives debug events.</param>
    /// <param name="timeProvider">The clock for articles without a publication time.</param>
    /// <param name="durability">When an article counts as stored; see <see cref="Durability"/>.</param>
    /// <param name="checkpointBytes">
    /// The journal size past which an add folds the journal into a new snapshot. Smaller means faster reopening and
    /// more frequent pauses to write the whole state; larger, the reverse.
    /// </param>
    /// <exception cref="StateException">A state file is truncated, corrupt, foreign, of a newer version, written with other options, or in use.</exception>
    public static SyndicationEngine Open(string directory, SyndicationOptions? options = null, ILogger<SyndicationEngine>? logger = null, TimeProvider? timeProvider = null, Durability durability = Durability.Process, long checkpointBytes = DefaultCheckpointBytes) =>
        OpenCore(directory, options, logger, timeProvider, durability, checkpointBytes, CancellationToken.None);

    /// <summary>
    /// <see cref="Open"/> on the thread pool; <paramref name="cancellationToken"/> is observed between the journal's
    /// records, and a cancelled open releases the directory.
    /// </summary>
    /// <param name="directory">The state directory; created if missing. One engine at a time may hold it.</param>
    /// <param name="options">Must have the same fingerprint options as the state was created with.</param>
    /// <param name="logger">Receives debug events.</param>
    /// <param name="timeProvider">The clock for articles without a publication time.</param>
    /// <param name="durability">When an article counts as stored; see <see cref="Durability"/>.</param>
    /// <param name="checkpointBytes">The journal size past which an add writes a checkpoint.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    public static Task<SyndicationEngine> OpenAsync(string directory, SyndicationOptions? options = null, ILogger<SyndicationEngine>? logger = null, TimeProvider? timeProvider = null, Durability durability = Durability.Process, long checkpointBytes = DefaultCheckpointBytes, CancellationToken cancellationToken = default) =>
        Task.Run(() => OpenCore(directory, options, logger, timeProvider, durability, checkpointBytes, cancellationToken), cancellationToken);

    /// <summary>
    /// Opens an existing state directory to read it (clusters, verdicts, statistics, queries, explanations, export)
    /// without changing it: no file in <paramref name="directory"/> is created, written, truncated or replaced, not
    /// even the journal's damaged tail that <see cref="Open"/> would cut (see <see cref="JournalRepair"/>). The directory
    /// is held with a shared lock while the engine is open, so a writing engine cannot open it meanwhile, and opening
    /// one that a writing engine holds fails. <see cref="Add(Article)"/> of an article not already held,
    /// <see cref="Remove"/>, <see cref="EvictOlderThan"/> and <see cref="Checkpoint"/> throw
    /// <see cref="InvalidOperationException"/>.
    /// </summary>
    /// <param name="directory">An existing state directory.</param>
    /// <param name="options">
    /// The options to read it with; null for those stored with the state (<see cref="ReadOptions"/>), or the defaults
    /// when it stores none. Must have the fingerprint options the state was written with.
    /// </param>
    /// <param name="logger">Receives debug events.</param>
    /// <exception cref="StateException">
    /// The directory does not exist or holds no state, a state file is truncated, corrupt, foreign, of a newer version or
    /// written with other options, or an engine is writing the directory.
    /// </exception>
    public static SyndicationEngine OpenReadOnly(string directory, SyndicationOptions? options = null, ILogger<SyndicationEngine>? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (options is null && Directory.Exists(directory))
        {
            options = ReadOptions(directory);
        }

        var engine = new SyndicationEngine(options, logger);
        engine._state = DurableState.OpenReadOnly(directory, engine._options, engine._clusterer, engine._fingerprinter, CancellationToken.None);
        engine.WarnOfOtherRevisions(logger, directory);
        return engine;
    }

    /// <summary>True for an engine opened by <see cref="OpenReadOnly"/>, which never changes its state directory.</summary>
    public bool IsReadOnly => NotDisposed(_state?.IsReadOnly ?? false);

    /// <summary>
    /// The options a state directory was last opened (or exported) with, which <see cref="Open"/> stores beside the
    /// state: the fingerprint options, the thresholds, the LSH banding, the candidate limit, the boilerplate setting
    /// and the window. The gazetteer and the canonical policy are code and come back as their defaults. Null when
    /// <paramref name="directory"/> holds no stored options (no state, or one written before options were stored).
    /// Reopen with these to keep a state's behaviour; <see cref="Open"/> applies whatever it is given, and stores it.
    /// </summary>
    /// <param name="directory">The state directory.</param>
    /// <exception cref="StateException">The options file is damaged or of another format version.</exception>
    public static SyndicationOptions? ReadOptions(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        try
        {
            return StateSettings.Read(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateException(Path.Combine(directory, StateSettings.FileName), "cannot read: " + e.Message, e);
        }
    }

    /// <summary>The state directory of a durable engine; null for an in-memory one.</summary>
    public string? StateDirectory => NotDisposed(_state?.Directory);

    /// <summary>
    /// What opening this durable engine cut from the end of its journal (a record cut short by a crash, or the zeros a
    /// power cut leaves), or for one opened read-only what it read past and left in place, for a warning; null when the
    /// journal was intact or the engine is in memory.
    /// </summary>
    public JournalRepair? JournalRepair => NotDisposed(_state?.Repair);

    internal DurableState? State => _state;

    internal StoryClusterer Clusterer => _clusterer;

    internal long CheckpointBytes
    {
        get => _state?.CheckpointBytes ?? DefaultCheckpointBytes;
        set => _state?.CheckpointBytes = value;
    }

    /// <summary>
    /// <see cref="Add(Article)"/> with the fingerprinting and the journal write on the thread pool, for callers that
    /// must not block (a durable add waits for the journal, and with <see cref="Durability.FlushToDisk"/> for the disk).
    /// </summary>
    /// <param name="article">The article.</param>
    /// <param name="cancellationToken">Observed until the article is handed to the engine; an add that started completes.</param>
    public Task<Verdict> AddAsync(Article article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        ThrowIfDisposed();
        return Task.Run(() => Add(article), cancellationToken);
    }

    /// <summary>
    /// <see cref="AddRange"/> on the thread pool, for callers that must not block: a durable batch waits for the
    /// journal, and with <see cref="Durability.FlushToDisk"/> for its one flush to the disk.
    /// </summary>
    /// <param name="articles">The articles, inserted in this order.</param>
    /// <param name="maxDegreeOfParallelism">Threads that fingerprint the batch; -1 for as many as the thread pool gives.</param>
    /// <param name="cancellationToken">Observed until the batch is handed to the engine; a batch that started completes.</param>
    public Task<IReadOnlyList<Verdict>> AddRangeAsync(IReadOnlyList<Article> articles, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ThrowIfDisposed();
        return Task.Run(() => AddRange(articles, maxDegreeOfParallelism), cancellationToken);
    }

    /// <summary>
    /// Writes a new snapshot of the whole state atomically and starts an empty journal. Reopening is then a snapshot
    /// load with nothing to replay. A no-op for an in-memory engine.
    /// </summary>
    public void Checkpoint()
    {
        lock (_lock)
        {
            ThrowIfDisposed();
            _state?.Checkpoint();
        }
    }

    /// <summary><see cref="Checkpoint"/> on the thread pool.</summary>
    /// <param name="cancellationToken">Observed until the checkpoint starts; a started checkpoint completes.</param>
    public Task CheckpointAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return Task.Run(Checkpoint, cancellationToken);
    }

    /// <summary>
    /// Writes this engine's whole state, in-memory or durable, as a new state directory (a snapshot and an empty
    /// journal) that <see cref="Open"/> reopens with the same options: to persist an in-memory run, or to copy a state.
    /// </summary>
    /// <param name="directory">The directory to write; created if missing. Must not be this engine's own state directory.</param>
    public void Export(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        lock (_lock)
        {
            ThrowIfDisposed();
            if (_state is not null && Path.GetFullPath(directory) == Path.GetFullPath(_state.Directory))
            {
                throw new ArgumentException("An engine cannot export into its own state directory; use Checkpoint.", nameof(directory));
            }

            DurableState.Save(directory, _options, _clusterer);
        }
    }

    /// <summary><see cref="Export"/> on the thread pool.</summary>
    /// <param name="directory">The directory to write.</param>
    /// <param name="cancellationToken">Observed until the export starts; a started export completes.</param>
    public Task ExportAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ThrowIfDisposed();
        return Task.Run(() => Export(directory), cancellationToken);
    }

    private static SyndicationEngine OpenCore(string directory, SyndicationOptions? options, ILogger<SyndicationEngine>? logger, TimeProvider? timeProvider, Durability durability, long checkpointBytes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(checkpointBytes);
        var engine = new SyndicationEngine(options, logger, timeProvider);
        engine._state = DurableState.Open(directory, engine._options, engine._clusterer, engine._fingerprinter, durability, cancellationToken);
        engine._state.CheckpointBytes = checkpointBytes;
        engine.WarnOfOtherRevisions(logger, directory);
        return engine;
    }

    /// <summary>Logs a warning when the state holds fingerprints of another text pipeline revision (<see cref="EngineStatistics.OtherRevisionArticles"/>).</summary>
    private void WarnOfOtherRevisions(ILogger? logger, string directory)
    {
        int other = _store.Documents.OtherRevisionCount;
        if (other > 0 && logger is not null)
        {
            LogOtherRevisions(logger, directory, other, _store.Documents.Count, Fingerprinting.Fingerprinter.Revision);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Directory}: {Other} of the {Articles} articles held were fingerprinted by another release of Syndicate, with another revision of the text pipeline than this build's ({Revision}); copies of them may be judged less similar or missed until they are evicted, or until their articles are fed into a new state directory")]
    private static partial void LogOtherRevisions(ILogger logger, string directory, int other, int articles, int revision);
}

using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;
using Syndicate.Storage;
using Syndicate.Tests.Engine;

namespace Syndicate.Tests.Storage;

/// <summary>
/// With <see cref="Durability.FlushToDisk"/>, <c>AddRange</c> flushes the journal to the disk once for its batch and
/// answers as adding one by one does; threads adding at once share flushes, and none gets a verdict before its record
/// is on the disk; a failed flush leaves what it covered unacknowledged and the engine refusing changes.
/// </summary>
public sealed class GroupCommitTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromMinutes(2);

    [Fact]
    public void A_batch_is_flushed_to_the_disk_once_and_answers_as_one_by_one()
    {
        List<Article> articles = Corpus.Stream(syntheticStories: 8);
        using var batchDir = new TempDirectory();
        using var singleDir = new TempDirectory();
        IReadOnlyList<Verdict> batched;
        var single = new List<Verdict>();
        using (SyndicationEngine engine = SyndicationEngine.Open(batchDir.Path, durability: Durability.FlushToDisk))
        {
            int before = engine.State!.Journal!.DiskFlushes;
            batched = engine.AddRange(articles);
            Assert.Equal(before + 1, engine.State.Journal!.DiskFlushes);

            // One by one, every article is flushed on its own.
            engine.Add(new Article("extra-1", "s", "A story added alone after the batch, long enough to fingerprint."));
            engine.Add(new Article("extra-2", "s", "Another story added alone after the batch, also long enough."));
            Assert.Equal(before + 3, engine.State.Journal!.DiskFlushes);
        }

        using (SyndicationEngine engine = SyndicationEngine.Open(singleDir.Path, durability: Durability.FlushToDisk))
        {
            single.AddRange(articles.Select(engine.Add));
        }

        Assert.Equal(single.Select(v => (v.ArticleId, v.ClusterId, v.Relation, v.CanonicalId)), batched.Select(v => (v.ArticleId, v.ClusterId, v.Relation, v.CanonicalId)));

        // Nothing was checkpointed: reopening replays the journal, which holds the whole batch.
        using SyndicationEngine reopened = SyndicationEngine.Open(batchDir.Path);
        Assert.Equal(articles.Count + 2, reopened.Count);
        foreach (Verdict v in batched)
        {
            Assert.Equal(v.ClusterId, reopened.GetVerdict(v.ArticleId)!.ClusterId);
        }
    }

    [Fact]
    public async Task AddRangeAsync_answers_as_AddRange_and_a_cancelled_batch_is_not_added()
    {
        List<Article> articles = Corpus.Stream(syntheticStories: 6);
        using var dir = new TempDirectory();
        using SyndicationEngine engine = SyndicationEngine.Open(dir.Path, durability: Durability.FlushToDisk);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.AddRangeAsync(articles, cancellationToken: cancelled.Token));
        Assert.Equal(0, engine.Count);

        IReadOnlyList<Verdict> verdicts = await engine.AddRangeAsync(articles, maxDegreeOfParallelism: 2);
        var inMemory = new SyndicationEngine();
        Assert.Equal(inMemory.AddRange(articles).Select(v => (v.ArticleId, v.ClusterId, v.Relation)), verdicts.Select(v => (v.ArticleId, v.ClusterId, v.Relation)));
        Assert.Equal(articles.Count, engine.Count);
    }

    [Fact]
    public void A_failed_flush_is_reported_and_the_engine_then_refuses_changes_until_reopened()
    {
        List<Article> articles = Corpus.Stream(syntheticStories: 4);
        using var dir = new TempDirectory();
        using (SyndicationEngine engine = SyndicationEngine.Open(dir.Path, durability: Durability.FlushToDisk))
        {
            engine.State!.Journal!.DiskFlush = _ => throw new IOException("injected: the disk refused the flush");
            StateException failed = Assert.Throws<StateException>(() => engine.AddRange(articles));
            Assert.Contains("not acknowledged", failed.Message, StringComparison.Ordinal);
            Assert.Contains("injected", failed.Message, StringComparison.Ordinal);

            StateException refused = Assert.Throws<StateException>(() => engine.Add(new Article("later", "s", "A later story that must not be taken without its journal.")));
            Assert.Contains("reopen", refused.Message, StringComparison.Ordinal);
            Assert.Throws<StateException>(() => engine.Remove(articles[0].Id));
            Assert.Throws<StateException>(() => engine.Checkpoint());
        }

        // The records reached the operating system before the flush failed: reopened, the state holds the batch.
        using SyndicationEngine reopened = SyndicationEngine.Open(dir.Path, durability: Durability.FlushToDisk);
        Assert.Equal(articles.Count, reopened.Count);
        reopened.Add(new Article("later", "s", "A later story that must not be taken without its journal."));
        Assert.Equal(articles.Count + 1, reopened.Count);
    }

    [Fact]
    public async Task Threads_adding_at_once_share_flushes_and_no_verdict_comes_before_its_record_is_on_the_disk()
    {
        List<Article> articles = Corpus.Stream(syntheticStories: 30);
        using var dir = new TempDirectory();
        long onDisk = 0;
        var gate = new object();
        var acknowledged = new List<(string Id, long OnDisk)>();
        int added;
        int flushes;
        using (SyndicationEngine engine = SyndicationEngine.Open(dir.Path, durability: Durability.FlushToDisk))
        {
            // A slow disk, which records how much of the journal each completed flush covers: the file's length when it began.
            engine.State!.Journal!.DiskFlush = handle =>
            {
                long length = RandomAccess.GetLength(handle);
                Thread.Sleep(15);
                RandomAccess.FlushToDisk(handle);
                lock (gate)
                {
                    onDisk = Math.Max(onDisk, length);
                }
            };
            int before = engine.State.Journal.DiskFlushes;
            Task[] workers = Enumerable.Range(0, 6).Select(w => Task.Factory.StartNew(() =>
            {
                for (int i = w; i < articles.Count; i += 6)
                {
                    Verdict verdict = engine.Add(articles[i]);
                    lock (gate)
                    {
                        acknowledged.Add((verdict.ArticleId, onDisk));
                    }
                }
            }, TaskCreationOptions.LongRunning)).ToArray();
            // A thread left waiting fails the test with a TimeoutException.
            await Task.WhenAll(workers).WaitAsync(s_patience);
            added = articles.Count;
            flushes = engine.State.Journal.DiskFlushes - before;
            Assert.Equal(added, engine.Count);
        }

        // Six threads and a disk that takes 15 ms a flush: one flush covers the records of the threads that queued behind it.
        Assert.Equal(added, acknowledged.Count);
        Assert.True(flushes <= added / 2, $"{flushes} flushes for {added} adds");

        // Every verdict was returned only once a completed flush had covered the whole record of its article.
        Dictionary<string, long> ends = RecordEnds(Path.Combine(dir.Path, StateFormat.JournalFile));
        foreach ((string id, long covered) in acknowledged)
        {
            Assert.True(ends[id] <= covered, $"{id} was acknowledged with its record ending at {ends[id]}, but only {covered} bytes were on the disk");
        }

        using SyndicationEngine reopened = SyndicationEngine.Open(dir.Path);
        Assert.Equal(added, reopened.Count);
    }

    [Fact]
    public async Task A_flush_failing_under_threads_adding_at_once_fails_each_waiting_add_and_loses_nothing_acknowledged()
    {
        List<Article> articles = Corpus.Stream(syntheticStories: 12);
        using var dir = new TempDirectory();
        var acknowledged = new List<string>();
        var failures = new List<StateException>();
        using (SyndicationEngine engine = SyndicationEngine.Open(dir.Path, durability: Durability.FlushToDisk))
        {
            int flushes = 0;
            engine.State!.Journal!.DiskFlush = handle =>
            {
                Thread.Sleep(5);
                if (Interlocked.Increment(ref flushes) > 4)
                {
                    throw new IOException("injected: the disk refused the flush");
                }

                RandomAccess.FlushToDisk(handle);
            };
            Task[] workers = Enumerable.Range(0, 4).Select(w => Task.Factory.StartNew(() =>
            {
                for (int i = w; i < articles.Count; i += 4)
                {
                    try
                    {
                        Verdict verdict = engine.Add(articles[i]);
                        lock (acknowledged)
                        {
                            acknowledged.Add(verdict.ArticleId);
                        }
                    }
                    catch (StateException e)
                    {
                        lock (failures)
                        {
                            failures.Add(e);
                        }

                        return;
                    }
                }
            }, TaskCreationOptions.LongRunning)).ToArray();

            // No thread is left waiting for a flush that will never come (that would end in a TimeoutException).
            await Task.WhenAll(workers).WaitAsync(s_patience);
            Assert.Equal(4, failures.Count);
            Assert.Contains(failures, e => e.Message.Contains("not acknowledged", StringComparison.Ordinal) && e.Message.Contains("injected", StringComparison.Ordinal));
            Assert.All(failures, e => Assert.Contains("reopen", e.Message, StringComparison.Ordinal));
            Assert.Throws<StateException>(() => engine.Add(new Article("later", "s", "A later story that must not be taken without its journal.")));
        }

        using SyndicationEngine reopened = SyndicationEngine.Open(dir.Path);
        Assert.NotEmpty(acknowledged);
        Assert.All(acknowledged, id => Assert.NotNull(reopened.GetVerdict(id)));
    }

    [Fact]
    public async Task Checkpoints_while_threads_wait_for_the_disk_release_them_with_their_articles_in_the_snapshot()
    {
        List<Article> articles = Corpus.Stream(syntheticStories: 12);
        using var dir = new TempDirectory();
        var verdicts = new List<Verdict>();
        using (SyndicationEngine engine = SyndicationEngine.Open(dir.Path, durability: Durability.FlushToDisk, checkpointBytes: 16 << 10))
        {
            // Every journal a checkpoint creates gets the slow disk too.
            static void SlowFlush(SafeFileHandle handle)
            {
                Thread.Sleep(3);
                RandomAccess.FlushToDisk(handle);
            }

            engine.State!.Journal!.DiskFlush = SlowFlush;
            Journal? seen = engine.State.Journal;
            int journals = 1;
            Task[] workers = Enumerable.Range(0, 4).Select(w => Task.Factory.StartNew(() =>
            {
                for (int i = w; i < articles.Count; i += 4)
                {
                    Verdict verdict = engine.Add(articles[i]);
                    lock (verdicts)
                    {
                        verdicts.Add(verdict);
                        if (engine.State.Journal is { } current && !ReferenceEquals(current, seen))
                        {
                            current.DiskFlush = SlowFlush;
                            seen = current;
                            journals++;
                        }
                    }
                }
            }, TaskCreationOptions.LongRunning)).ToArray();
            // A thread left waiting fails the test with a TimeoutException.
            await Task.WhenAll(workers).WaitAsync(s_patience);
            Assert.True(journals > 2, $"only {journals} journals: the test needs checkpoints during the adds");
        }

        using SyndicationEngine reopened = SyndicationEngine.Open(dir.Path);
        Assert.Equal(articles.Count, reopened.Count);
        Assert.All(verdicts, v => Assert.Equal(v.ClusterId, reopened.GetVerdict(v.ArticleId)!.ClusterId));
    }

    /// <summary>Where the journal record adding each article ends (its offset in the file plus its length).</summary>
    private static Dictionary<string, long> RecordEnds(string journal)
    {
        byte[] file = File.ReadAllBytes(journal);
        var ends = new Dictionary<string, long>(StringComparer.Ordinal);
        long at = StateFormat.HeaderSize;
        while (at + 12 <= file.Length)
        {
            int size = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan((int)at));
            long end = at + 12 + size;
            JournalRecord record = JournalRecord.Read(file.AsMemory((int)at + 12, size), journal);
            if (record.Op == JournalOp.Add)
            {
                ends[record.Id!] = end;
            }

            at = end;
        }

        return ends;
    }
}

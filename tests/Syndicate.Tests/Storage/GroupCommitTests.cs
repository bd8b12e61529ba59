using Syndicate.Storage;
using Syndicate.Tests.Engine;

namespace Syndicate.Tests.Storage;

/// <summary>
/// With <see cref="Durability.FlushToDisk"/>, <c>AddRange</c> flushes the journal to the disk once for its batch and
/// answers as adding one by one does; a failed flush leaves the batch unacknowledged and the engine refusing changes.
/// </summary>
public sealed class GroupCommitTests
{
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
}

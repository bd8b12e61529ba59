using Syndicate.Fingerprinting;
using Syndicate.Storage;
using Syndicate.Tests.Storage;

namespace Syndicate.Tests.Engine;

/// <summary>The members a caller (the CLI among them) uses instead of the engine's internals.</summary>
public class PublicApiTests
{
    [Fact]
    public void Fingerprints_computed_apart_give_the_verdicts_of_add()
    {
        List<Article> articles = Corpus.Stream(syntheticStories: 10);
        var direct = new SyndicationEngine();
        var split = new SyndicationEngine();
        Fingerprint[] prints = new Fingerprint[articles.Count];
        Parallel.For(0, articles.Count, i => prints[i] = split.Fingerprint(articles[i]));
        for (int i = 0; i < articles.Count; i++)
        {
            Verdict a = direct.Add(articles[i]);
            Verdict b = split.Add(articles[i], prints[i]);
            Assert.Equal((a.Relation, a.ClusterId, a.CanonicalId, a.Similarity, a.MatchedId), (b.Relation, b.ClusterId, b.CanonicalId, b.Similarity, b.MatchedId));
        }

        Assert.Equal(DurableStateTests.Describe(direct), DurableStateTests.Describe(split));
    }

    [Fact]
    public void A_fingerprint_of_another_engine_or_article_is_refused()
    {
        List<Article> articles = Corpus.Stream(syntheticStories: 1);
        var engine = new SyndicationEngine();
        var other = new SyndicationEngine();
        Assert.Throws<ArgumentException>(() => engine.Add(articles[0], other.Fingerprint(articles[0])));
        Assert.Throws<ArgumentException>(() => engine.Add(articles[1], engine.Fingerprint(articles[0])));
        Assert.Equal(0, engine.Count);
    }

    [Fact]
    public async Task An_exported_in_memory_state_reopens_to_the_same_clusters()
    {
        using var dir = new TempDirectory();
        var engine = new SyndicationEngine();
        foreach (Article a in Corpus.Stream())
        {
            await engine.AddAsync(a);
        }

        await engine.ExportAsync(dir.Path);
        using SyndicationEngine reopened = await SyndicationEngine.OpenAsync(dir.Path);
        Assert.Equal(DurableStateTests.Describe(engine), DurableStateTests.Describe(reopened));
        Assert.Throws<ArgumentException>(() => reopened.Export(dir.Path));
    }

    [Fact]
    public async Task A_cancelled_open_throws_and_releases_the_directory()
    {
        using var dir = new TempDirectory();
        using (SyndicationEngine engine = SyndicationEngine.Open(dir.Path))
        {
            engine.AddRange(Corpus.Stream(syntheticStories: 3));
        }

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SyndicationEngine.OpenAsync(dir.Path, cancellationToken: cancelled.Token));
        using SyndicationEngine again = SyndicationEngine.Open(dir.Path);
        Assert.True(again.Count > 0);
    }

    [Fact]
    public async Task The_checkpoint_size_given_to_open_bounds_the_journal()
    {
        using var dir = new TempDirectory();
        string journal = Path.Combine(dir.Path, StateFormat.JournalFile);
        using (SyndicationEngine engine = SyndicationEngine.Open(dir.Path, checkpointBytes: 16 * 1024))
        {
            foreach (Article a in Corpus.Stream())
            {
                engine.Add(a);
                Assert.True(new FileInfo(journal).Length <= (16 * 1024) + (64 * 1024), "the journal outgrew its checkpoint size");
            }

            await engine.CheckpointAsync();
            Assert.Equal(StateFormat.HeaderSize, new FileInfo(journal).Length);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => SyndicationEngine.Open(dir.Path, checkpointBytes: 0));
    }
}

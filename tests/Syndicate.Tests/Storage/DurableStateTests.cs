using Syndicate.Storage;
using Syndicate.Tests.Engine;

namespace Syndicate.Tests.Storage;

public class DurableStateTests
{
    internal static string Describe(SyndicationEngine engine) =>
        string.Join("\n", engine.GetClusters().Select(c =>
            $"{c.Id} {c.CanonicalId} {c.Wire} [{string.Join(",", c.Members.Select(m => $"{m.Id}:{m.Relation}:{m.Similarity:F3}:{m.MatchedId}:{m.IsCanonical}"))}] {c.CanonicalText?.Length}"));

    private static string InMemory(IEnumerable<Article> articles)
    {
        var engine = new SyndicationEngine();
        foreach (Article a in articles)
        {
            engine.Add(a);
        }

        return Describe(engine);
    }

    [Fact]
    public void Reopening_replays_the_journal_to_the_same_clusters()
    {
        using var dir = new TempDirectory();
        List<Article> articles = Corpus.Stream();
        using (SyndicationEngine engine = SyndicationEngine.Open(dir.Path))
        {
            foreach (Article a in articles)
            {
                engine.Add(a);
            }
        }

        using SyndicationEngine reopened = SyndicationEngine.Open(dir.Path);
        Assert.Equal(articles.Count, reopened.Count);
        Assert.Equal(InMemory(articles), Describe(reopened));
    }

    [Fact]
    public void A_checkpoint_in_the_middle_gives_the_same_clusters_as_no_checkpoint()
    {
        using var dir = new TempDirectory();
        List<Article> articles = Corpus.Stream();
        using (SyndicationEngine engine = SyndicationEngine.Open(dir.Path))
        {
            for (int i = 0; i < articles.Count; i++)
            {
                engine.Add(articles[i]);
                if (i == articles.Count / 3)
                {
                    engine.Remove(articles[1].Id);
                    engine.Checkpoint();
                }
            }
        }

        using SyndicationEngine reopened = SyndicationEngine.Open(dir.Path);
        var expected = new SyndicationEngine();
        for (int i = 0; i < articles.Count; i++)
        {
            expected.Add(articles[i]);
            if (i == articles.Count / 3)
            {
                expected.Remove(articles[1].Id);
            }
        }

        Assert.Equal(Describe(expected), Describe(reopened));
        // And the reopened engine goes on exactly like the uninterrupted one.
        var extra = new Article("late", "x", articles[^1].Body) { Published = articles[^1].Published };
        Assert.Equal(expected.Add(extra).ClusterId, reopened.Add(extra).ClusterId);
    }

    [Fact]
    public void Automatic_checkpoints_keep_the_journal_small()
    {
        using var dir = new TempDirectory();
        List<Article> articles = Corpus.Stream();
        using (SyndicationEngine engine = SyndicationEngine.Open(dir.Path))
        {
            engine.CheckpointBytes = 16 * 1024;
            foreach (Article a in articles)
            {
                engine.Add(a);
            }
        }

        Assert.True(new FileInfo(dir.File("journal.bin")).Length < 64 * 1024);
        using SyndicationEngine reopened = SyndicationEngine.Open(dir.Path);
        Assert.Equal(InMemory(articles), Describe(reopened));
    }

    [Fact]
    public void Evictions_are_durable()
    {
        using var dir = new TempDirectory();
        List<Article> articles = Corpus.Stream();
        DateTimeOffset cutoff = articles.Select(a => a.Published!.Value).Order().ElementAt(articles.Count / 2);
        int evicted;
        using (SyndicationEngine engine = SyndicationEngine.Open(dir.Path))
        {
            foreach (Article a in articles)
            {
                engine.Add(a);
            }

            evicted = engine.EvictOlderThan(cutoff);
        }

        Assert.True(evicted > 0);
        using SyndicationEngine reopened = SyndicationEngine.Open(dir.Path);
        Assert.Equal(articles.Count - evicted, reopened.Count);
        reopened.Checkpoint();
        reopened.Dispose();
        using SyndicationEngine again = SyndicationEngine.Open(dir.Path);
        Assert.Equal(articles.Count - evicted, again.Count);
    }

    [Fact]
    public void A_second_engine_cannot_open_a_state_in_use()
    {
        using var dir = new TempDirectory();
        using SyndicationEngine first = SyndicationEngine.Open(dir.Path);
        StateException e = Assert.Throws<StateException>(() => SyndicationEngine.Open(dir.Path));
        Assert.Contains("in use", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_fingerprint_options_are_refused()
    {
        using var dir = new TempDirectory();
        using (SyndicationEngine engine = SyndicationEngine.Open(dir.Path))
        {
            engine.Add(TestData.Seed(0));
            engine.Checkpoint();
        }

        StateException e = Assert.Throws<StateException>(() => SyndicationEngine.Open(dir.Path, new SyndicationOptions { ShingleSize = 5 }));
        Assert.Contains("snapshot.bin", e.Message, StringComparison.Ordinal);
        Assert.Contains("different fingerprint options", e.Message, StringComparison.Ordinal);
        // Thresholds do not change fingerprints: the state opens with other thresholds.
        using SyndicationEngine other = SyndicationEngine.Open(dir.Path, new SyndicationOptions { SimilarityThreshold = 0.7 });
        Assert.Equal(1, other.Count);
    }
}

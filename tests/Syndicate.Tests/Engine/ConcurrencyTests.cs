using System.Collections.Concurrent;
using Syndicate.Clustering;
using Syndicate.Fuzzing;
using Syndicate.Tests.Storage;

namespace Syndicate.Tests.Engine;

/// <summary>
/// Many threads on one engine: the state afterwards is a valid partition with one canonical copy per cluster, and
/// bulk ingestion gives the verdicts of sequential ingestion whatever the scheduling.
/// </summary>
public class ConcurrencyTests
{
    private const int Threads = 8;

    /// <summary>The deterministic corpus, several times over under distinct ids, so threads race on related stories.</summary>
    private static List<Article> Articles(int copies)
    {
        List<Article> stream = Corpus.Stream();
        var all = new List<Article>();
        for (int c = 0; c < copies; c++)
        {
            foreach (Article a in stream)
            {
                all.Add(new Article($"{a.Id}#{c}", a.Source, a.Body) { Title = a.Title, Url = a.Url, Published = a.Published });
            }
        }

        return all;
    }

    [Fact]
    public void Concurrent_adds_queries_and_removes_leave_a_valid_state()
    {
        List<Article> articles = Articles(copies: 3);
        var engine = new SyndicationEngine();
        var removed = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var verdicts = new ConcurrentDictionary<string, Verdict>(StringComparer.Ordinal);
        int next = -1;
        using var start = new Barrier(Threads);
        var workers = Enumerable.Range(0, Threads).Select(t => new Thread(Catching(() =>
        {
            var rng = new Random(t);
            start.SignalAndWait();
            int i;
            while ((i = Interlocked.Increment(ref next)) < articles.Count)
            {
                Article a = articles[i];
                Verdict v = engine.Add(a);
                Assert.Equal(a.Id, v.ArticleId);
                Assert.True(v.Inserted);
                verdicts[a.Id] = v;
                switch (rng.Next(10))
                {
                    case 0:
                        Article earlier = articles[rng.Next(i + 1)];
                        if (engine.Remove(earlier.Id))
                        {
                            Assert.True(removed.TryAdd(earlier.Id, true), $"{earlier.Id} removed twice");
                        }

                        break;
                    case 1:
                        Assert.False(engine.Query(a).Inserted);
                        break;
                    case 2:
                        Assert.Null(EngineInvariants.Violation(engine, quiescent: false));
                        break;
                    case 3:
                        _ = engine.GetClusters(2);
                        _ = engine.GetStatistics();
                        break;
                    default:
                        break;
                }
            }
        }))).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        RethrowFailures();

        Assert.Null(EngineInvariants.Violation(engine));
        Assert.Equal(articles.Count - removed.Count, engine.Count);
        Assert.Equal(articles.Count, verdicts.Count);
        foreach (Article a in articles)
        {
            Cluster? cluster = engine.GetClusterOf(a.Id);
            Assert.Equal(removed.ContainsKey(a.Id), cluster is null);
            if (cluster is not null)
            {
                Assert.Contains(cluster.Members, m => m.Id == a.Id);
                Assert.Contains(cluster.Members, m => m.Id == cluster.CanonicalId);
            }
        }
    }

    [Fact]
    public void Racing_adds_of_the_same_ids_insert_each_once()
    {
        List<Article> articles = Articles(copies: 1);
        var engine = new SyndicationEngine();
        var inserted = new ConcurrentBag<string>();
        using var start = new Barrier(Threads);
        var workers = Enumerable.Range(0, Threads).Select(t => new Thread(Catching(() =>
        {
            start.SignalAndWait();
            // Every thread adds every article, each in its own order.
            foreach (Article a in articles.OrderBy(a => (a.Id.GetHashCode(StringComparison.Ordinal) * (t + 1)) ^ t))
            {
                if (engine.Add(a).Inserted)
                {
                    inserted.Add(a.Id);
                }
            }
        }))).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        RethrowFailures();

        Assert.Equal(articles.Select(a => a.Id).Order(StringComparer.Ordinal), inserted.Order(StringComparer.Ordinal));
        Assert.Equal(articles.Count, engine.Count);
        Assert.Null(EngineInvariants.Violation(engine));
    }

    [Fact]
    public void AddRange_gives_the_verdicts_and_clusters_of_sequential_adds_every_time()
    {
        List<Article> articles = Articles(copies: 2);
        var sequential = new SyndicationEngine();
        List<string> expected = articles.Select(a => Describe(sequential.Add(a))).ToList();
        string expectedClusters = DurableStateTests.Describe(sequential);
        for (int run = 0; run < 4; run++)
        {
            var bulk = new SyndicationEngine();
            var verdicts = new List<Verdict>();
            // Batches of varying size, so fingerprinting interleaves differently each run.
            for (int i = 0; i < articles.Count;)
            {
                int size = Math.Min(articles.Count - i, 7 + (run * 13));
                verdicts.AddRange(bulk.AddRange(articles.GetRange(i, size), maxDegreeOfParallelism: run == 0 ? -1 : run + 1));
                i += size;
            }

            Assert.Equal(expected, verdicts.Select(Describe).ToList());
            Assert.Equal(expectedClusters, DurableStateTests.Describe(bulk));
        }
    }

    [Fact]
    public void AddRange_rejects_a_null_article_with_an_ArgumentException_and_adds_nothing()
    {
        var engine = new SyndicationEngine();
        Article[] batch = [TestData.Seed(0), null!, TestData.Seed(1)];

        // Not an AggregateException from the parallel fingerprinting.
        ArgumentException e = Assert.Throws<ArgumentException>(() => engine.AddRange(batch));
        Assert.Equal("articles", e.ParamName);
        Assert.Equal(0, engine.Count);
    }

    [Fact]
    public void A_durable_engine_under_concurrent_adds_reopens_with_every_article()
    {
        using var dir = new TempDirectory();
        List<Article> articles = Articles(copies: 2);
        string described;
        using (SyndicationEngine engine = SyndicationEngine.Open(dir.Path))
        {
            engine.CheckpointBytes = 64 * 1024; // checkpoints happen while other threads add
            Parallel.ForEach(articles, new ParallelOptions { MaxDegreeOfParallelism = Threads }, a => Assert.True(engine.Add(a).Inserted));
            Assert.Equal(articles.Count, engine.Count);
            Assert.Null(EngineInvariants.Violation(engine));
            described = DurableStateTests.Describe(engine);
        }

        using SyndicationEngine reopened = SyndicationEngine.Open(dir.Path);
        Assert.Equal(articles.Count, reopened.Count);
        Assert.Null(EngineInvariants.Violation(reopened));
        // The journal holds the adds in the order the engine applied them, so replay rebuilds the same clusters.
        Assert.Equal(described, DurableStateTests.Describe(reopened));
    }

    private static string Describe(Verdict v) =>
        $"{v.ArticleId} {v.Relation} {v.ClusterId} {v.CanonicalId} {v.Similarity:F4} {v.MatchedId} {v.CanonicalChanged} {v.PreviousCanonicalId} {v.Wire?.Name} {v.ClusterSize} {v.Inserted}";

    private readonly System.Collections.Concurrent.ConcurrentQueue<Exception> _failures = new();

    /// <summary>An assertion failing on a worker thread must fail the test, not crash the test host.</summary>
    private ThreadStart Catching(Action body) => () =>
    {
        try
        {
            body();
        }
        catch (Exception e)
        {
            _failures.Enqueue(e);
        }
    };

    private void RethrowFailures()
    {
        if (!_failures.IsEmpty)
        {
            throw new AggregateException(_failures);
        }
    }
}

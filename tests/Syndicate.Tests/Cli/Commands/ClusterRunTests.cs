using Syndicate.Cli.Commands;
using Syndicate.Cli.Input;

namespace Syndicate.Tests.Cli.Commands;

/// <summary>Reading ahead on another thread gives the engine the same batches, in the same order, as reading in turn.</summary>
public sealed class ClusterRunTests
{
    private static IEnumerable<InputRecord> Records(int count, int? failAt = null)
    {
        for (int i = 0; i < count; i++)
        {
            if (i == failAt)
            {
                throw new InvalidDataException($"record {i} is bad");
            }

            yield return new InputRecord(new Article($"a{i}", "outlet", $"body {i}"), "input.jsonl", i + 1);
        }
    }

    [Fact]
    public void Batches_hold_every_record_in_input_order()
    {
        List<List<Article>> batches = [.. ClusterRun.ReadAhead(Records(10_000)).Select(b => b.Articles)];

        Assert.Equal([4096, 4096, 1808], batches.Select(b => b.Count));
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => $"a{i}"), batches.SelectMany(b => b).Select(a => a.Id));
        Assert.Empty(ClusterRun.ReadAhead(Records(0)));
    }

    [Fact]
    public void Each_batch_carries_the_share_of_the_input_read_when_it_was_complete()
    {
        // The share is asked on the reading thread as a batch fills: here, records read over 10,000.
        int read = 0;
        IEnumerable<InputRecord> Counted()
        {
            foreach (InputRecord record in Records(10_000))
            {
                read++;
                yield return record;
            }
        }

        List<ReadBatch> batches = [.. ClusterRun.ReadAhead(Counted(), () => read / 10_000.0)];

        Assert.Equal([0.4096, 0.8192, 1.0], batches.Select(b => b.ShareRead));
        Assert.All(ClusterRun.ReadAhead(Records(10)), b => Assert.Null(b.ShareRead));
    }

    [Fact]
    public void A_reading_error_reaches_the_caller_after_the_batches_read_before_it()
    {
        var taken = new List<int>();
        var error = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (ReadBatch batch in ClusterRun.ReadAhead(Records(10_000, failAt: 9_000)))
            {
                taken.Add(batch.Articles.Count);
            }
        });

        Assert.Equal("record 9000 is bad", error.Message);
        Assert.Equal([4096, 4096], taken);
    }

    [Fact]
    public void A_caller_that_stops_early_does_not_wait_for_the_rest()
    {
        // An endless input: stopping must not wait for it to end.
        static IEnumerable<InputRecord> Endless()
        {
            for (long i = 0; ; i++)
            {
                yield return new InputRecord(new Article($"a{i}", "outlet", "body"), "-", i + 1);
            }
        }

        Assert.Equal(4096, ClusterRun.ReadAhead(Endless()).First().Articles.Count);
    }

    [Fact]
    public void A_stage_ahead_keeps_the_order_and_reports_errors_after_the_results_before_them()
    {
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => i * 2), ClusterRun.Ahead(Enumerable.Range(0, 1000), i => i * 2, capacity: 2));

        var taken = new List<int>();
        var error = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (int value in ClusterRun.Ahead(Enumerable.Range(0, 100), i => i == 70 ? throw new InvalidDataException("item 70") : i, capacity: 2))
            {
                taken.Add(value);
            }
        });

        Assert.Equal("item 70", error.Message);
        Assert.Equal(Enumerable.Range(0, 70), taken);
    }

    [Fact]
    public void Stages_run_on_threads_of_their_own_not_the_pools()
    {
        // A stage blocks while its caller is behind. On the pool, two nested stages (reading inside fingerprinting) held
        // every pool thread of a one-core machine, and each wait for the pool to add a thread cost half a second.
        var onPool = new List<bool>();
        IEnumerable<int> Read()
        {
            for (int i = 0; i < 4; i++)
            {
                lock (onPool)
                {
                    onPool.Add(Thread.CurrentThread.IsThreadPoolThread);
                }

                yield return i;
            }
        }

        int[] staged = [.. ClusterRun.Ahead(ClusterRun.Ahead(Read(), i => i, capacity: 1), i =>
        {
            lock (onPool)
            {
                onPool.Add(Thread.CurrentThread.IsThreadPoolThread);
            }

            return i * 3;
        }, capacity: 1)];
        Assert.Equal([0, 3, 6, 9], staged);
        Assert.Equal(8, onPool.Count);
        Assert.All(onPool, Assert.False);
    }

    [Fact]
    public void A_caller_that_stops_taking_from_a_stage_stops_it()
    {
        int staged = 0;
        static IEnumerable<int> Endless()
        {
            for (int i = 0; ; i++)
            {
                yield return i;
            }
        }

        Assert.Equal([0, 1, 2], ClusterRun.Ahead(Endless(), i => { Interlocked.Increment(ref staged); return i; }, capacity: 2).Take(3));
        int after = Volatile.Read(ref staged);
        Thread.Sleep(50);
        Assert.Equal(after, Volatile.Read(ref staged));
    }

    [Fact]
    public void Clustering_through_the_stages_equals_adding_one_by_one()
    {
        // The bundled corpus through the three stages, against an engine fed one article at a time.
        string corpus = TestData.FixturePath("synthetic", "corpus.jsonl");
        var articles = new ArticleReader([corpus], InputFormat.Auto, ErrorMode.Fail, _ => { }).Read().Select(r => r.Article).ToList();
        using var loggers = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        var report = ClusterRun.Execute(articles.Select((a, i) => new InputRecord(a, corpus, i + 1)), SyndicationOptions.Default, [corpus], () => 0, loggers, keepTexts: false);
        // With the input's size known the run reserves room for the whole input first: the same report.
        var reserved = ClusterRun.Execute(articles.Select((a, i) => new InputRecord(a, corpus, i + 1)), SyndicationOptions.Default, [corpus], () => 0, loggers, keepTexts: false, readShare: () => 0.01);

        using var engine = new SyndicationEngine();
        foreach (Article article in articles)
        {
            engine.Add(article);
        }

        var expected = engine.GetClusters().SelectMany(c => c.Members.Select(m => Syndicate.Cli.Output.ArticleResult.Of(c, m))).ToDictionary(r => r.Id);
        Assert.Equal(articles.Count, report.Articles.Count);
        Assert.All(report.Articles, row => Assert.Equal(expected[row.Id], row));
        Assert.Equal(engine.GetClusters().Count, report.Clusters.Count);
        Assert.Equal(report.Articles, reserved.Articles);
        Assert.Equal(report.Clusters.Select(c => c.Id), reserved.Clusters.Select(c => c.Id));
    }
}

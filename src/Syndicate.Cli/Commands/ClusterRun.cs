using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Syndicate.Cli.Input;
using Syndicate.Cli.Output;
using Syndicate.Clustering;

namespace Syndicate.Cli.Commands;

/// <summary>Feeds a stream of input records through an engine and collects one result per input article.</summary>
/// <remarks>
/// An article still held at the end is reported as the final clusters place it (its story may have grown, merged or
/// changed canonical copy since it arrived). An article that a <c>--window</c> evicted before the end is reported with
/// the verdict it got when it was added: it keeps its line, and the statistics count it as evicted.
/// </remarks>
internal static class ClusterRun
{
    /// <summary>Articles fingerprinted in parallel per batch; insertion stays in input order.</summary>
    private const int BatchSize = 4096;

    /// <summary>Batches waiting for the engine while the next is read: reading overlaps fingerprinting and indexing.</summary>
    private const int BatchesAhead = 2;

    /// <summary>
    /// The records in batches of <see cref="BatchSize"/>, in input order, read and parsed on another thread while the
    /// caller works on the batch before: the same batches as reading in turn, so the same clusters. A reading error
    /// (under <c>--on-error fail</c>) reaches the caller after the batches read before it.
    /// </summary>
    /// <param name="records">The input records.</param>
    /// <param name="readShare">
    /// The share of the input's bytes read so far, asked on the reading thread as each batch is complete; null when the
    /// input's size is unknown (standard input).
    /// </param>
    internal static IEnumerable<ReadBatch> ReadAhead(IEnumerable<InputRecord> records, Func<double>? readShare = null) =>
        Ahead(Batches(records, readShare), batch => batch, BatchesAhead);

    /// <summary>The records' articles in batches of <see cref="BatchSize"/>, in input order.</summary>
    private static IEnumerable<ReadBatch> Batches(IEnumerable<InputRecord> records, Func<double>? readShare)
    {
        var batch = new List<Article>(BatchSize);
        foreach (InputRecord record in records)
        {
            batch.Add(record.Article);
            if (batch.Count == BatchSize)
            {
                yield return new ReadBatch(batch, readShare?.Invoke());
                batch = new List<Article>(BatchSize);
            }
        }

        if (batch.Count > 0)
        {
            yield return new ReadBatch(batch, readShare?.Invoke());
        }
    }

    /// <summary>
    /// <paramref name="source"/> passed through <paramref name="stage"/> on another thread, at most
    /// <paramref name="capacity"/> results ahead of the caller, in order: the same results as applying the stage in
    /// turn. An exception of the source or the stage reaches the caller after the results before it; a caller that
    /// stops early stops the stage.
    /// </summary>
    internal static IEnumerable<TOut> Ahead<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> stage, int capacity)
    {
        using var ready = new System.Collections.Concurrent.BlockingCollection<TOut>(capacity);
        using var stop = new CancellationTokenSource();
        // A thread of its own, not one of the pool's: the stage blocks while the caller is behind, and a stage nested in
        // another (reading inside fingerprinting) would otherwise hold every pool thread of a one-core machine, which
        // adds threads only after half a second of starvation.
        Task worker = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (TIn item in source)
                {
                    ready.Add(stage(item), stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The caller stopped taking results.
            }
            finally
            {
                ready.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        bool finished = false;
        try
        {
            foreach (TOut result in ready.GetConsumingEnumerable())
            {
                yield return result;
            }

            finished = true;
        }
        finally
        {
            stop.Cancel();
            if (finished)
            {
                worker.GetAwaiter().GetResult();
            }
        }
    }

    /// <summary>
    /// The fingerprints of a batch, computed in parallel on every core but one, which inserts the batch before: the
    /// fingerprint is the part of adding that needs no lock (<see cref="SyndicationEngine.Fingerprint(Article)"/>).
    /// </summary>
    private static Fingerprinting.Fingerprint[] Fingerprints(SyndicationEngine engine, List<Article> batch)
    {
        var prints = new Fingerprinting.Fingerprint[batch.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1) };
        Parallel.For(0, batch.Count, parallel, i => prints[i] = engine.Fingerprint(batch[i]));
        return prints;
    }

    /// <summary>Runs the records through a new engine and reports every article.</summary>
    /// <param name="records">The input records, in order.</param>
    /// <param name="options">The engine's settings.</param>
    /// <param name="inputs">The input names, for the report.</param>
    /// <param name="errorCount">The number of input errors so far.</param>
    /// <param name="loggers">The engine's loggers.</param>
    /// <param name="keepTexts">Whether the report keeps every article's text (for reports that show them).</param>
    /// <param name="progress">Called with the number of articles added after each batch.</param>
    /// <param name="readShare">The share of the input's bytes read so far; null when the input's size is unknown.</param>
    public static RunReport Execute(
        IEnumerable<InputRecord> records,
        SyndicationOptions options,
        IReadOnlyList<string> inputs,
        Func<int> errorCount,
        ILoggerFactory loggers,
        bool keepTexts,
        Action<int>? progress = null,
        Func<double>? readShare = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var engine = new SyndicationEngine(options, loggers.CreateLogger<SyndicationEngine>());
        var order = new List<(string Id, string Source)>();
        var verdicts = new List<Verdict>();
        var texts = new Dictionary<string, Article>(StringComparer.Ordinal);
        // Three stages, each on its own thread: reading and parsing, fingerprinting, and inserting in input order.
        // Insertion takes every article with its own fingerprint in turn, so the clusters are those of adding one by one.
        int reserved = 0;
        foreach (((List<Article> batch, double? share), Fingerprinting.Fingerprint[] prints) in Ahead(ReadAhead(records, readShare), b => (b, Fingerprints(engine, b.Articles)), BatchesAhead))
        {
            // Without a window every article stays: room for the whole input, as estimated from what was read, is
            // reserved before its first batch goes in (and again if the estimate outgrows it), so the engine's tables
            // are sized once instead of growing and copying themselves many times over.
            if (share is { } read && options.Window is null && CapacityPlan.Reserve(order.Count + batch.Count, read, reserved) is { } target)
            {
                reserved = engine.EnsureCapacity(target);
            }

            for (int i = 0; i < batch.Count; i++)
            {
                Article article = batch[i];
                order.Add((article.Id, article.Source));
                if (keepTexts)
                {
                    texts.TryAdd(article.Id, article);
                }

                verdicts.Add(engine.Add(article, prints[i]));
            }

            progress?.Invoke(order.Count);
        }

        IReadOnlyList<Cluster> clusters = engine.GetClusters();
        EngineStatistics statistics = engine.GetStatistics();
        stopwatch.Stop();
        var byId = new Dictionary<string, ArticleResult>(StringComparer.Ordinal);
        Dictionary<string, IReadOnlyList<long>> carried = ArticleResult.CarriedStories(clusters);
        foreach (Cluster c in clusters)
        {
            foreach (ClusterMember m in c.Members)
            {
                byId[m.Id] = ArticleResult.Of(c, m, carried);
            }
        }

        var results = new List<ArticleResult>(order.Count);
        int duplicates = 0, near = 0, partial = 0, evicted = 0;
        for (int i = 0; i < order.Count; i++)
        {
            (string id, string source) = order[i];
            if (byId.TryGetValue(id, out ArticleResult? result))
            {
                if (!string.Equals(result.Source, source, StringComparison.Ordinal))
                {
                    // A repeated id (given the held article's verdict) keeps its own line's source.
                    result = result with { Source = source };
                }
            }
            else
            {
                Verdict v = verdicts[i];
                evicted++;
                result = new ArticleResult(id, v.ClusterId, v.IsNew, v.Relation, v.IsNew ? 1.0 : v.Similarity, source, v.Wire?.Name);
            }

            Relation relation = result.Relation;
            switch (relation)
            {
                case Relation.Duplicate: duplicates++; break;
                case Relation.NearDuplicate: near++; break;
                case Relation.Partial: partial++; break;
            }

            results.Add(result);
        }

        var stats = new RunStatistics(
            results.Count, clusters.Count, clusters.Count(c => c.Members.Count > 1), duplicates, near, partial, errorCount(),
            stopwatch.Elapsed.TotalSeconds, 0, statistics.BytesPerArticle, evicted);
        return new RunReport
        {
            Clusters = clusters,
            Articles = results,
            Texts = texts,
            Options = options,
            Inputs = inputs,
            Statistics = stats,
        };
    }
}

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

    public static RunReport Execute(
        IEnumerable<InputRecord> records,
        SyndicationOptions options,
        IReadOnlyList<string> inputs,
        Func<int> errorCount,
        ILoggerFactory loggers,
        bool keepTexts,
        Action<int>? progress = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var engine = new SyndicationEngine(options, loggers.CreateLogger<SyndicationEngine>());
        var order = new List<(string Id, string Source)>();
        var verdicts = new List<Verdict>();
        var texts = new Dictionary<string, Article>(StringComparer.Ordinal);
        var batch = new List<Article>(BatchSize);
        foreach (InputRecord record in records)
        {
            batch.Add(record.Article);
            order.Add((record.Article.Id, record.Article.Source));
            if (keepTexts)
            {
                texts.TryAdd(record.Article.Id, record.Article);
            }

            if (batch.Count == BatchSize)
            {
                verdicts.AddRange(engine.AddRange(batch));
                batch.Clear();
                progress?.Invoke(order.Count);
            }
        }

        if (batch.Count > 0)
        {
            verdicts.AddRange(engine.AddRange(batch));
            progress?.Invoke(order.Count);
        }

        IReadOnlyList<Cluster> clusters = engine.GetClusters();
        EngineStatistics statistics = engine.GetStatistics();
        stopwatch.Stop();
        var byId = new Dictionary<string, (Cluster Cluster, ClusterMember Member)>(StringComparer.Ordinal);
        foreach (Cluster c in clusters)
        {
            foreach (ClusterMember m in c.Members)
            {
                byId[m.Id] = (c, m);
            }
        }

        var results = new List<ArticleResult>(order.Count);
        int duplicates = 0, near = 0, partial = 0, evicted = 0;
        for (int i = 0; i < order.Count; i++)
        {
            (string id, string source) = order[i];
            ArticleResult result;
            if (byId.TryGetValue(id, out var hit))
            {
                bool canonical = hit.Cluster.CanonicalId == id;
                result = new ArticleResult(id, hit.Cluster.Id, canonical, canonical ? Relation.Original : hit.Member.Relation, canonical ? 1.0 : hit.Member.Similarity, source, hit.Cluster.Wire);
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

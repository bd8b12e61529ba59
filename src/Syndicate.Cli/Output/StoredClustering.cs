using Syndicate.Clustering;

namespace Syndicate.Cli.Output;

/// <summary>The report of a stored clustering (a state directory or a shared store) rather than of one run's input.</summary>
/// <remarks>
/// Every held article gets one row, as its cluster places it now (<see cref="ArticleResult.Of"/>), in arrival order
/// (<see cref="ClusterMember.Sequence"/>). For a store built by one <c>dedup</c> run of an input whose ids are distinct,
/// with no <c>--window</c> evictions, these are the rows <c>cluster</c> writes for that input, in its order: the input
/// order is the arrival order. Articles the window evicted, and repeated ids, have no row, since the store no longer
/// (or never twice) holds them. The copies' own texts are not stored, only the canonical copy's.
/// </remarks>
internal static class StoredClustering
{
    /// <param name="clusters">Every stored cluster.</param>
    /// <param name="options">The options the store holds.</param>
    /// <param name="inputs">What was read, for the json report's <c>inputs</c> (a directory, a server and database, or the inputs added to it).</param>
    /// <param name="bytesPerArticle">The engine's memory (or the store's bytes) per held article.</param>
    /// <param name="seconds">How long reading took.</param>
    /// <param name="minSize">Only the stories with at least this many copies are listed, their articles given rows and counted.</param>
    /// <param name="errors">Input records skipped as malformed, when input was added.</param>
    public static RunReport ToReport(IReadOnlyList<Cluster> clusters, SyndicationOptions options, IReadOnlyList<string> inputs, double bytesPerArticle, double seconds, int minSize = 1, int errors = 0)
    {
        IReadOnlyList<Cluster> listed = minSize <= 1 ? clusters : [.. clusters.Where(c => c.Members.Count >= minSize)];
        var rows = new List<(long Sequence, ArticleResult Row)>();
        int multi = 0, duplicates = 0, near = 0, partial = 0;
        Dictionary<string, IReadOnlyList<long>> carried = ArticleResult.CarriedStories(listed);
        foreach (Cluster c in listed)
        {
            if (c.Members.Count > 1)
            {
                multi++;
            }

            foreach (ClusterMember m in c.Members)
            {
                ArticleResult row = ArticleResult.Of(c, m, carried);
                switch (row.Relation)
                {
                    case Relation.Duplicate: duplicates++; break;
                    case Relation.NearDuplicate: near++; break;
                    case Relation.Partial: partial++; break;
                }

                rows.Add((m.Sequence, row));
            }
        }

        rows.Sort((a, b) => a.Sequence != b.Sequence ? a.Sequence.CompareTo(b.Sequence) : string.CompareOrdinal(a.Row.Id, b.Row.Id));
        return new RunReport
        {
            Clusters = listed,
            Articles = rows.ConvertAll(r => r.Row),
            Texts = new Dictionary<string, Article>(StringComparer.Ordinal),
            Options = options,
            Inputs = inputs,
            Statistics = new RunStatistics(rows.Count, listed.Count, multi, duplicates, near, partial, errors, seconds, Bytes: 0, bytesPerArticle),
        };
    }
}

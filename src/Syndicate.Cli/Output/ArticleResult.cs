using Syndicate.Clustering;

namespace Syndicate.Cli.Output;

/// <summary>One input article's outcome: the row of the jsonl and csv outputs.</summary>
/// <remarks>
/// The jsonl schema is a stable contract that scripts and evaluations rely on:
/// <c>{"id", "cluster", "canonical", "relation", "similarity", "source", "wire"}</c>, one line per input article in
/// input order. <c>relation</c> is <c>original</c> for a cluster's canonical copy (and for singletons), else
/// <c>duplicate</c>, <c>near-duplicate</c> or <c>partial</c>, always relative to the canonical copy. An article that also
/// carries other stories (a roundup; <see cref="Syndicate.Clustering.Cluster.Carriers"/>) has <c>"carries"</c> too: their
/// cluster ids, ascending. Other lines have no such field.
/// </remarks>
internal sealed record ArticleResult(string Id, long Cluster, bool Canonical, Relation Relation, double Similarity, string Source, string? Wire, IReadOnlyList<long>? Carries = null)
{
    /// <summary>For each article that carries other stories, their cluster ids, ascending.</summary>
    public static Dictionary<string, IReadOnlyList<long>> CarriedStories(IEnumerable<Cluster> clusters)
    {
        var lists = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        foreach (Cluster c in clusters)
        {
            foreach (Carrier carrier in c.Carriers)
            {
                if (!lists.TryGetValue(carrier.Id, out List<long>? ids))
                {
                    lists.Add(carrier.Id, ids = []);
                }

                ids.Add(c.Id);
            }
        }

        var result = new Dictionary<string, IReadOnlyList<long>>(lists.Count, StringComparer.Ordinal);
        foreach ((string id, List<long> ids) in lists)
        {
            ids.Sort();
            result.Add(id, ids);
        }

        return result;
    }

    /// <summary>The row of a held article, as its cluster places it now: the canonical copy is an original of similarity 1.</summary>
    public static ArticleResult Of(Cluster cluster, ClusterMember member, IReadOnlyDictionary<string, IReadOnlyList<long>>? carried = null)
    {
        bool canonical = cluster.CanonicalId == member.Id;
        IReadOnlyList<long>? carries = carried is not null && carried.TryGetValue(member.Id, out IReadOnlyList<long>? ids) ? ids : null;
        return new ArticleResult(member.Id, cluster.Id, canonical, canonical ? Relation.Original : member.Relation, canonical ? 1.0 : member.Similarity, member.Source, cluster.Wire, carries);
    }

    public static string RelationName(Relation relation) => relation switch
    {
        Relation.Duplicate => "duplicate",
        Relation.NearDuplicate => "near-duplicate",
        Relation.Partial => "partial",
        _ => "original",
    };
}

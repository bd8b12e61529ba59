using Syndicate.Clustering;

namespace Syndicate.Cli.Output;

/// <summary>One input article's outcome: the row of the jsonl and csv outputs.</summary>
/// <remarks>
/// The jsonl schema is a stable contract that scripts and evaluations rely on:
/// <c>{"id", "cluster", "canonical", "relation", "similarity", "source", "wire"}</c>, one line per input article in
/// input order. <c>relation</c> is <c>original</c> for a cluster's canonical copy (and for singletons), else
/// <c>duplicate</c>, <c>near-duplicate</c> or <c>partial</c>, always relative to the canonical copy.
/// </remarks>
internal sealed record ArticleResult(string Id, long Cluster, bool Canonical, Relation Relation, double Similarity, string Source, string? Wire)
{
    /// <summary>The row of a held article, as its cluster places it now: the canonical copy is an original of similarity 1.</summary>
    public static ArticleResult Of(Cluster cluster, ClusterMember member)
    {
        bool canonical = cluster.CanonicalId == member.Id;
        return new ArticleResult(member.Id, cluster.Id, canonical, canonical ? Relation.Original : member.Relation, canonical ? 1.0 : member.Similarity, member.Source, cluster.Wire);
    }

    public static string RelationName(Relation relation) => relation switch
    {
        Relation.Duplicate => "duplicate",
        Relation.NearDuplicate => "near-duplicate",
        Relation.Partial => "partial",
        _ => "original",
    };
}

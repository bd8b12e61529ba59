namespace Syndicate.Clustering;

/// <summary>A verified relation between a new article and an indexed one.</summary>
/// <param name="Handle">The indexed article.</param>
/// <param name="Relation">The relation; <see cref="Relation.Original"/> means none.</param>
/// <param name="Jaccard">The estimated word-shingle Jaccard similarity.</param>
/// <param name="Containment">The estimated containment of the shorter copy.</param>
/// <param name="Rewrite">True when only the rewrite score links the pair (see <see cref="PairVerifier"/>): weaker evidence
/// than a near-duplicate or partial link, so it joins a story only through its canonical copy and never merges two.</param>
internal readonly record struct Link(int Handle, Relation Relation, double Jaccard, double Containment, bool Rewrite = false)
{
    /// <summary>Similarity as reported: containment for a partial copy, else the Jaccard estimate.</summary>
    public double Similarity => Relation switch
    {
        Relation.Duplicate => 1.0,
        Relation.Partial => Containment,
        _ => Jaccard,
    };

    /// <summary>Ranks links: exact copies first, then near-duplicates, then partial copies, then rewrites; higher similarity first.</summary>
    public double Score => Relation switch
    {
        Relation.Duplicate => 3.0,
        Relation.NearDuplicate => Rewrite ? 0.5 + Jaccard : 2.0 + Jaccard,
        Relation.Partial => 1.0 + Jaccard,
        _ => 0.0,
    };
}

namespace Syndicate.Clustering;

/// <summary>The <see cref="PairVerifier"/>'s answer on a pair: the relation and the two estimates it rests on.</summary>
/// <param name="Relation">The decided relation; <see cref="Relation.Original"/> means none.</param>
/// <param name="Jaccard">The estimated Jaccard similarity.</param>
/// <param name="Containment">The estimated containment of the shorter copy in the longer one.</param>
/// <param name="Rewrite">True when only the rewrite score links the pair: weaker evidence than a near-duplicate or
/// partial link, so it joins a story only through its canonical copy and never merges two.</param>
internal readonly record struct PairVerdict(Relation Relation, double Jaccard, double Containment, bool Rewrite = false)
{
    /// <summary>Similarity as reported: 1 for an exact copy, containment for a partial copy, else the Jaccard estimate.</summary>
    public double Similarity => Relation switch
    {
        Relation.Duplicate => 1.0,
        Relation.Partial => Containment,
        _ => Jaccard,
    };

    /// <summary>Ranks answers: exact copies first, then near-duplicates, then partial copies, then rewrites; higher similarity first.</summary>
    public double Score => Relation switch
    {
        Relation.Duplicate => 3.0,
        Relation.NearDuplicate => Rewrite ? 0.5 + Jaccard : 2.0 + Jaccard,
        Relation.Partial => 1.0 + Jaccard,
        _ => 0.0,
    };
}

namespace Syndicate.Clustering;

/// <summary>A verified relation between a new article and an indexed one.</summary>
internal readonly record struct Link(int Handle, Relation Relation, double Jaccard, double Containment)
{
    /// <summary>Similarity as reported: containment for a partial copy, else the Jaccard estimate.</summary>
    public double Similarity => Relation switch
    {
        Relation.Duplicate => 1.0,
        Relation.Partial => Containment,
        _ => Jaccard,
    };

    /// <summary>Ranks links: exact copies first, then near-duplicates, then partial copies; higher similarity first.</summary>
    public double Score => Relation switch
    {
        Relation.Duplicate => 3.0,
        Relation.NearDuplicate => 2.0 + Jaccard,
        Relation.Partial => 1.0 + Jaccard,
        _ => 0.0,
    };
}

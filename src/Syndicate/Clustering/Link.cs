namespace Syndicate.Clustering;

/// <summary>A verified relation between a new article and an indexed one: the verifier's answer and whom it is about.</summary>
internal readonly record struct Link(int Handle, PairVerdict Pair)
{
    public Relation Relation => Pair.Relation;

    public double Jaccard => Pair.Jaccard;

    /// <inheritdoc cref="PairVerdict.Similarity"/>
    public double Similarity => Pair.Similarity;

    /// <inheritdoc cref="PairVerdict.Rewrite"/>
    public bool Rewrite => Pair.Rewrite;

    /// <inheritdoc cref="PairVerdict.Score"/>
    public double Score => Pair.Score;
}

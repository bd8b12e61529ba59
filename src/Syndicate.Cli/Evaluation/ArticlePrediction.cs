namespace Syndicate.Cli.Evaluation;

/// <summary>
/// One line of a clustering tool's output: <c>{"id","cluster","canonical","relation","similarity","source","wire"}</c>,
/// the schema <c>syndicate</c> emits.
/// </summary>
/// <param name="Id">The article id.</param>
/// <param name="Cluster">The predicted cluster key (a number is read as its JSON text).</param>
/// <param name="Canonical">Whether the tool chose this article as its cluster's canonical copy.</param>
/// <param name="Relation">How the article relates to the copy it matched (<c>original</c>, <c>duplicate</c>, ...), if given.</param>
/// <param name="Similarity">The similarity to that copy, if given.</param>
/// <param name="Source">The article's outlet, if given.</param>
/// <param name="Wire">The wire the tool attributes the article (or its cluster) to, if any.</param>
/// <param name="Carries">The cluster keys of other stories the article also carries (a roundup), if any: it counts as
/// linked with their members (<see cref="PredictedLinks"/>).</param>
internal sealed record ArticlePrediction(
    string Id,
    string Cluster,
    bool Canonical,
    string? Relation = null,
    double? Similarity = null,
    string? Source = null,
    string? Wire = null,
    IReadOnlyList<string>? Carries = null);

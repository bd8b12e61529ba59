namespace Syndicate.Clustering;

/// <summary>
/// An article of another story that carries this one: a longer text holding one of its copies (a roundup, a
/// compilation, a report that quotes the release in full). Kept with the carried story's <see cref="ClusterState"/>.
/// </summary>
/// <param name="Id">The carrier's id.</param>
/// <param name="Sequence">The carrier's arrival sequence: with <paramref name="Id"/>, it names that one article even if
/// the id is later removed and added again.</param>
/// <param name="MatchedId">The copy of the carried story the carrier was verified against.</param>
/// <param name="Relation">The verifier's answer on the carrier and that copy.</param>
/// <param name="Similarity">The similarity decided with <paramref name="Relation"/>.</param>
internal sealed record CarrierRecord(string Id, long Sequence, string MatchedId, Relation Relation, double Similarity);

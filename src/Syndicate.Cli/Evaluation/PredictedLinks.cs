namespace Syndicate.Cli.Evaluation;

/// <summary>
/// Which articles a tool's output links: two articles of one cluster, and an article that carries a story (a roundup,
/// <see cref="ArticlePrediction.Carries"/>) with every member of that story.
/// </summary>
internal sealed class PredictedLinks
{
    private readonly IReadOnlyDictionary<string, ArticlePrediction> _byId;
    private readonly HashSet<(string Carrier, string Cluster)> _carried = [];
    private readonly Dictionary<string, List<string>> _members = new(StringComparer.Ordinal);

    /// <param name="byId">One prediction per article id.</param>
    public PredictedLinks(IReadOnlyDictionary<string, ArticlePrediction> byId)
    {
        _byId = byId;
        foreach (ArticlePrediction p in byId.Values)
        {
            if (p.Carries is null)
            {
                continue;
            }

            foreach (string cluster in p.Carries)
            {
                if (!string.Equals(cluster, p.Cluster, StringComparison.Ordinal))
                {
                    _carried.Add((p.Id, cluster));
                }
            }
        }

        if (_carried.Count > 0)
        {
            foreach (ArticlePrediction p in byId.Values)
            {
                if (!_members.TryGetValue(p.Cluster, out List<string>? ids))
                {
                    _members.Add(p.Cluster, ids = []);
                }

                ids.Add(p.Id);
            }
        }
    }

    /// <summary>Whether the output links the two articles (both must have a prediction).</summary>
    public bool Linked(string a, string b) =>
        _byId.TryGetValue(a, out ArticlePrediction? pa) && _byId.TryGetValue(b, out ArticlePrediction? pb)
        && (string.Equals(pa.Cluster, pb.Cluster, StringComparison.Ordinal) || _carried.Contains((a, pb.Cluster)) || _carried.Contains((b, pa.Cluster)));

    /// <summary>
    /// The pairs linked only through a carried story, each once, ordered: the carrier with each member of a story it
    /// carries, unless the two share a cluster.
    /// </summary>
    public IEnumerable<(string A, string B)> CarriedPairs()
    {
        var seen = new HashSet<(string, string)>();
        foreach ((string carrier, string cluster) in _carried.OrderBy(c => c.Carrier, StringComparer.Ordinal).ThenBy(c => c.Cluster, StringComparer.Ordinal))
        {
            if (!_members.TryGetValue(cluster, out List<string>? members))
            {
                continue;
            }

            foreach (string member in members)
            {
                if (string.Equals(member, carrier, StringComparison.Ordinal))
                {
                    continue;
                }

                (string, string) pair = string.CompareOrdinal(carrier, member) < 0 ? (carrier, member) : (member, carrier);
                if (!string.Equals(_byId[pair.Item1].Cluster, _byId[pair.Item2].Cluster, StringComparison.Ordinal) && seen.Add(pair))
                {
                    yield return pair;
                }
            }
        }
    }
}

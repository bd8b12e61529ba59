using System.Globalization;
using Syndicate.Clustering;

namespace Syndicate.Fuzzing;

/// <summary>Checks that an engine's clusters partition its articles and agree with its per-article answers.</summary>
internal static class EngineInvariants
{
    /// <summary>
    /// Every article in exactly one cluster, every cluster non-empty with one canonical copy that is one of its members,
    /// <see cref="SyndicationEngine.GetClusterOf"/> agreeing with the cluster listing, and the sizes adding up to
    /// <see cref="SyndicationEngine.Count"/>, and every carrier a held article of another cluster, listed once. Returns
    /// null when all hold, else what broke.
    /// </summary>
    /// <param name="engine">The engine to check.</param>
    /// <param name="quiescent">
    /// True when nothing else is changing the engine. While other threads add and remove, only the consistency of one
    /// cluster listing can be asserted: the count and per-article answers are separate calls that see later states.
    /// </param>
    public static string? Violation(SyndicationEngine engine, bool quiescent = true)
    {
        ArgumentNullException.ThrowIfNull(engine);
        IReadOnlyList<Cluster> clusters = engine.GetClusters();
        int count = engine.Count;
        var owner = new Dictionary<string, long>(StringComparer.Ordinal);
        var ids = new HashSet<long>();
        int total = 0;
        foreach (Cluster cluster in clusters)
        {
            if (!ids.Add(cluster.Id))
            {
                return Say($"cluster id {cluster.Id} is listed twice");
            }

            if (cluster.Members.Count == 0)
            {
                return Say($"cluster {cluster.Id} is empty");
            }

            int canonicals = 0;
            foreach (ClusterMember member in cluster.Members)
            {
                if (!owner.TryAdd(member.Id, cluster.Id))
                {
                    return Say($"article {member.Id} is in clusters {owner[member.Id]} and {cluster.Id}");
                }

                if (member.Id == cluster.CanonicalId)
                {
                    canonicals++;
                }
            }

            if (canonicals != 1)
            {
                return Say($"cluster {cluster.Id} has {canonicals} members that are its canonical copy {cluster.CanonicalId}");
            }

            total += cluster.Members.Count;
        }

        if (!quiescent)
        {
            return null;
        }

        if (total != count)
        {
            return Say($"the clusters hold {total} articles but the engine counts {count}");
        }

        foreach ((string id, long clusterId) in owner)
        {
            Cluster? of = engine.GetClusterOf(id);
            if (of is null || of.Id != clusterId || !of.Members.Any(m => m.Id == id))
            {
                return Say($"GetClusterOf({id}) gives cluster {of?.Id} but the listing puts it in {clusterId}");
            }
        }

        // A carrier is a held article of another story, listed once, in the story the listing puts it in.
        foreach (Cluster cluster in clusters)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (Carrier carrier in cluster.Carriers)
            {
                if (!seen.Add(carrier.Id))
                {
                    return Say($"cluster {cluster.Id} lists carrier {carrier.Id} twice");
                }

                if (!owner.TryGetValue(carrier.Id, out long own) || own != carrier.ClusterId || own == cluster.Id)
                {
                    return Say($"cluster {cluster.Id} lists carrier {carrier.Id} of cluster {carrier.ClusterId}, which the listing puts in {(owner.TryGetValue(carrier.Id, out long o) ? o : 0)}");
                }
            }
        }

        return null;
    }

    /// <summary>Throws <see cref="FuzzFailure"/> when <see cref="Violation"/> finds something.</summary>
    public static void Check(SyndicationEngine engine)
    {
        if (Violation(engine) is { } violation)
        {
            throw new FuzzFailure(violation);
        }
    }

    private static string Say(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}

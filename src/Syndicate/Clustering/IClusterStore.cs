using Syndicate.Sketches;

namespace Syndicate.Clustering;

/// <summary>
/// The state behind a <see cref="SyndicationEngine"/>: indexed articles, their fingerprints, the candidate indexes and
/// the clusters. The engine's matching and clustering logic talks to the state only through this seam, so a store
/// shared by several machines can replace the in-memory one without touching the algorithm.
/// </summary>
internal interface IClusterStore
{
    DocumentTable Documents { get; }

    IEnumerable<ClusterState> Clusters { get; }

    int ClusterCount { get; }

    BoilerplateLearner Boilerplate { get; }

    long NextSequence { get; }

    bool TryGetHandle(string id, out int handle);

    bool TryGetExact(ulong contentHash, out int handle);

    void FindCandidates(Fingerprint print, List<int> candidates, int maxCandidates);

    int Insert(Fingerprint print, DocumentInfo info, long timestamp);

    void Remove(int handle);

    ClusterState CreateCluster(int canonical);

    ClusterState? GetCluster(long id);

    void DeleteCluster(ClusterState cluster);

    long IndexBytes { get; }
}

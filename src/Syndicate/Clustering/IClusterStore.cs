using Syndicate.Cleaning;
using Syndicate.Fingerprinting;
using Syndicate.Sketches;

namespace Syndicate.Clustering;

/// <summary>
/// The state behind a <see cref="SyndicationEngine"/>: indexed articles, their fingerprints, the candidate indexes and
/// the clusters. The engine's matching and clustering logic talks to the state only through this seam, so a store
/// shared by several machines can replace the in-memory one without touching the algorithm.
/// </summary>
internal interface IClusterStore
{
    public DocumentTable Documents { get; }

    public IEnumerable<ClusterState> Clusters { get; }

    public int ClusterCount { get; }

    public BoilerplateLearner Boilerplate { get; }

    public long NextSequence { get; }

    public bool TryGetHandle(string id, out int handle);

    public bool TryGetExact(ulong contentHash, out int handle);

    public void FindCandidates(Fingerprint print, List<int> candidates, int maxCandidates);

    public int Insert(Fingerprint print, DocumentInfo info, long timestamp);

    public void Remove(int handle);

    public ClusterState CreateCluster(int canonical);

    public ClusterState? GetCluster(long id);

    public void DeleteCluster(ClusterState cluster);

    public long IndexBytes { get; }

    /// <summary>The id the next new cluster gets.</summary>
    public long NextClusterId { get; set; }

    /// <summary>Prepares an empty store for <paramref name="count"/> calls of <see cref="IndexDocument"/>.</summary>
    public void BeginRestore(int count);

    /// <summary>Adds a restored document to the id map and the candidate indexes; called in sequence order.</summary>
    public void IndexDocument(int handle);

    /// <summary>
    /// Ends a restore begun with <see cref="BeginRestore"/>: builds what the restored documents are looked up by. It
    /// reads the document table and writes only the id map and the candidate indexes, so the caller may restore the
    /// clusters and the boilerplate statistics meanwhile on another thread.
    /// </summary>
    /// <exception cref="ArgumentException">Two restored documents have the same id.</exception>
    public void EndRestore();

    /// <summary>Re-creates a cluster with its persisted id and members.</summary>
    public void RestoreCluster(ClusterState cluster);

    /// <summary>Makes the next arrival's sequence at least <paramref name="next"/>.</summary>
    public void RestoreSequence(long next);
}

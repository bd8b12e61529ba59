using Syndicate.Attribution;

namespace Syndicate.Clustering;

/// <summary>A live cluster: its members' handles and the canonical copy's retained text.</summary>
internal sealed class ClusterState
{
    public ClusterState(long id, int canonical)
    {
        Id = id;
        Canonical = canonical;
        Members = [canonical];
    }

    public ClusterState(long id, int canonical, List<int> members)
    {
        Id = id;
        Canonical = canonical;
        Members = members;
    }

    public long Id { get; }

    /// <summary>Handle of the canonical copy.</summary>
    public int Canonical { get; set; }

    /// <summary>Member handles in arrival order.</summary>
    public List<int> Members { get; }

    public WireAgency? Wire { get; set; }

    public string? CanonicalTitle { get; set; }

    public string? CanonicalText { get; set; }

    public string? CanonicalOriginalText { get; set; }
}

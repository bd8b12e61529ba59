namespace Syndicate.Clustering;

/// <summary>Chooses which copy of a story is its canonical version.</summary>
/// <remarks>
/// Implementations must be a strict total order (deterministic, no ties between different ids) and cheap: the engine
/// calls <see cref="Compare"/> once per new member, and once per member when the canonical copy is removed.
/// </remarks>
public interface ICanonicalPolicy
{
    /// <summary>Negative when <paramref name="x"/> is the better canonical, positive when <paramref name="y"/> is.</summary>
    public int Compare(in CanonicalCandidate x, in CanonicalCandidate y);
}

namespace Syndicate.Clustering;

/// <summary>
/// The default canonical policy: the wire agency's own copy when present; else a complete copy over one known to be
/// truncated; else the earliest published (copies without a time come after those with one); else the most complete
/// (most shingles); else the lowest id in ordinal order.
/// </summary>
public sealed class CanonicalPolicy : ICanonicalPolicy
{
    private CanonicalPolicy()
    {
    }

    /// <summary>The single instance.</summary>
    public static CanonicalPolicy Default { get; } = new();

    /// <inheritdoc/>
    public int Compare(in CanonicalCandidate x, in CanonicalCandidate y)
    {
        if (x.IsWireCopy != y.IsWireCopy)
        {
            return x.IsWireCopy ? -1 : 1;
        }

        if (x.IsTruncated != y.IsTruncated)
        {
            return x.IsTruncated ? 1 : -1;
        }

        if (x.Published != y.Published)
        {
            if (x.Published is null)
            {
                return 1;
            }

            if (y.Published is null)
            {
                return -1;
            }

            int byTime = x.Published.Value.UtcTicks.CompareTo(y.Published.Value.UtcTicks);
            if (byTime != 0)
            {
                return byTime;
            }
        }

        if (x.ShingleCount != y.ShingleCount)
        {
            return x.ShingleCount > y.ShingleCount ? -1 : 1;
        }

        return string.CompareOrdinal(x.Id, y.Id);
    }
}

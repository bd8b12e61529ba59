namespace Syndicate.Clustering;

/// <summary>What a canonical policy may weigh about one member of a cluster.</summary>
public readonly struct CanonicalCandidate
{
    internal CanonicalCandidate(string id, string source, DateTimeOffset? published, int shingleCount, bool isWireCopy, bool isTruncated, long sequence)
    {
        Id = id;
        Source = source;
        Published = published;
        ShingleCount = shingleCount;
        IsWireCopy = isWireCopy;
        IsTruncated = isTruncated;
        Sequence = sequence;
    }

    /// <summary>The article id.</summary>
    public string Id { get; }

    /// <summary>The outlet.</summary>
    public string Source { get; }

    /// <summary>The publication time, if known.</summary>
    public DateTimeOffset? Published { get; }

    /// <summary>How many shingles the cleaned story text has: a measure of completeness.</summary>
    public int ShingleCount { get; }

    /// <summary>True when the outlet is the wire agency the story came from (for example SPA's own <c>was</c> feed).</summary>
    public bool IsWireCopy { get; }

    /// <summary>True when the copy is known to be incomplete: it ends in a continuation marker such as <c>(تستمر)</c>, or a longer copy contains it.</summary>
    public bool IsTruncated { get; }

    /// <summary>Arrival order in the engine (0 = first article ever added).</summary>
    public long Sequence { get; }
}

namespace Syndicate;

/// <summary>How an article relates to the copy it was matched with.</summary>
public enum Relation
{
    /// <summary>The article starts a new story: nothing verified matched it (or, in a cluster listing, it is the canonical copy).</summary>
    Original = 0,

    /// <summary>The normalized story text is identical to an earlier copy's.</summary>
    Duplicate = 1,

    /// <summary>The estimated Jaccard similarity of the two copies' shingle sets reaches the similarity threshold.</summary>
    NearDuplicate = 2,

    /// <summary>
    /// The shorter copy is (almost) contained in the longer one and both open with the same lead: a truncated reprint,
    /// or a story's first part published before the rest.
    /// </summary>
    Partial = 3,
}

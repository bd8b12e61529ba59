namespace Syndicate.Clustering;

/// <summary>One side of a <see cref="PairExplanation"/>: what cleaning and fingerprinting made of an article.</summary>
public sealed record ExplainedArticle
{
    /// <summary>The article id.</summary>
    public required string Id { get; init; }

    /// <summary>The outlet that carried the article.</summary>
    public required string Source { get; init; }

    /// <summary>Shingles (with repeats) of the story text; 0 when it has nothing to compare.</summary>
    public required int Shingles { get; init; }

    /// <summary>Distinct shingles of the story text.</summary>
    public required int DistinctShingles { get; init; }

    /// <summary>Values in the lead sketch (the smallest hashes of the story's opening shingles).</summary>
    public required int LeadValues { get; init; }

    /// <summary>The dateline the cleaner found, as written, if any.</summary>
    public required string? Dateline { get; init; }

    /// <summary>The wire agency the article credits (English name), if any.</summary>
    public required string? Wire { get; init; }

    /// <summary>True when the article ended with a continuation marker ("continued", "يتبع").</summary>
    public required bool HadContinuationMarker { get; init; }

    /// <summary>The story text that cleaning kept, before normalization.</summary>
    public required string CleanedText { get; init; }
}

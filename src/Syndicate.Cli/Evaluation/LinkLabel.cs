namespace Syndicate.Cli.Evaluation;

/// <summary>
/// One text's label in a gold file of text-reuse links (the COUNTER scheme): an agency text, or a newspaper text
/// with the agency text it is measured against.
/// </summary>
/// <param name="Id">The text's id in the corpus.</param>
/// <param name="Kind">One of <see cref="LinkKinds"/>.</param>
/// <param name="Link">For a derived or independent text, the id of the agency text; <see langword="null"/> for a source.</param>
/// <param name="Story">The gold story, when the file gives one; texts of one story are copies of one agency text.</param>
internal sealed record LinkLabel(string Id, string Kind, string? Link, string? Story);

/// <summary>The <c>kind</c> values of a link gold file, after Sharjeel, Nawab &amp; Rayson's COUNTER corpus (2017).</summary>
internal static class LinkKinds
{
    /// <summary>The agency's own text.</summary>
    public const string Source = "source";

    /// <summary>Wholly derived: written from the agency text alone (reworded, cut, respaced). Should be linked.</summary>
    public const string WhollyDerived = "wd";

    /// <summary>Partially derived: the agency text is one of its sources. Should be linked.</summary>
    public const string PartiallyDerived = "pd";

    /// <summary>Non-derived: written independently about the same event. Linking it is a false merge.</summary>
    public const string NonDerived = "nd";

    /// <summary>The kinds that name a <c>link</c>, in the order reports list them.</summary>
    public static IReadOnlyList<string> Linked { get; } = [WhollyDerived, PartiallyDerived, NonDerived];

    public static bool IsLinkKind(string kind) => kind is Source or WhollyDerived or PartiallyDerived or NonDerived;

    /// <summary>Whether a text of this kind belongs with its link: the positives of the pairwise scores.</summary>
    public static bool IsDerived(string kind) => kind is WhollyDerived or PartiallyDerived;
}

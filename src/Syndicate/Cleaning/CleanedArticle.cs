using Syndicate.Attribution;

namespace Syndicate.Cleaning;

/// <summary>An article body with the outlet's furniture taken out, and a record of what was taken.</summary>
internal sealed class CleanedArticle
{
    /// <summary>The story text: what should be fingerprinted.</summary>
    public required string Body { get; init; }

    /// <summary>
    /// True when <see cref="Body"/> is the article's body unchanged: nothing was removed, repaired or converted.
    /// </summary>
    public bool BodyIsOriginal { get; init; }

    /// <summary>The dateline found at the start of the body, if any.</summary>
    public Dateline? Dateline { get; init; }

    /// <summary>True when a continuation marker such as <c>(تستمر)</c> or <c>// يتبع //</c> was removed.</summary>
    public bool HadContinuationMarker { get; init; }

    /// <summary>How many leading lines repeating the title were removed.</summary>
    public int RemovedTitleLines { get; init; }

    /// <summary>The furniture removed, in body order: widget phrases, markers, footers, credits.</summary>
    public required IReadOnlyList<string> RemovedBoilerplate { get; init; }

    /// <summary>The credit line or bracketed credit removed from the end of the body, if any.</summary>
    public string? TrailingCredit { get; init; }

    /// <summary>The wire named by <see cref="TrailingCredit"/>, if any.</summary>
    public WireAgency? TrailingCreditWire { get; init; }

    /// <summary>The wire named by the byline removed from the top of the body (<c>By JANE DOE Associated Press</c>), if any.</summary>
    public WireAgency? BylineWire { get; init; }

    /// <summary>
    /// The wire named in the running text as the agency the story came from (<c>قال لوكالة فرانس برس</c>,
    /// <c>بحسب ما نقلته وكالة رويترز</c>), read only when neither the dateline nor a trailing credit names one.
    /// </summary>
    public WireAgency? RunningCreditWire { get; init; }

    /// <summary>
    /// The wire the article is credited to: the dateline's, else the byline's, else the trailing credit's, else the
    /// running text's.
    /// </summary>
    public WireAgency? Wire => Dateline?.Wire ?? BylineWire ?? TrailingCreditWire ?? RunningCreditWire;
}

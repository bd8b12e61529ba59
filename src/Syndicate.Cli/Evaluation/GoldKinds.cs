namespace Syndicate.Cli.Evaluation;

/// <summary>The values of the <c>kind</c> field of a gold record.</summary>
internal static class GoldKinds
{
    /// <summary>The wire's own copy of a story.</summary>
    public const string Original = "original";

    /// <summary>An outlet's copy that differs from the wire copy only in outlet furniture (dateline, header, footer, widgets, headline).</summary>
    public const string Reprint = "reprint";

    /// <summary>An outlet's copy with words dropped or inserted, a paragraph removed, or orthographic variants.</summary>
    public const string Edited = "edited";

    /// <summary>An outlet's copy of the first paragraphs only, often closed by a <c>(تستمر)</c> line.</summary>
    public const string Partial = "partial";

    /// <summary>A different story from the same wire that reuses another story's background paragraphs.</summary>
    public const string HardNegative = "hard-negative";

    /// <summary>An unrelated story published once, by one outlet.</summary>
    public const string Distractor = "distractor";

    /// <summary>
    /// An outlet's roundup: the opening of one syndicated story, then most of another story of the same day carried
    /// after it. A copy of the story it carries (most of its text, and what readers of real pairs label SAME with the
    /// carried item); <see cref="GoldRecord.BorrowedFrom"/> names the lead story, which it must not glue to the carried
    /// one.
    /// </summary>
    public const string Compilation = "compilation";

    /// <summary>Every kind, in the order reports list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Original, Reprint, Edited, Partial, Compilation, HardNegative, Distractor];
}

namespace Syndicate.Cli.Evaluation;

/// <summary>Settings of <see cref="CorpusGenerator"/>. Every draw the generator makes derives from <see cref="Seed"/>.</summary>
internal sealed class GeneratorOptions
{
    /// <summary>The seed of every random choice: the same seed and base stories give a byte-identical corpus.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>How many syndicated stories (a wire copy and its outlet copies) to generate.</summary>
    public int Stories { get; init; } = 40;

    /// <summary>Hard-negative stories per syndicated story: each borrows 1–3 background paragraphs of a syndicated story.</summary>
    public double HardNegativeRate { get; init; } = 0.25;

    /// <summary>Unrelated single-copy stories per syndicated story.</summary>
    public double DistractorRate { get; init; } = 0.25;

    /// <summary>The fewest outlets that carry one syndicated story.</summary>
    public int MinOutlets { get; init; } = 2;

    /// <summary>The most outlets that carry one syndicated story (capped by the number of outlet personas).</summary>
    public int MaxOutlets { get; init; } = 15;

    /// <summary>Share of outlet copies that are edited (words dropped or inserted, a paragraph removed, orthographic variants).</summary>
    public double EditedRate { get; init; } = 0.3;

    /// <summary>Share of outlet copies that carry only the first paragraphs.</summary>
    public double PartialRate { get; init; } = 0.15;

    /// <summary>Share of outlet copies whose headline is rewritten (the body is not).</summary>
    public double HeadlineRewriteRate { get; init; } = 0.25;

    /// <summary>Share of syndicated stories whose wire copy is left out, so that the earliest outlet copy is the original.</summary>
    public double MissingWireCopyRate { get; init; } = 0.15;

    /// <summary>Share of hard negatives that are short: one or two paragraphs of their own before the borrowed ones.</summary>
    public double ShortHardNegativeRate { get; init; } = 0.4;

    /// <summary>
    /// Share of edited copies respaced as outlets respace Arabic script without changing how it reads: a word joined to
    /// the next after a letter that does not join, or split after one inside it.
    /// </summary>
    public double RespacedRate { get; init; } = 0.3;

    /// <summary>Share of edited copies whose opening clause gives way to the outlet's own attribution.</summary>
    public double RewrittenOpeningRate { get; init; } = 0.2;

    /// <summary>
    /// Later instances of a template per syndicated story: the wire's same text two to ten days on, with other numbers
    /// (the next relief flight, another day's bulletin). Each is a story of its own, a hard negative of the first.
    /// </summary>
    public double TemplateRate { get; init; } = 0.1;

    /// <summary>
    /// Roundups per syndicated story: an outlet opens with the first paragraphs of one story and carries most of another
    /// story of the same day after it (SaudiNewsNet's regional and market roundups, ANT's compilations). Each is a copy
    /// of the story it carries and names the lead story (<see cref="GoldKinds.Compilation"/>).
    /// </summary>
    public double CompilationRate { get; init; } = 0.1;

    /// <summary>The publication time of the first story; the others follow at intervals of up to two hours.</summary>
    public DateTimeOffset Start { get; init; } = new(2022, 1, 18, 6, 0, 0, TimeSpan.Zero);
}

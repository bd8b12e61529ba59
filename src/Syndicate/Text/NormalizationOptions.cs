namespace Syndicate.Text;

/// <summary>
/// Options for <see cref="TextNormalizer"/>: which Arabic spelling variants are folded together.
/// </summary>
/// <remarks>
/// <para>
/// Every option trades precision for recall. Folding a variant makes two copies of an article
/// that differ only in that spelling convention (one outlet writes <c>مدرسة</c>, another
/// <c>مدرسه</c>) produce the same tokens, at the price of merging a few distinct words that
/// differ only in that letter. For near-duplicate detection the trade is almost always worth
/// it: a merged word costs one coincidental shingle, a missed variant breaks every shingle that
/// spans it. All options are on by default.
/// </para>
/// <para>
/// The options only select among precomputed lookup tables; they do not change the speed of
/// normalization. Each distinct combination builds a 128 KiB table once, on first use.
/// </para>
/// <para>
/// Folds that are always applied (and have no option) are listed on <see cref="TextNormalizer"/>.
/// </para>
/// </remarks>
public sealed class NormalizationOptions
{
    /// <summary>The default options: every fold on.</summary>
    public static NormalizationOptions Default { get; } = new();

    /// <summary>
    /// Fold teh marbuta <c>ة</c> (U+0629) and the Urdu teh marbuta goal <c>ۃ</c> (U+06C3) to heh
    /// <c>ه</c> (U+0647). Default <see langword="true"/>.
    /// </summary>
    /// <remarks>
    /// Buys: word-final <c>ة</c> and <c>ه</c> are confused constantly in typed Arabic
    /// (<c>مدرسة</c> / <c>مدرسه</c>). Costs: merges feminine nouns with the masculine pronoun
    /// suffix in a few pairs (<c>عامة</c> / <c>عامه</c>).
    /// </remarks>
    public bool FoldTehMarbuta { get; init; } = true;

    /// <summary>
    /// Fold hamza on a waw or yeh seat to the bare hamza: <c>ؤ</c> (U+0624), <c>ئ</c> (U+0626),
    /// <c>ٶ</c> (U+0676), <c>ٷ</c> (U+0677), <c>ٸ</c> (U+0678) and <c>ۓ</c> (U+06D3) become
    /// <c>ء</c> (U+0621). Default <see langword="true"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Buys: the seat of a medial or final hamza is a spelling convention that outlets disagree
    /// on, while the hamza itself is stable. Folding the seat into the hamza unifies
    /// <c>مسؤول</c> / <c>مسئول</c>, <c>الشؤون</c> / <c>الشئون</c> and the case-ending variants
    /// <c>أبناؤهم</c> / <c>أبنائهم</c> / <c>أبناءهم</c>. On SaudiNewsNet (31,030 articles) this
    /// merges about 3,700 token occurrences of such variants; folding the seats to the bare
    /// letters instead (<c>ؤ → و</c>, <c>ئ → ي</c>) merges under a hundred, because it keeps
    /// <c>مسوول</c> and <c>مسيول</c> apart.
    /// </para>
    /// <para>
    /// Costs: a handful of real words collapse (<c>بئر</c> "well" and <c>بؤر</c> "foci").
    /// The standalone hamza <c>ء</c> is always kept (it is a letter, and dropping it would merge
    /// <c>جزءا</c> with <c>جزاء</c>); the spelling <c>شئ</c> for <c>شيء</c> therefore stays
    /// distinct (<c>شء</c> / <c>شيء</c>). Hamza on an alef (<c>أ إ آ</c>) is always folded to
    /// <c>ا</c> and does not depend on this option.
    /// </para>
    /// <para>
    /// When <see langword="false"/>, <c>ؤ</c> and <c>ئ</c> are kept, and the rarer forms
    /// <c>ٶ</c> → <c>ؤ</c>, <c>ٸ</c> and <c>ۓ</c> → <c>ئ</c>.
    /// </para>
    /// </remarks>
    public bool FoldHamzaCarriers { get; init; } = true;

    /// <summary>
    /// Fold alef maqsura <c>ى</c> (U+0649) to yeh <c>ي</c> (U+064A). Default <see langword="true"/>.
    /// </summary>
    /// <remarks>
    /// Buys: Egyptian and much web text writes final yeh without dots and vice versa
    /// (<c>إلى</c> / <c>إلي</c>, <c>على</c> / <c>علي</c>). Costs: merges a few pairs such as
    /// the preposition <c>على</c> and the name <c>علي</c>.
    /// </remarks>
    public bool FoldAlefMaqsura { get; init; } = true;

    /// <summary>The index of the lookup table for this combination of options (0 to 7).</summary>
    internal int TableIndex =>
        (FoldTehMarbuta ? 1 : 0) | (FoldHamzaCarriers ? 2 : 0) | (FoldAlefMaqsura ? 4 : 0);
}

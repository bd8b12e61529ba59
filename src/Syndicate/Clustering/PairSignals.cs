namespace Syndicate.Clustering;

/// <summary>
/// Everything the <see cref="PairVerifier"/> measures about a pair before deciding. All zero when either copy has no
/// text to compare.
/// </summary>
/// <param name="Comparable">Both copies have story text (at least one shingle).</param>
/// <param name="SameText">The normalized story texts are identical (equal content hashes).</param>
/// <param name="EqualSlots">Signature slots that agree.</param>
/// <param name="Jaccard">The b-bit estimate of the Jaccard similarity of the two shingle sets.</param>
/// <param name="Containment">The estimated share of the shorter copy's shingles that the longer one holds.</param>
/// <param name="LeadAgreement">Shared values of the two lead sketches, over the smaller sketch's size.</param>
/// <param name="ShorterShingles">The shingle count of the shorter copy.</param>
/// <param name="LongerShingles">The shingle count of the longer copy.</param>
/// <param name="TemplateGap">Both copies have publication times more than <see cref="PairVerifier.TemplateGap"/> apart.</param>
/// <param name="RewriteScore">The rewrite score (<see cref="PairVerifier.RewriteScore"/>), measured only for a pair that
/// no earlier rule settles and that has evidence rows; otherwise 0.</param>
/// <param name="LeadContainment">The exact lead containment (<see cref="PairVerifier.OpeningContainment(string, string)"/>), measured only
/// for a pair the rewrite score would link, whose estimated containment reaches <see cref="PairVerifier.MinRewriteContainment"/>
/// and whose two texts are at hand; otherwise -1.</param>
/// <param name="NumberAgreement">The share of the smaller set of numbers the other copy also mentions (<see cref="Fingerprinting.Evidence.NumberAgreement"/>), measured only for a near-duplicate across the template gap; otherwise, or when either mentions none, -1.</param>
/// <param name="HeadContainment">The head containment (<see cref="PairVerifier.OpeningContainment(string, string)"/>), measured only for a pair the rewrite score would link whose lead containment falls short; otherwise -1.</param>
/// <param name="CarriedLeadContainment">The share of the shorter copy's opening found in the longer (<see cref="PairVerifier.IsCarriedInside"/>), measured with the lead containment; otherwise -1.</param>
/// <param name="CharacterContainment">The estimated share of the shorter copy's character grams the longer holds, measured with the lead containment; otherwise -1.</param>
/// <param name="FigureContainment">The share of the smaller set of figures the other text also mentions (<see cref="Figures.Containment"/>), measured only for a pair whose lead containment, or whose rewritten or carried opening, would let the rewrite rule link it (the figures can only block that); otherwise, or when either text mentions fewer than <see cref="PairVerifier.MinFigures"/>, -1.</param>
/// <param name="WordingContainment">The exact share of the shorter copy's shingles the longer text holds
/// (<see cref="PairVerifier.IsVocabularyOnly"/>), measured only for a pair of very unequal lengths that the rewrite rule would
/// otherwise link; otherwise -1.</param>
internal readonly record struct PairSignals(
    bool Comparable,
    bool SameText,
    int EqualSlots,
    double Jaccard,
    double Containment,
    double LeadAgreement,
    int ShorterShingles,
    int LongerShingles,
    bool TemplateGap = false,
    double RewriteScore = 0,
    double LeadContainment = -1,
    double NumberAgreement = -1,
    double HeadContainment = -1,
    double CarriedLeadContainment = -1,
    double CharacterContainment = -1,
    double FigureContainment = -1,
    double WordingContainment = -1);

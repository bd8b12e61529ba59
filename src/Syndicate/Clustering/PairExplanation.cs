using System.Globalization;
using System.Text;

namespace Syndicate.Clustering;

/// <summary>
/// How two articles compare under an engine's options (<see cref="SyndicationEngine.Explain"/>): every signal the pair
/// verifier measures, each threshold it applies, and its decision. <see cref="ToString"/> renders it as text.
/// </summary>
public sealed record PairExplanation
{
    /// <summary>The first article.</summary>
    public required ExplainedArticle First { get; init; }

    /// <summary>The second article.</summary>
    public required ExplainedArticle Second { get; init; }

    /// <summary>True when both normalized story texts are identical (and not empty).</summary>
    public required bool IsExactCopy { get; init; }

    /// <summary>Distinct shingles the two story texts share.</summary>
    public required int SharedShingles { get; init; }

    /// <summary>The exact Jaccard similarity of the two distinct shingle sets (the quantity the sketch estimates).</summary>
    public required double ExactJaccard { get; init; }

    /// <summary>The exact share of the smaller distinct shingle set held by the larger.</summary>
    public required double ExactContainment { get; init; }

    /// <summary>Signature slots that agree, out of <see cref="SignatureLength"/>.</summary>
    public required int EqualSlots { get; init; }

    /// <summary>The signature length (MinHash slots).</summary>
    public required int SignatureLength { get; init; }

    /// <summary>The estimated Jaccard similarity the engine decides on.</summary>
    public required double Jaccard { get; init; }

    /// <summary>The estimated Jaccard from which a pair is a near-duplicate (<see cref="SyndicationOptions.SimilarityThreshold"/>).</summary>
    public required double SimilarityThreshold { get; init; }

    /// <summary>The probability that the LSH index offers a pair of this estimated similarity as a candidate.</summary>
    public required double CandidateProbability { get; init; }

    /// <summary>The estimated share of the shorter copy's shingles that the longer holds.</summary>
    public required double Containment { get; init; }

    /// <summary>The containment from which a pair with a shared lead is a partial copy (<see cref="SyndicationOptions.ContainmentThreshold"/>).</summary>
    public required double ContainmentThreshold { get; init; }

    /// <summary>The containment a rewrite needs, whatever its score (<see cref="PairVerifier.MinRewriteContainment"/>).</summary>
    public double MinRewriteContainment { get; init; }

    /// <summary>Shared values of the two lead sketches, over the smaller sketch's size.</summary>
    public required double LeadAgreement { get; init; }

    /// <summary>The lead agreement a partial copy needs.</summary>
    public required double MinLeadAgreement { get; init; }

    /// <summary>The shingles the shorter copy needs for a partial link: below it, containment estimates are noise.</summary>
    public required int MinPartialShingles { get; init; }

    /// <summary>Contained copies whose shingle counts are within this ratio are edited reprints (near-duplicates), not partial copies.</summary>
    public required double SimilarLengthRatio { get; init; }

    /// <summary>Hours between the two publication times, when both articles have one.</summary>
    public double? HoursApart { get; init; }

    /// <summary>Below the near-duplicate threshold, copies further apart than this many hours are never linked (template series).</summary>
    public required double TemplateGapHours { get; init; }

    /// <summary>
    /// The share of the smaller set of numbers the other copy also mentions; null when either mentions none. Across the
    /// template gap a near-duplicate needs at least <see cref="MinGapNumberAgreement"/> of it, unless its Jaccard
    /// similarity reaches <see cref="RepeatJaccard"/>.
    /// </summary>
    public double? NumberAgreement { get; init; }

    /// <summary>The number agreement a near-duplicate needs across the template gap.</summary>
    public required double MinGapNumberAgreement { get; init; }

    /// <summary>The Jaccard similarity from which a copy is a re-run of the same text whatever its numbers and time gap.</summary>
    public required double RepeatJaccard { get; init; }

    /// <summary>The signals of the rewrite score, each with its value and weight.</summary>
    public required IReadOnlyList<ExplainedSignal> RewriteSignals { get; init; }

    /// <summary>The rewrite score's intercept.</summary>
    public required double RewriteBias { get; init; }

    /// <summary>The rewrite score: the calibrated probability that the two are one story from one source text.</summary>
    public required double RewriteScore { get; init; }

    /// <summary>The rewrite score from which a pair is linked as a rewrite (<see cref="SyndicationOptions.RewriteThreshold"/>).</summary>
    public required double RewriteThreshold { get; init; }

    /// <summary>The smaller share of either copy's opening character grams found in the other text.</summary>
    public required double LeadContainment { get; init; }

    /// <summary>The lead containment a rewrite needs.</summary>
    public required double MinLeadContainment { get; init; }

    /// <summary>The smaller share of either copy's first half of character grams found in the other text.</summary>
    public double HeadContainment { get; init; }

    /// <summary>The head containment a rewrite whose openings differ needs.</summary>
    public double MinHeadContainment { get; init; }

    /// <summary>The rewrite score a rewrite whose openings differ needs.</summary>
    public double MinRewrittenOpeningScore { get; init; }

    /// <summary>The share of the shorter copy's opening found in the longer text.</summary>
    public double CarriedLeadContainment { get; init; }

    /// <summary>The share of its opening a copy carried inside a longer text must have there.</summary>
    public double MinCarriedLeadContainment { get; init; }

    /// <summary>The estimated share of the shorter copy's character grams the longer holds.</summary>
    public double CharacterContainment { get; init; }

    /// <summary>The character containment a copy carried inside a longer text needs.</summary>
    public double MinCarriedCharacterContainment { get; init; }

    /// <summary>
    /// The share of the smaller set of figures (amounts, prices, tolls; not single digits or years) the other text also
    /// mentions; null when either mentions fewer than <see cref="MinFigures"/>. A rewrite below
    /// <see cref="MinFigureContainment"/> is another instance of a template and is not linked.
    /// </summary>
    public double? FigureContainment { get; init; }

    /// <summary>The figure containment a rewrite needs when both texts mention at least <see cref="MinFigures"/> figures.</summary>
    public double MinFigureContainment { get; init; }

    /// <summary>The figures each text must mention before the figure test applies.</summary>
    public int MinFigures { get; init; }

    /// <summary>The exact share of the shorter copy's shingles the longer text holds, on the two cleaned texts.</summary>
    public double WordingContainment { get; init; }

    /// <summary>A shorter copy under this share of the longer's shingles needs <see cref="MinUnequalWordingContainment"/> for a rewrite link.</summary>
    public double UnequalLengthRatio { get; init; }

    /// <summary>The wording containment a rewrite link needs when the shorter copy is under <see cref="UnequalLengthRatio"/> of the longer's length.</summary>
    public double MinUnequalWordingContainment { get; init; }

    /// <summary>True when the relation comes from the rewrite rule alone.</summary>
    public bool IsRewrite { get; init; }

    /// <summary>The decision: the relation the engine would assign to the pair; <see cref="Relation.Original"/> means none.</summary>
    public required Relation Relation { get; init; }

    /// <summary>True when the pair has a relation.</summary>
    public bool IsRelated => Relation != Relation.Original;

    /// <summary>The explanation as text, one line per signal.</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        Describe(sb, First);
        Describe(sb, Second);
        if (IsExactCopy)
        {
            sb.AppendLine("relation:    duplicate (identical normalized text)");
            return sb.ToString();
        }

        sb.AppendLine(inv, $"exact:       jaccard {ExactJaccard:F3}, containment {ExactContainment:F3} ({SharedShingles} shared of {First.DistinctShingles} and {Second.DistinctShingles} distinct shingles)");
        sb.AppendLine(inv, $"slots equal: {EqualSlots}/{SignatureLength}");
        sb.AppendLine(inv, $"jaccard:     {Jaccard:F3} (near-duplicate at ≥ {SimilarityThreshold:F2}; LSH candidate probability {CandidateProbability:F3})");
        sb.AppendLine(inv, $"containment: {Containment:F3} (partial at ≥ {ContainmentThreshold:F2} with a shared lead; a rewrite needs ≥ {MinRewriteContainment:F2})");
        sb.AppendLine(inv, $"lead:        {LeadAgreement:F3} agreement ({First.LeadValues} and {Second.LeadValues} lead values)");
        sb.AppendLine(inv, $"time:        {(HoursApart is { } h ? h.ToString("F1", inv) + " hours apart" : "unknown")} (below the near-duplicate threshold, never linked across more than {TemplateGapHours:F0} hours)");
        sb.AppendLine(inv, $"numbers:     {(NumberAgreement is { } n ? n.ToString("F3", inv) + " agreement" : "none to compare")} (across {TemplateGapHours:F0} hours a near-duplicate below Jaccard {RepeatJaccard:F2} needs ≥ {MinGapNumberAgreement:F2})");
        foreach (ExplainedSignal signal in RewriteSignals)
        {
            sb.AppendLine(inv, $"rewrite:     {signal.Name} {signal.Value:F3} × weight {signal.Weight:F3}");
        }

        sb.AppendLine(inv, $"rewrite:     score {RewriteScore:F3} (bias {RewriteBias:F3}; a rewrite at ≥ {RewriteThreshold:F2} with lead containment {LeadContainment:F3} ≥ {MinLeadContainment:F2},");
        sb.AppendLine(inv, $"             or at ≥ {MinRewrittenOpeningScore:F2} with head containment {HeadContainment:F3} ≥ {MinHeadContainment:F2},");
        sb.AppendLine(inv, $"             or carried inside the longer: its opening {CarriedLeadContainment:F3} ≥ {MinCarriedLeadContainment:F2} and characters {CharacterContainment:F3} ≥ {MinCarriedCharacterContainment:F2})");
        sb.AppendLine(inv, $"figures:     {(FigureContainment is { } f ? f.ToString("F3", inv) + " of the smaller set in the other" : "fewer than " + MinFigures.ToString(inv) + " in a text")} (a rewrite needs ≥ {MinFigureContainment:F2} when each text has ≥ {MinFigures})");
        sb.AppendLine(inv, $"wording:     {WordingContainment:F3} of the shorter copy's shingles in the longer (a rewrite of a copy under {UnequalLengthRatio:F2} of the other's length needs ≥ {MinUnequalWordingContainment:F2})");
        sb.AppendLine(inv, $"relation:    {Spelled(Relation)}{(IsRewrite ? " (rewrite)" : IsRelated ? "" : " (not linked: neither is a copy of the other)")}");
        return sb.ToString();
    }

    /// <summary>The relation as every output of the <c>syndicate</c> command spells it.</summary>
    private static string Spelled(Relation relation) => relation switch
    {
        Relation.NearDuplicate => "near-duplicate",
        Relation.Partial => "partial",
        Relation.Duplicate => "duplicate",
        _ => "original",
    };

    private static void Describe(StringBuilder sb, ExplainedArticle article)
    {
        var inv = CultureInfo.InvariantCulture;
        string body = article.CleanedText.ReplaceLineEndings(" ");
        sb.AppendLine(inv, $"[{article.Id}] source {article.Source}, {article.Shingles} shingles, dateline: {article.Dateline ?? "-"}, wire: {article.Wire ?? "-"}, continuation marker: {article.HadContinuationMarker}");
        sb.AppendLine(inv, $"  {(body.Length > 160 ? body[..160] + "…" : body)}");
    }
}

/// <summary>One signal of the rewrite score in a <see cref="PairExplanation"/>.</summary>
/// <param name="Name">What the signal measures.</param>
/// <param name="Value">Its value for the pair.</param>
/// <param name="Weight">Its weight in the score.</param>
public sealed record ExplainedSignal(string Name, double Value, double Weight);

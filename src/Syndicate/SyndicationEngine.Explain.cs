using System.Globalization;
using System.Text;
using Syndicate.Clustering;
using Syndicate.Fingerprinting;
using Syndicate.Sketches;

namespace Syndicate;

public sealed partial class SyndicationEngine
{
    /// <summary>
    /// Explains how two articles compare under this engine's options: what cleaning kept of each, their shingle counts,
    /// the estimated Jaccard similarity and containment, the lead agreement, and the relation the engine would assign.
    /// Neither article is inserted.
    /// </summary>
    public string Explain(Article first, Article second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        Fingerprint a = _fingerprinter.Compute(first);
        Fingerprint b = _fingerprinter.Compute(second);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        Describe(sb, first, a);
        Describe(sb, second, b);
        if (a.ContentHash == b.ContentHash && !a.IsEmpty)
        {
            sb.AppendLine("relation:    duplicate (identical normalized text)");
            return sb.ToString();
        }

        int equal = SignatureComparer.CountEqual(a.Signature, b.Signature);
        double jaccard = SimilarityEstimator.JaccardBBit(equal, Options.SignatureLength, Fingerprinting.Fingerprint.SlotBits);
        double containment = SimilarityEstimator.Containment(jaccard, a.ShingleCount, b.ShingleCount);
        double lead = PairVerifier.LeadAgreement(a.Lead, b.Lead);
        var sideA = new PairSide(a.Signature, a.ShingleCount, a.Lead, a.Evidence, first.Published, a.Cleaned.Body);
        var sideB = new PairSide(b.Signature, b.ShingleCount, b.Lead, b.Evidence, second.Published, b.Cleaned.Body);
        Link link = _clusterer.Verifier.Relate(0, sideA, sideB);
        HashSet<ulong> setA = _fingerprinter.ShingleSet(first), setB = _fingerprinter.ShingleSet(second);
        int intersection = setA.Count(setB.Contains);
        int union = setA.Count + setB.Count - intersection;
        sb.AppendLine(inv, $"exact:       jaccard {(union == 0 ? 0 : (double)intersection / union):F3}, containment {(Math.Min(setA.Count, setB.Count) == 0 ? 0 : (double)intersection / Math.Min(setA.Count, setB.Count)):F3} ({intersection} shared of {setA.Count} and {setB.Count} distinct shingles)");
        sb.AppendLine(inv, $"slots equal: {equal}/{Options.SignatureLength}");
        sb.AppendLine(inv, $"jaccard:     {jaccard:F3} (near-duplicate at ≥ {Options.SimilarityThreshold:F2}; LSH candidate probability {Lsh.CandidateProbability(jaccard):F3})");
        sb.AppendLine(inv, $"containment: {containment:F3} (partial at ≥ {Options.ContainmentThreshold:F2} with a shared lead)");
        sb.AppendLine(inv, $"lead:        {lead:F3} agreement ({a.Lead.Length} and {b.Lead.Length} lead values)");
        foreach (RewriteSignal signal in PairVerifier.Signals(sideA, sideB))
        {
            sb.AppendLine(inv, $"rewrite:     {signal.Name} {signal.Value:F3} × weight {signal.Weight:F3}");
        }

        sb.AppendLine(inv, $"rewrite:     score {PairVerifier.RewriteScore(sideA, sideB):F3} (a rewrite at ≥ {Options.RewriteThreshold:F2}; never across more than {PairVerifier.TemplateGap.TotalHours:F0} hours below the near-duplicate threshold)");
        sb.AppendLine(inv, $"rewrite:     lead containment {_clusterer.Verifier.LeadContainment(a.Cleaned.Body, b.Cleaned.Body):F3} (a rewrite needs ≥ {PairVerifier.MinLeadContainment:F2})");
        sb.AppendLine(inv, $"relation:    {(link.Relation == Relation.Original ? "none" : link.Relation.ToString())}");
        return sb.ToString();
    }

    private static void Describe(StringBuilder sb, Article article, Fingerprint print)
    {
        var inv = CultureInfo.InvariantCulture;
        string body = print.Cleaned.Body.ReplaceLineEndings(" ");
        sb.AppendLine(inv, $"[{article.Id}] source {article.Source}, {print.ShingleCount} shingles, dateline: {print.Cleaned.Dateline?.Text ?? "-"}, wire: {print.Cleaned.Wire?.Name ?? "-"}, continuation marker: {print.Cleaned.HadContinuationMarker}");
        sb.AppendLine(inv, $"  {(body.Length > 160 ? body[..160] + "…" : body)}");
    }
}

using Syndicate.Fingerprinting;
using Syndicate.Index;
using Syndicate.Sketches;

namespace Syndicate.Clustering;

/// <summary>
/// The one pair decision of the library: adding, querying, merging clusters and explaining all ask it, and its answer
/// at join time is what a cluster member keeps. Each signal is one method; <see cref="Decide"/> is the decision.
/// </summary>
/// <remarks>
/// A <see cref="Relation.Duplicate"/> has the same normalized text. A <see cref="Relation.NearDuplicate"/> has an
/// estimated Jaccard similarity of at least <see cref="SyndicationOptions.SimilarityThreshold"/>. A
/// <see cref="Relation.Partial"/> copy is held by the longer one (containment at least
/// <see cref="SyndicationOptions.ContainmentThreshold"/>), opens with the same lead and is clearly shorter; a contained
/// copy of about the same length is an edited reprint, so a near-duplicate.
/// </remarks>
internal sealed class PairVerifier
{
    /// <summary>A partial link needs at least this many shingles in the shorter copy: below it, containment estimates are noise.</summary>
    public const int MinPartialShingles = 12;

    /// <summary>Copies whose shingle counts are within this ratio are "the same length": a contained one is an edited reprint.</summary>
    public const double SimilarLengthRatio = 0.8;

    /// <summary>Share of the lead sketch two copies must have in common for a partial link.</summary>
    public const double MinLeadAgreement = 0.5;

    private readonly int _k;

    public PairVerifier(SyndicationOptions options)
    {
        _k = options.SignatureLength;
        SimilarityThreshold = options.SimilarityThreshold;
        ContainmentThreshold = options.ContainmentThreshold;
    }

    /// <summary>The estimated Jaccard similarity from which a pair is a near-duplicate.</summary>
    public double SimilarityThreshold { get; }

    /// <summary>The estimated containment from which a pair with a shared lead is a partial copy.</summary>
    public double ContainmentThreshold { get; }

    /// <summary>The signature length the estimates divide by.</summary>
    public int SignatureLength => _k;

    /// <summary>Measures and decides: the answer every caller uses.</summary>
    public PairVerdict Verify(PairSide a, PairSide b)
    {
        PairSignals signals = Measure(a, b);
        return new PairVerdict(Decide(signals), signals.Jaccard, signals.Containment);
    }

    /// <summary>Every signal of a pair; all zero when either copy has no text to compare.</summary>
    public PairSignals Measure(PairSide a, PairSide b)
    {
        if (!Comparable(a, b))
        {
            return default;
        }

        int equal = EqualSlots(a, b);
        double jaccard = Jaccard(equal);
        return new PairSignals(
            Comparable: true,
            SameText: SameText(a, b),
            EqualSlots: equal,
            Jaccard: jaccard,
            Containment: Containment(jaccard, a, b),
            LeadAgreement: LeadAgreement(a.Lead, b.Lead),
            ShorterShingles: Math.Min(a.ShingleCount, b.ShingleCount),
            LongerShingles: Math.Max(a.ShingleCount, b.ShingleCount));
    }

    /// <summary>The decision. <see cref="Relation.Original"/> means no relation.</summary>
    public Relation Decide(in PairSignals s)
    {
        if (!s.Comparable)
        {
            return Relation.Original;
        }

        if (s.SameText)
        {
            return Relation.Duplicate;
        }

        if (s.Jaccard >= SimilarityThreshold)
        {
            return Relation.NearDuplicate;
        }

        if (s.Containment >= ContainmentThreshold && s.ShorterShingles >= MinPartialShingles && s.LeadAgreement >= MinLeadAgreement)
        {
            // Same opening and one held in the other: the shorter is the story's first part or a truncated reprint.
            // Copies of about the same length that pass this test are edited reprints, not parts.
            return s.ShorterShingles >= SimilarLengthRatio * s.LongerShingles ? Relation.NearDuplicate : Relation.Partial;
        }

        return Relation.Original;
    }

    /// <summary>Both copies have story text: a story with none (no letters or digits) is never anyone's copy.</summary>
    public static bool Comparable(PairSide a, PairSide b) => a.ShingleCount > 0 && b.ShingleCount > 0;

    /// <summary>Identical normalized story texts.</summary>
    public static bool SameText(PairSide a, PairSide b) => a.ContentHash == b.ContentHash;

    /// <summary>Signature slots that agree.</summary>
    public static int EqualSlots(PairSide a, PairSide b) => SignatureComparer.CountEqual(a.Signature, b.Signature);

    /// <summary>The b-bit MinHash estimate of the Jaccard similarity from the agreeing slots.</summary>
    public double Jaccard(int equalSlots) => SimilarityEstimator.JaccardBBit(equalSlots, _k, Fingerprint.SlotBits);

    /// <summary>The share of the shorter copy's shingles the longer one holds, from the Jaccard estimate and the two sizes.</summary>
    public static double Containment(double jaccard, PairSide a, PairSide b) => SimilarityEstimator.Containment(jaccard, a.ShingleCount, b.ShingleCount);

    /// <summary>Shared values of two ascending lead sketches, over the smaller sketch's size.</summary>
    public static double LeadAgreement(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return 0;
        }

        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)common / Math.Min(a.Length, b.Length);
    }

    /// <summary>Every signal, threshold and the decision on two fingerprinted articles, with their exact shingle sets.</summary>
    public PairExplanation Explain(Fingerprint a, HashSet<ulong> shinglesA, Fingerprint b, HashSet<ulong> shinglesB, LshParameters lsh)
    {
        PairSignals signals = Measure(PairSide.Of(a), PairSide.Of(b));
        Relation relation = Decide(signals);
        int shared = shinglesA.Count(shinglesB.Contains);
        int union = shinglesA.Count + shinglesB.Count - shared;
        int smaller = Math.Min(shinglesA.Count, shinglesB.Count);
        return new PairExplanation
        {
            First = Describe(a, shinglesA),
            Second = Describe(b, shinglesB),
            IsExactCopy = relation == Relation.Duplicate,
            SharedShingles = shared,
            ExactJaccard = union == 0 ? 0 : (double)shared / union,
            ExactContainment = smaller == 0 ? 0 : (double)shared / smaller,
            EqualSlots = signals.EqualSlots,
            SignatureLength = _k,
            Jaccard = signals.Jaccard,
            SimilarityThreshold = SimilarityThreshold,
            CandidateProbability = lsh.CandidateProbability(signals.Jaccard),
            Containment = signals.Containment,
            ContainmentThreshold = ContainmentThreshold,
            LeadAgreement = signals.LeadAgreement,
            MinLeadAgreement = MinLeadAgreement,
            MinPartialShingles = MinPartialShingles,
            SimilarLengthRatio = SimilarLengthRatio,
            Relation = relation,
        };
    }

    private static ExplainedArticle Describe(Fingerprint print, HashSet<ulong> shingles)
    {
        Article article = print.Article!;
        return new ExplainedArticle
        {
            Id = article.Id,
            Source = article.Source,
            Shingles = print.ShingleCount,
            DistinctShingles = shingles.Count,
            LeadValues = print.Lead.Length,
            Dateline = print.Cleaned.Dateline?.Text,
            Wire = print.Cleaned.Wire?.Name,
            HadContinuationMarker = print.Cleaned.HadContinuationMarker,
            CleanedText = print.Cleaned.Body,
        };
    }
}

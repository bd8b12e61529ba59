using Syndicate.Fingerprinting;
using Syndicate.Sketches;

namespace Syndicate.Clustering;

/// <summary>Verifies a candidate pair: estimates its Jaccard similarity and containment and decides the relation.</summary>
internal sealed class PairVerifier
{
    private readonly SyndicationOptions _options;
    private readonly int _k;

    public PairVerifier(SyndicationOptions options)
    {
        _options = options;
        _k = options.SignatureLength;
    }

    public Link Relate(int handle, ReadOnlySpan<byte> sigA, int sizeA, ReadOnlySpan<uint> leadA, ReadOnlySpan<byte> sigB, int sizeB, ReadOnlySpan<uint> leadB)
    {
        int equal = SignatureComparer.CountEqual(sigA, sigB);
        double jaccard = SimilarityEstimator.JaccardBBit(equal, _k, Fingerprint.SlotBits);
        double containment = SimilarityEstimator.Containment(jaccard, sizeA, sizeB);
        if (jaccard >= _options.SimilarityThreshold)
        {
            return new Link(handle, Relation.NearDuplicate, jaccard, containment);
        }

        if (containment >= _options.ContainmentThreshold
            && Math.Min(sizeA, sizeB) >= MinPartialShingles
            && LeadAgreement(leadA, leadB) >= MinLeadAgreement)
        {
            // Same opening and one held in the other: the shorter is the story's first part or a truncated reprint.
            // Copies of about the same length that pass this test are edited reprints, not parts.
            bool similarLength = Math.Min(sizeA, sizeB) >= SimilarLengthRatio * Math.Max(sizeA, sizeB);
            return new Link(handle, similarLength ? Relation.NearDuplicate : Relation.Partial, jaccard, containment);
        }

        return new Link(handle, Relation.Original, jaccard, containment);
    }

    /// <summary>A partial link needs at least this many shingles in the shorter copy: below it, containment estimates are noise.</summary>
    private const int MinPartialShingles = 12;

    /// <summary>Copies whose shingle counts are within this ratio are "the same length": a contained one is an edited reprint.</summary>
    private const double SimilarLengthRatio = 0.8;

    /// <summary>Share of the lead sketch two copies must have in common for a partial link.</summary>
    private const double MinLeadAgreement = 0.5;

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
}

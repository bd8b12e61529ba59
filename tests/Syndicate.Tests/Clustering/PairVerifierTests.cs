using Syndicate.Clustering;

namespace Syndicate.Tests.Clustering;

public class PairVerifierTests
{
    private static readonly PairVerifier s_verifier = new(SyndicationOptions.Default);

    private static PairSignals Signals(double jaccard = 0, double containment = 0, double lead = 0, int shorter = 100, int longer = 100, bool sameText = false) =>
        new(Comparable: true, SameText: sameText, EqualSlots: 0, Jaccard: jaccard, Containment: containment, LeadAgreement: lead, ShorterShingles: shorter, LongerShingles: longer);

    [Fact]
    public void A_pair_without_text_to_compare_has_no_relation()
    {
        Assert.Equal(Relation.Original, s_verifier.Decide(default));
        Assert.Equal(Relation.Original, s_verifier.Decide(Signals(jaccard: 1, sameText: true) with { Comparable = false }));
    }

    [Fact]
    public void The_same_text_is_a_duplicate_whatever_the_estimates()
    {
        Assert.Equal(Relation.Duplicate, s_verifier.Decide(Signals(sameText: true)));
    }

    [Fact]
    public void Near_duplicate_from_the_similarity_threshold_on()
    {
        double threshold = SyndicationOptions.Default.SimilarityThreshold;
        Assert.Equal(Relation.NearDuplicate, s_verifier.Decide(Signals(jaccard: threshold)));
        Assert.Equal(Relation.Original, s_verifier.Decide(Signals(jaccard: Math.BitDecrement(threshold))));
    }

    [Fact]
    public void Partial_needs_containment_a_shared_lead_enough_shingles_and_a_clearly_shorter_copy()
    {
        double c = SyndicationOptions.Default.ContainmentThreshold;
        int minShingles = PairVerifier.MinPartialShingles;
        Assert.Equal(Relation.Partial, s_verifier.Decide(Signals(containment: c, lead: PairVerifier.MinLeadAgreement, shorter: 40, longer: 100)));
        Assert.Equal(Relation.Original, s_verifier.Decide(Signals(containment: Math.BitDecrement(c), lead: 1, shorter: 40, longer: 100)));
        Assert.Equal(Relation.Original, s_verifier.Decide(Signals(containment: c, lead: Math.BitDecrement(PairVerifier.MinLeadAgreement), shorter: 40, longer: 100)));
        Assert.Equal(Relation.Original, s_verifier.Decide(Signals(containment: c, lead: 1, shorter: minShingles - 1, longer: 100)));
        Assert.Equal(Relation.Partial, s_verifier.Decide(Signals(containment: c, lead: 1, shorter: minShingles, longer: 100)));
        // Contained copies of about the same length are edited reprints.
        Assert.Equal(Relation.NearDuplicate, s_verifier.Decide(Signals(containment: c, lead: 1, shorter: 80, longer: 100)));
        Assert.Equal(Relation.Partial, s_verifier.Decide(Signals(containment: c, lead: 1, shorter: 79, longer: 100)));
    }

    [Fact]
    public void Lead_agreement_counts_shared_values_over_the_smaller_sketch()
    {
        Assert.Equal(0.5, PairVerifier.LeadAgreement([1, 3, 5, 7], [3, 7, 8, 9, 10, 11]));
        Assert.Equal(1.0, PairVerifier.LeadAgreement([2, 4], [1, 2, 3, 4]));
        Assert.Equal(0.0, PairVerifier.LeadAgreement([], [1, 2]));
    }
}

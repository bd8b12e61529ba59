using Syndicate.Sketches;

namespace Syndicate.Tests.Sketches;

public sealed class SimilarityEstimatorTests
{
    [Theory]
    [InlineData(0, 128, 0.0)]
    [InlineData(32, 128, 0.25)]
    [InlineData(128, 128, 1.0)]
    [InlineData(1, 3, 1.0 / 3.0)]
    public void Jaccard_IsTheFractionOfEqualSlots(int equal, int length, double expected) =>
        Assert.Equal(expected, SimilarityEstimator.Jaccard(equal, length), 15);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, -1)]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    public void Jaccard_RejectsInvalidCounts(int equal, int length) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SimilarityEstimator.Jaccard(equal, length));

    [Fact]
    public void JaccardBBit_InvertsTheCollisionProbability()
    {
        // P = J + (1 − J)/2^b. With b = 8 and J = 0.5, P = 0.5 + 0.5/256 = 257/512: 257 of 512 slots.
        Assert.Equal(0.5, SimilarityEstimator.JaccardBBit(257, 512, 8), 12);

        // With b = 1, P = (1 + J)/2: J = 0.5 gives P = 0.75.
        Assert.Equal(0.5, SimilarityEstimator.JaccardBBit(192, 256, 1), 12);
        Assert.Equal(1.0, SimilarityEstimator.JaccardBBit(256, 256, 8), 12);

        // With 32 bits the correction is below 2.4e-10.
        Assert.Equal(0.25, SimilarityEstimator.JaccardBBit(32, 128, 32), 9);
    }

    [Fact]
    public void JaccardBBit_ClampsBelowChanceAgreementToZero()
    {
        // Fewer equal slots than chance (1/256 of 256 = 1) means no evidence of similarity.
        Assert.Equal(0.0, SimilarityEstimator.JaccardBBit(0, 256, 8));
        Assert.Equal(0.0, SimilarityEstimator.JaccardBBit(1, 256, 8), 15);
        Assert.Equal(0.0, SimilarityEstimator.JaccardBBit(10, 64, 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public void JaccardBBit_RejectsInvalidBits(int bits) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SimilarityEstimator.JaccardBBit(1, 8, bits));

    [Fact]
    public void Containment_RecoversExactContainmentFromExactJaccard()
    {
        // |A| = 100, |B| = 400, |A ∩ B| = 80: J = 80/420, containment = 80/100.
        Assert.Equal(0.8, SimilarityEstimator.Containment(80.0 / 420.0, 100, 400), 12);

        // A ⊂ B: J = |A|/|B|, containment 1.
        Assert.Equal(1.0, SimilarityEstimator.Containment(150.0 / 1500.0, 1500, 150), 12);

        // Equal sizes: containment = 2J/(1 + J), here |A ∩ B| = 50 of 100 each.
        Assert.Equal(0.5, SimilarityEstimator.Containment(50.0 / 150.0, 100, 100), 12);
        Assert.Equal(0.0, SimilarityEstimator.Containment(0.0, 10, 20));
    }

    [Fact]
    public void Containment_ClampsImpossibleOverlapToOne()
    {
        // J = 0.5 with |A| = 10, |B| = 1000 implies |A ∩ B| = 336.7 > 10: an estimation error.
        Assert.Equal(1.0, SimilarityEstimator.Containment(0.5, 10, 1000));
    }

    [Fact]
    public void Containment_OfAnEmptySetIsZero()
    {
        Assert.Equal(0.0, SimilarityEstimator.Containment(1.0, 0, 0));
        Assert.Equal(0.0, SimilarityEstimator.Containment(0.3, 0, 10));
        Assert.Equal(0.0, SimilarityEstimator.Containment(0.3, 10, 0));
    }

    [Theory]
    [InlineData(-0.01, 1, 1)]
    [InlineData(1.01, 1, 1)]
    [InlineData(double.NaN, 1, 1)]
    [InlineData(0.5, -1, 1)]
    [InlineData(0.5, 1, -1)]
    public void Containment_RejectsInvalidArguments(double jaccard, int sizeA, int sizeB) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SimilarityEstimator.Containment(jaccard, sizeA, sizeB));
}

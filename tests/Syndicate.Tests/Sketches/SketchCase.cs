namespace Syndicate.Tests.Sketches;

/// <summary>One statistical test case: the exact J, the model's variance ratio R and the per-trial estimates.</summary>
public sealed record SketchCase(double Jaccard, int Union, int Length, double VarianceRatio, double[] Plain, double[] BBit)
{
    public int Trials => Plain.Length;

    /// <summary>Model variance of one plain estimate, R·J(1 − J)/k.</summary>
    public double PlainVariance => EstimatorModel.PlainVariance(Jaccard, Length, VarianceRatio);

    /// <summary>Expected 8-bit estimate: J, up to the effect of clamping at 0 (see <see cref="EstimatorModel.ClampedBBitMean"/>).</summary>
    public double BBitMean => EstimatorModel.ClampedBBitMean(Jaccard, Length, SketchTrials.Bits);

    /// <summary>Model variance of one 8-bit estimate.</summary>
    public double BBitVariance => EstimatorModel.BBitVariance(Jaccard, Length, SketchTrials.Bits, VarianceRatio);

    public override string ToString() =>
        $"J={Jaccard:F4} u={Union} k={Length} R={VarianceRatio:F3} T={Trials}";
}

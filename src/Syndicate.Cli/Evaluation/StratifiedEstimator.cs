using Syndicate.Sketches;

namespace Syndicate.Cli.Evaluation;

/// <summary>One judged pair (or judged article) reduced to what the estimators need.</summary>
/// <param name="Same">Whether the pair was judged SAME (the positives; RELATED and DIFFERENT are negatives).</param>
/// <param name="Linked">Whether the tool put the two articles in one cluster.</param>
/// <param name="Agrees">Whether a positive the tool found is the judged one: always for pairs; for an article's wire,
/// whether the tool named the agency the readers named (a true positive is Same, Linked and Agrees).</param>
internal readonly record struct PairObservation(bool Same, bool Linked, bool Agrees = true);

/// <summary>A stratum of the sampling frame: its size and the pairs judged in it.</summary>
/// <param name="Name">The stratum's name.</param>
/// <param name="Population">N_h, the frame pairs in the stratum.</param>
/// <param name="Sample">The n_h judged pairs, a simple random sample of the stratum.</param>
internal sealed record JudgedStratum(string Name, long Population, IReadOnlyList<PairObservation> Sample)
{
    /// <summary>The Horvitz–Thompson weight N_h / n_h of each judged pair; 0 for a stratum with no judged pair.</summary>
    public double Weight => Sample.Count == 0 ? 0.0 : (double)Population / Sample.Count;
}

/// <summary>Estimated frame totals and the ratios built from them.</summary>
/// <param name="TruePositives">T̂P: SAME pairs the tool links.</param>
/// <param name="Same">Ŝ: SAME pairs.</param>
/// <param name="Linked">L̂: pairs the tool links.</param>
internal readonly record struct FrameTotals(double TruePositives, double Same, double Linked)
{
    /// <summary>T̂P / Ŝ, or NaN when no SAME pair was judged.</summary>
    public double Recall => Same > 0 ? TruePositives / Same : double.NaN;

    /// <summary>T̂P / L̂, or NaN when no judged pair is linked.</summary>
    public double Precision => Linked > 0 ? TruePositives / Linked : double.NaN;

    /// <summary>T̂P / <paramref name="linkedPairs"/>: precision when every other linked pair counts as not SAME.</summary>
    public double ConservativePrecision(long linkedPairs) => linkedPairs > 0 ? Math.Min(1.0, TruePositives / linkedPairs) : double.NaN;
}

/// <summary>A 95% percentile interval; NaN bounds when no replicate defined the ratio.</summary>
internal readonly record struct Interval(double Lower, double Upper);

/// <summary>Percentile intervals of the stratified bootstrap.</summary>
/// <param name="Replicates">Replicates drawn.</param>
/// <param name="Recall">Interval of T̂P / Ŝ.</param>
/// <param name="Precision">Interval of T̂P / L̂.</param>
/// <param name="ConservativePrecision">Interval of T̂P / L.</param>
/// <param name="Undefined">Replicates left out of the recall or precision interval because their denominator was 0.</param>
internal sealed record BootstrapIntervals(int Replicates, Interval Recall, Interval Precision, Interval ConservativePrecision, int Undefined);

/// <summary>
/// Precision and recall of a clustering over a frame of article pairs, estimated from a stratified sample of judged
/// pairs.
/// </summary>
/// <remarks>
/// <para>The frame is split into strata h of N_h pairs, and n_h pairs are drawn from each at random and judged. Each
/// judged pair stands for w_h = N_h / n_h frame pairs (the Horvitz–Thompson weight, the inverse of its inclusion
/// probability n_h / N_h), so Σ w_h y_i estimates a frame total without bias: T̂P sums the weights of SAME pairs the
/// tool links, Ŝ of SAME pairs, L̂ of linked pairs. Recall T̂P / Ŝ and precision T̂P / L̂ are ratio estimators:
/// consistent, and their sampling errors partly cancel (Cochran, <i>Sampling Techniques</i>, 3rd ed., 1977, §6.11).
/// A stratum with no judged pair contributes nothing.</para>
/// <para>Uncertainty: the stratified bootstrap of Rao &amp; Wu (JASA 83, 1988) in its naive form: each replicate
/// resamples n_h of the judged pairs of every stratum with replacement and recomputes the ratios; the interval is
/// the 2.5th and 97.5th percentiles (linear interpolation, Hyndman &amp; Fan's type 7). It ignores the finite
/// population correction, so for strata judged nearly whole the intervals are somewhat wider than the truth:
/// the conservative side. The generator is seeded, so the same judgements give the same intervals.</para>
/// </remarks>
internal static class StratifiedEstimator
{
    /// <summary>The bootstrap replicates drawn by default: enough for the 2.5% and 97.5% percentiles to settle to about ±0.005.</summary>
    public const int DefaultReplicates = 2000;

    /// <summary>The bootstrap seed (an arbitrary constant, fixed so that reports are reproducible).</summary>
    public const ulong DefaultSeed = 0x5EED_2015_0721UL;

    public static FrameTotals Estimate(IReadOnlyList<JudgedStratum> strata)
    {
        ArgumentNullException.ThrowIfNull(strata);
        double truePositives = 0, same = 0, linked = 0;
        foreach (JudgedStratum stratum in strata)
        {
            int tp = 0, s = 0, l = 0;
            foreach (PairObservation pair in stratum.Sample)
            {
                tp += pair.Same && pair.Linked && pair.Agrees ? 1 : 0;
                s += pair.Same ? 1 : 0;
                l += pair.Linked ? 1 : 0;
            }

            double w = stratum.Weight;
            truePositives += w * tp;
            same += w * s;
            linked += w * l;
        }

        return new FrameTotals(truePositives, same, linked);
    }

    /// <summary>Percentile intervals of recall, precision and conservative precision from the stratified bootstrap.</summary>
    /// <param name="strata">The strata with their judged pairs.</param>
    /// <param name="linkedPairs">L, the exact count of linked pairs the conservative precision divides by.</param>
    /// <param name="replicates">Bootstrap replicates, at least 1.</param>
    /// <param name="seed">The generator's seed.</param>
    public static BootstrapIntervals Bootstrap(IReadOnlyList<JudgedStratum> strata, long linkedPairs, int replicates = DefaultReplicates, ulong seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(strata);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);
        var random = new SplitMix64(seed);
        var recall = new List<double>(replicates);
        var precision = new List<double>(replicates);
        var conservative = new List<double>(replicates);
        int undefined = 0;
        for (int r = 0; r < replicates; r++)
        {
            double truePositives = 0, same = 0, linked = 0;
            foreach (JudgedStratum stratum in strata)
            {
                IReadOnlyList<PairObservation> sample = stratum.Sample;
                int tp = 0, s = 0, l = 0;
                for (int i = 0; i < sample.Count; i++)
                {
                    PairObservation pair = sample[random.NextInt(sample.Count)];
                    tp += pair.Same && pair.Linked && pair.Agrees ? 1 : 0;
                    s += pair.Same ? 1 : 0;
                    l += pair.Linked ? 1 : 0;
                }

                double w = stratum.Weight;
                truePositives += w * tp;
                same += w * s;
                linked += w * l;
            }

            var totals = new FrameTotals(truePositives, same, linked);
            if (double.IsNaN(totals.Recall) || double.IsNaN(totals.Precision))
            {
                undefined++;
            }

            AddIfDefined(recall, totals.Recall);
            AddIfDefined(precision, totals.Precision);
            AddIfDefined(conservative, totals.ConservativePrecision(linkedPairs));
        }

        return new BootstrapIntervals(replicates, Percentiles(recall), Percentiles(precision), Percentiles(conservative), undefined);
    }

    /// <summary>The p-quantile of sorted values by linear interpolation between order statistics (type 7).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        double h = (sorted.Count - 1) * p;
        int low = (int)Math.Floor(h);
        int high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((h - low) * (sorted[high] - sorted[low]));
    }

    private static Interval Percentiles(List<double> values)
    {
        values.Sort();
        return new Interval(Quantile(values, 0.025), Quantile(values, 0.975));
    }

    private static void AddIfDefined(List<double> values, double value)
    {
        if (!double.IsNaN(value))
        {
            values.Add(value);
        }
    }
}

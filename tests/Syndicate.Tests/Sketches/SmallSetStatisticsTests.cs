namespace Syndicate.Tests.Sketches;

/// <summary>
/// Estimates on sets far smaller than the signature (1 to 10 elements against 64 to 256 slots), where
/// one-permutation hashing leaves most bins empty and densification supplies almost every slot. A probe
/// sequence that depended on the data would bias these estimates away from J.
/// </summary>
/// <remarks>
/// Bounds as in <see cref="SketchStatisticsTests"/> (z = 5, variance from <see cref="EstimatorModel"/>):
/// each case checks the mean of T estimates and the mean of the standardized squared errors.
/// </remarks>
public sealed class SmallSetStatisticsTests
{
    private const int Trials = 100;

    // (|A|, |B|, |A ∩ B|): J = 1, 0, 1/2, 1/3, 2/5, 3/7, 1/2, 7/13.
    public static TheoryData<string, int, int, int> Cases()
    {
        var data = new TheoryData<string, int, int, int>();
        foreach (var name in SketchTrials.Names)
        {
            data.Add(name, 1, 1, 1);
            data.Add(name, 1, 1, 0);
            data.Add(name, 1, 2, 1);
            data.Add(name, 2, 2, 1);
            data.Add(name, 2, 5, 2);
            data.Add(name, 5, 5, 3);
            data.Add(name, 5, 10, 5);
            data.Add(name, 10, 10, 7);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Estimates_MatchTheSamplingModel(string name, int sizeA, int sizeB, int shared)
    {
        var pair = SetPair.Create(sizeA, sizeB, shared, (ulong)((sizeA * 1000) + (sizeB * 10) + shared));
        var failures = new List<string>();
        foreach (var c in SketchTrials.Run(name, pair, SketchTrials.Lengths, Trials))
        {
            if (SketchStatisticsTests.CheckMean("plain", c.Plain, c.Jaccard, c.PlainVariance) is { } plain)
            {
                failures.Add($"{c}: {plain}");
            }

            if (SketchStatisticsTests.CheckMean("8-bit", c.BBit, c.BBitMean, c.BBitVariance) is { } bBit)
            {
                failures.Add($"{c}: {bBit}");
            }

            if (c.PlainVariance > 0)
            {
                var squares = c.Plain.Select(x => (x - c.Jaccard) * (x - c.Jaccard) / c.PlainVariance).ToArray();
                if (SketchStatisticsTests.CheckStandardizedSquares(squares) is { } variance)
                {
                    failures.Add($"{c}: {variance}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}

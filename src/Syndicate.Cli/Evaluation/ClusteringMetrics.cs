namespace Syndicate.Cli.Evaluation;

/// <summary>
/// Clustering quality of a predicted partition against the gold stories. Each method takes the predicted cluster key
/// and the gold story id of every article, keyed by article id.
/// </summary>
/// <remarks>
/// The items are the gold ids. A gold id missing from the prediction counts as a predicted singleton; predicted ids
/// absent from the gold are ignored. Everything is computed from the contingency table (sums of n choose 2 over its
/// cells, rows and columns) in O(n), never by enumerating the O(n²) pairs. An empty gold scores 1 everywhere.
/// </remarks>
internal static class ClusteringMetrics
{
    /// <summary>Precision, recall and F1 over same-cluster pairs.</summary>
    public static PairwiseScores Pairwise(IReadOnlyDictionary<string, string> predicted, IReadOnlyDictionary<string, string> gold)
    {
        var table = ContingencyTable.Build(predicted, gold);
        var (truePositives, predictedPairs, goldPairs) = PairCounts(table);
        var precision = predictedPairs == 0 ? 1.0 : (double)truePositives / predictedPairs;
        var recall = goldPairs == 0 ? 1.0 : (double)truePositives / goldPairs;
        return new PairwiseScores(truePositives, predictedPairs, goldPairs, precision, recall, Harmonic(precision, recall));
    }

    /// <summary>The adjusted Rand index of Hubert &amp; Arabie (1985): the Rand index corrected for chance.</summary>
    /// <remarks>
    /// ARI = (Σ C(n_ij,2) − E) / (½[Σ C(a_i,2) + Σ C(b_j,2)] − E), with E = Σ C(a_i,2) · Σ C(b_j,2) / C(n,2), the
    /// expected index under the hypergeometric model of random partitions with the same cluster sizes. It is 1 for
    /// identical partitions, 0 in expectation for random ones, and can be negative. The denominator vanishes only
    /// when both partitions are all singletons or both a single cluster, that is, identical: the index is then 1.
    /// </remarks>
    public static double AdjustedRandIndex(IReadOnlyDictionary<string, string> predicted, IReadOnlyDictionary<string, string> gold)
    {
        var table = ContingencyTable.Build(predicted, gold);
        var (index, predictedPairs, goldPairs) = PairCounts(table);
        var totalPairs = ContingencyTable.Pairs(table.ItemCount);
        if (totalPairs == 0)
        {
            return 1.0;
        }

        var expected = (double)predictedPairs * goldPairs / totalPairs;
        var maximum = 0.5 * (predictedPairs + goldPairs);
        var denominator = maximum - expected;
        return denominator == 0 ? 1.0 : (index - expected) / denominator;
    }

    /// <summary>B-cubed precision, recall and F1 of Bagga &amp; Baldwin (1998).</summary>
    /// <remarks>
    /// An item in cell (i, j) has precision n_ij / a_i and recall n_ij / b_j, and the cell holds n_ij such items, so
    /// precision = Σ n_ij² / a_i / n and recall = Σ n_ij² / b_j / n. F1 is the harmonic mean of the two averages.
    /// </remarks>
    public static BCubedScores BCubed(IReadOnlyDictionary<string, string> predicted, IReadOnlyDictionary<string, string> gold)
    {
        var table = ContingencyTable.Build(predicted, gold);
        if (table.ItemCount == 0)
        {
            return new BCubedScores(1.0, 1.0, 1.0);
        }

        double precisionSum = 0, recallSum = 0;
        foreach (var (row, column, count) in table.Cells)
        {
            var squared = (double)count * count;
            precisionSum += squared / table.RowSums[row];
            recallSum += squared / table.ColumnSums[column];
        }

        var precision = precisionSum / table.ItemCount;
        var recall = recallSum / table.ItemCount;
        return new BCubedScores(precision, recall, Harmonic(precision, recall));
    }

    private static (long TruePositives, long PredictedPairs, long GoldPairs) PairCounts(ContingencyTable table)
    {
        long truePositives = 0, predictedPairs = 0, goldPairs = 0;
        foreach (var cell in table.Cells)
        {
            truePositives += ContingencyTable.Pairs(cell.Count);
        }

        foreach (var size in table.RowSums)
        {
            predictedPairs += ContingencyTable.Pairs(size);
        }

        foreach (var size in table.ColumnSums)
        {
            goldPairs += ContingencyTable.Pairs(size);
        }

        return (truePositives, predictedPairs, goldPairs);
    }

    private static double Harmonic(double precision, double recall) =>
        precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
}

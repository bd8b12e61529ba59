namespace Syndicate.Cli.Evaluation;

/// <summary>
/// The contingency table of two partitions of the same items: n_ij items in predicted cluster i and gold story j, with
/// row sums a_i and column sums b_j. Every pair-counting and B-cubed metric is a sum over its non-empty cells, so
/// building it is the only pass over the items: O(n) time and memory.
/// </summary>
internal sealed class ContingencyTable
{
    private ContingencyTable(int itemCount, List<(int Row, int Column, int Count)> cells, int[] rowSums, int[] columnSums)
    {
        ItemCount = itemCount;
        Cells = cells;
        RowSums = rowSums;
        ColumnSums = columnSums;
    }

    public int ItemCount { get; }

    /// <summary>The non-empty cells: predicted cluster (row), gold story (column), item count.</summary>
    public IReadOnlyList<(int Row, int Column, int Count)> Cells { get; }

    /// <summary>Predicted cluster sizes a_i.</summary>
    public IReadOnlyList<int> RowSums { get; }

    /// <summary>Gold story sizes b_j.</summary>
    public IReadOnlyList<int> ColumnSums { get; }

    /// <summary>Builds the table over the ids of <paramref name="gold"/>.</summary>
    /// <remarks>
    /// A gold id that <paramref name="predicted"/> lacks counts as a predicted singleton (a tool that drops an article
    /// has not clustered it with anything); predicted ids absent from the gold are ignored.
    /// </remarks>
    public static ContingencyTable Build(IReadOnlyDictionary<string, string> predicted, IReadOnlyDictionary<string, string> gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowSums = new List<int>();
        var columnSums = new List<int>();
        var cellIndex = new Dictionary<(int, int), int>();
        var cells = new List<(int Row, int Column, int Count)>();

        foreach (var (id, story) in gold)
        {
            int row;
            if (!predicted.TryGetValue(id, out var cluster))
            {
                row = rowSums.Count;
                rowSums.Add(0);
            }
            else if (!rows.TryGetValue(cluster, out row))
            {
                row = rowSums.Count;
                rows.Add(cluster, row);
                rowSums.Add(0);
            }

            if (!columns.TryGetValue(story, out var column))
            {
                column = columnSums.Count;
                columns.Add(story, column);
                columnSums.Add(0);
            }

            rowSums[row]++;
            columnSums[column]++;
            if (cellIndex.TryGetValue((row, column), out var index))
            {
                var cell = cells[index];
                cells[index] = (cell.Row, cell.Column, cell.Count + 1);
            }
            else
            {
                cellIndex.Add((row, column), cells.Count);
                cells.Add((row, column, 1));
            }
        }

        return new ContingencyTable(gold.Count, cells, rowSums.ToArray(), columnSums.ToArray());
    }

    /// <summary>n choose 2.</summary>
    public static long Pairs(long n) => n * (n - 1) / 2;
}

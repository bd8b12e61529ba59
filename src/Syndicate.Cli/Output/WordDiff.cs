namespace Syndicate.Cli.Output;

/// <summary>What a run of a <see cref="WordDiff"/> script does.</summary>
internal enum DiffOp : byte
{
    /// <summary>Words both sequences hold, in the same order.</summary>
    Equal,

    /// <summary>Words of the first sequence the second lacks.</summary>
    Delete,

    /// <summary>Words of the second sequence the first lacks.</summary>
    Insert,
}

/// <summary>
/// One run of an edit script: <see cref="Length"/> words from <see cref="AStart"/> in the first sequence (equal and
/// deleted runs) and from <see cref="BStart"/> in the second (equal and inserted runs).
/// </summary>
internal readonly record struct DiffRun(DiffOp Op, int AStart, int BStart, int Length);

/// <summary>
/// A shortest edit script between two word sequences: Myers' greedy O((N+M)·D) algorithm ("An O(ND) Difference
/// Algorithm and Its Variations", Algorithmica 1, 1986), after stripping the common prefix and suffix. The search stops
/// at <c>maxEdits</c> insertions plus deletions, so a pair too different to be worth a word diff costs at most
/// O((N+M)·maxEdits) time and O(maxEdits²) memory and yields no script.
/// </summary>
internal static class WordDiff
{
    /// <summary>
    /// The runs that turn <paramref name="a"/> into <paramref name="b"/>, in order, adjacent runs never of the same
    /// kind; or null when more than <paramref name="maxEdits"/> words must be deleted or inserted.
    /// </summary>
    public static List<DiffRun>? Compute(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int maxEdits)
    {
        int prefix = a.CommonPrefixLength(b);
        ReadOnlySpan<int> restA = a[prefix..], restB = b[prefix..];
        int suffix = 0;
        while (suffix < restA.Length && suffix < restB.Length && restA[^(suffix + 1)] == restB[^(suffix + 1)])
        {
            suffix++;
        }

        ReadOnlySpan<int> midA = restA[..^suffix], midB = restB[..^suffix];
        var steps = new List<DiffOp>();
        if (!Middle(midA, midB, maxEdits, steps))
        {
            return null;
        }

        var runs = new List<DiffRun>();
        int x = 0, y = 0;
        Append(runs, DiffOp.Equal, ref x, ref y, prefix);
        // The backtrack found the steps from the end; replay them forwards.
        for (int i = steps.Count - 1; i >= 0; i--)
        {
            Append(runs, steps[i], ref x, ref y, 1);
        }

        Append(runs, DiffOp.Equal, ref x, ref y, suffix);
        return runs;
    }

    private static void Append(List<DiffRun> runs, DiffOp op, ref int x, ref int y, int length)
    {
        if (length == 0)
        {
            return;
        }

        if (runs.Count > 0 && runs[^1].Op == op)
        {
            runs[^1] = runs[^1] with { Length = runs[^1].Length + length };
        }
        else
        {
            runs.Add(new DiffRun(op, x, y, length));
        }

        if (op != DiffOp.Insert)
        {
            x += length;
        }

        if (op != DiffOp.Delete)
        {
            y += length;
        }
    }

    /// <summary>Adds the steps of a shortest script to <paramref name="reversed"/>, last step first.</summary>
    private static bool Middle(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int maxEdits, List<DiffOp> reversed)
    {
        int n = a.Length, m = b.Length;
        if (n == 0 || m == 0)
        {
            if (n + m > maxEdits)
            {
                return false;
            }

            for (int i = 0; i < n; i++)
            {
                reversed.Add(DiffOp.Delete);
            }

            for (int i = 0; i < m; i++)
            {
                reversed.Add(DiffOp.Insert);
            }

            return true;
        }

        int max = Math.Min(n + m, maxEdits);
        // v[k + offset] is the furthest x reached on diagonal k = x - y; trace[d] is v over k in [-d-1, d+1] as it was
        // before pass d, which the backtrack needs to know which move each pass made.
        int offset = max + 1;
        int[] v = new int[(2 * max) + 3];
        var trace = new List<int[]>();
        for (int d = 0; d <= max; d++)
        {
            trace.Add(v.AsSpan(offset - d - 1, (2 * d) + 3).ToArray());
            for (int k = -d; k <= d; k += 2)
            {
                int x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    Backtrack(trace, n, m, d, reversed);
                    return true;
                }
            }
        }

        return false;
    }

    private static void Backtrack(List<int[]> trace, int x, int y, int edits, List<DiffOp> reversed)
    {
        for (int d = edits; d > 0; d--)
        {
            int[] before = trace[d];
            int k = x - y;
            // Pass d reached diagonal k from k + 1 (a step down: an insertion) or from k - 1 (a step right: a deletion).
            bool down = k == -d || (k != d && before[k - 1 + d + 1] < before[k + 1 + d + 1]);
            int previousK = down ? k + 1 : k - 1;
            int previousX = before[previousK + d + 1];
            int previousY = previousX - previousK;
            int snakeStartX = down ? previousX : previousX + 1;
            while (x > snakeStartX)
            {
                reversed.Add(DiffOp.Equal);
                x--;
                y--;
            }

            reversed.Add(down ? DiffOp.Insert : DiffOp.Delete);
            x = previousX;
            y = previousY;
        }

        // Pass 0 is one snake from the origin.
        while (x > 0)
        {
            reversed.Add(DiffOp.Equal);
            x--;
        }
    }
}

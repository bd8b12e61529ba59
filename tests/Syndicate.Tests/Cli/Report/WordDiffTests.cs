using Syndicate.Cli.Output;

namespace Syndicate.Tests.Cli.Report;

/// <summary>The word diff of the html report against a plain longest-common-subsequence table.</summary>
public sealed class WordDiffTests
{
    [Fact]
    public void RandomSequences_GiveAValidShortestScript()
    {
        var random = new Random(20251206);
        for (int trial = 0; trial < 2000; trial++)
        {
            // A small alphabet makes many partial matches, the case where a greedy diff goes wrong.
            int[] a = Sequence(random, random.Next(0, 40), 1 + random.Next(6));
            int[] b = trial % 3 == 0 ? Mutate(random, a) : Sequence(random, random.Next(0, 40), 1 + random.Next(6));

            List<DiffRun> runs = WordDiff.Compute(a, b, int.MaxValue)!;

            AssertValid(a, b, runs);
            int edits = runs.Where(r => r.Op != DiffOp.Equal).Sum(r => r.Length);
            Assert.Equal(a.Length + b.Length - (2 * LongestCommonSubsequence(a, b)), edits);
        }
    }

    [Fact]
    public void MoreEditsThanAllowed_GiveNoScript()
    {
        int[] a = [1, 2, 3, 4, 5, 6];
        int[] b = [1, 9, 3, 9, 5, 9];

        Assert.NotNull(WordDiff.Compute(a, b, 6));
        Assert.Null(WordDiff.Compute(a, b, 5));
        Assert.Null(WordDiff.Compute([1, 2, 3], [], 2));
        Assert.NotNull(WordDiff.Compute([1, 2, 3], [], 3));
    }

    [Fact]
    public void EqualSequences_AreOneEqualRun()
    {
        int[] a = [4, 5, 6, 7];

        Assert.Equal([new DiffRun(DiffOp.Equal, 0, 0, 4)], WordDiff.Compute(a, a, 0)!);
        Assert.Empty(WordDiff.Compute([], [], 0)!);
    }

    [Fact]
    public void ACutCopy_IsItsPrefixAndOneDeletion()
    {
        int[] canonical = Enumerable.Range(0, 1000).ToArray();
        int[] copy = canonical[..300];

        Assert.Equal([new DiffRun(DiffOp.Equal, 0, 0, 300), new DiffRun(DiffOp.Delete, 300, 300, 700)], WordDiff.Compute(canonical, copy, 700)!);
    }

    private static void AssertValid(int[] a, int[] b, List<DiffRun> runs)
    {
        int x = 0, y = 0;
        var rebuiltA = new List<int>();
        var rebuiltB = new List<int>();
        for (int i = 0; i < runs.Count; i++)
        {
            DiffRun run = runs[i];
            Assert.True(run.Length > 0);
            Assert.True(i == 0 || runs[i - 1].Op != run.Op, "adjacent runs of one kind");
            Assert.Equal(x, run.AStart);
            Assert.Equal(y, run.BStart);
            switch (run.Op)
            {
                case DiffOp.Equal:
                    Assert.Equal(a.AsSpan(x, run.Length).ToArray(), b.AsSpan(y, run.Length).ToArray());
                    rebuiltA.AddRange(a.AsSpan(x, run.Length));
                    rebuiltB.AddRange(b.AsSpan(y, run.Length));
                    x += run.Length;
                    y += run.Length;
                    break;
                case DiffOp.Delete:
                    rebuiltA.AddRange(a.AsSpan(x, run.Length));
                    x += run.Length;
                    break;
                default:
                    rebuiltB.AddRange(b.AsSpan(y, run.Length));
                    y += run.Length;
                    break;
            }
        }

        Assert.Equal(a, rebuiltA);
        Assert.Equal(b, rebuiltB);
    }

    /// <summary>The textbook O(NM) dynamic programme.</summary>
    private static int LongestCommonSubsequence(int[] a, int[] b)
    {
        int[,] table = new int[a.Length + 1, b.Length + 1];
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        return table[a.Length, b.Length];
    }

    private static int[] Sequence(Random random, int length, int alphabet) => Enumerable.Range(0, length).Select(_ => random.Next(alphabet)).ToArray();

    private static int[] Mutate(Random random, int[] a)
    {
        var b = new List<int>(a);
        for (int edits = random.Next(0, 6); edits > 0; edits--)
        {
            int at = random.Next(b.Count + 1);
            if (random.Next(2) == 0 && at < b.Count)
            {
                b.RemoveAt(at);
            }
            else
            {
                b.Insert(at, random.Next(10));
            }
        }

        return [.. b];
    }
}

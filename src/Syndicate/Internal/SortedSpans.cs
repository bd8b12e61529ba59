namespace Syndicate.Internal;

/// <summary>Set operations on ascending spans of distinct values, by one merge pass.</summary>
internal static class SortedSpans
{
    /// <summary>The number of values <paramref name="a"/> and <paramref name="b"/> have in common.</summary>
    public static int CountCommon<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
        where T : struct, IComparable<T>
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            int order = a[i].CompareTo(b[j]);
            if (order == 0)
            {
                common++;
                i++;
                j++;
            }
            else if (order < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return common;
    }
}

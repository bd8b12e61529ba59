using System.Buffers;
using System.IO.Hashing;
using Syndicate.Internal;

namespace Syndicate.Clustering;

/// <summary>
/// The figures a story mentions (amounts, prices, index levels, tolls) and how many of one story's figures the other
/// mentions: what tells two instances of one template apart when their wording agrees (one day's market close and the
/// next day's, two days' weather bulletins, two gold reports).
/// </summary>
/// <remarks>
/// A figure is a run of digits (ASCII, Arabic-Indic or extended Arabic-Indic) that may hold separators (<c>.</c>,
/// <c>,</c>, <c>٫</c>, <c>٬</c>) between two digits. Outlets write one amount as <c>1,059,593,121</c> or
/// <c>1.059.593.121</c> and one price as <c>1,088.05</c> or <c>1088.05</c>, so a figure is known by its digits alone,
/// whatever separates them (<c>١٠٨٨٫٠٥</c> is the same figure again). Some pages' bidirectional layout also swaps a
/// decimal's groups (<c>7.3</c> stored as <c>3.&#x200F;7</c>), so a figure is compared by its digits sorted: the
/// figures of two reports of one event agree, those of two days' market closes do not. Single digits (counts,
/// list numbers, days of the week) and four-digit years (Hijri 1300–1500, Gregorian 1900–2100) say nothing about which
/// instance a story is, and are left out.
/// </remarks>
internal static class Figures
{
    /// <summary>The most figures read from one text; a longer table of numbers adds nothing to the test.</summary>
    public const int MaxFigures = 512;

    /// <summary>The longest figure hashed whole; the digits beyond are ignored.</summary>
    private const int MaxFigureLength = 48;

    /// <summary>
    /// The share of the smaller set of figures that the other text also mentions, or -1 when either text mentions fewer
    /// than <paramref name="minFigures"/>.
    /// </summary>
    public static double Containment(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int minFigures)
    {
        ulong[] rentedA = ArrayPool<ulong>.Shared.Rent(MaxFigures), rentedB = ArrayPool<ulong>.Shared.Rent(MaxFigures);
        try
        {
            int na = Collect(a, rentedA), nb = Collect(b, rentedB);
            if (Math.Min(na, nb) < Math.Max(1, minFigures))
            {
                return -1;
            }

            int shared = SortedSpans.CountCommon<ulong>(rentedA.AsSpan(0, na), rentedB.AsSpan(0, nb));
            return (double)shared / Math.Min(na, nb);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(rentedA);
            ArrayPool<ulong>.Shared.Return(rentedB);
        }
    }

    /// <summary>
    /// Writes the hashes of the distinct figures of <paramref name="text"/> into <paramref name="into"/>, ascending (at
    /// most its length), and returns how many there are.
    /// </summary>
    public static int Collect(ReadOnlySpan<char> text, Span<ulong> into)
    {
        Span<byte> figure = stackalloc byte[MaxFigureLength];
        int count = 0;
        for (int i = 0; i < text.Length && count < into.Length;)
        {
            if (Digit(text[i]) < 0)
            {
                i++;
                continue;
            }

            int length = 0, digits = 0;
            bool separated = false;
            int end = i;
            while (end < text.Length)
            {
                int d = Digit(text[end]);
                if (d >= 0)
                {
                    if (length < MaxFigureLength)
                    {
                        figure[length++] = (byte)('0' + d);
                    }

                    digits++;
                    end++;
                    continue;
                }

                // A separator counts only between two digits (a sentence's full stop after a number does not), and
                // directional marks beside it are read through.
                char c = text[end];
                bool separator = c is '.' or '\u066B' or ',' or '\u066C';
                int next = end + 1;
                while (next < text.Length && IsDirectionalMark(text[next]))
                {
                    next++;
                }

                if (!separator || next >= text.Length || Digit(text[next]) < 0)
                {
                    break;
                }

                separated = true;
                end = next;
            }

            i = end;
            if (Counts(figure[..length], digits, separated))
            {
                // Known by its digits sorted, so that a figure whose groups a page's bidirectional layout swapped
                // (7.3 stored as 3, a right-to-left mark, 7) is still the same figure.
                figure[..length].Sort();
                into[count++] = XxHash3.HashToUInt64(figure[..length]);
            }
        }

        Span<ulong> found = into[..count];
        found.Sort();
        int distinct = 0;
        for (int k = 0; k < found.Length; k++)
        {
            if (k == 0 || found[k] != found[k - 1])
            {
                found[distinct++] = found[k];
            }
        }

        return distinct;
    }

    /// <summary>Left-to-right, right-to-left and Arabic letter marks, which pages leave inside numbers.</summary>
    private static bool IsDirectionalMark(char c) => c is '\u200E' or '\u200F' or '\u061C';

    /// <summary>The value of a decimal digit in any of the three scripts, or -1.</summary>
    internal static int Digit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '\u0660' and <= '\u0669' => c - '\u0660',
        >= '\u06F0' and <= '\u06F9' => c - '\u06F0',
        _ => -1,
    };

    private static bool Counts(ReadOnlySpan<byte> figure, int digits, bool separated)
    {
        if (separated)
        {
            return true;
        }

        if (digits < 2)
        {
            return false;
        }

        if (digits == 4 && figure.Length == 4)
        {
            int value = ((figure[0] - '0') * 1000) + ((figure[1] - '0') * 100) + ((figure[2] - '0') * 10) + (figure[3] - '0');
            return value is not ((>= 1300 and <= 1500) or (>= 1900 and <= 2100));
        }

        return true;
    }
}

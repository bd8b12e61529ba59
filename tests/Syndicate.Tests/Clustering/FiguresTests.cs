using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Syndicate.Clustering;

namespace Syndicate.Tests.Clustering;

/// <summary>The figures of a story and the share two stories have in common, against a regular-expression reference.</summary>
public sealed partial class FiguresTests
{
    [Theory]
    [InlineData("بلغت 1,059,593,121 ريالا و 45,503,347 و 157,726,135", "بلغت 1.059.593.121 ريالا و 45.503.347 و 157.726.135")]
    [InlineData("أغلق عند 1088.05 دولار بعد 8834.82 و 135.65", "أغلق عند ١٠٨٨٫٠٥ دولار بعد ٨٨٣٤٫٨٢ و ١٣٥٫٦٥")]
    [InlineData("يبلغ التعداد 7.3 مليار ثم 9.7 ثم 11.2 مليار", "يبلغ التعداد 3.\u200F7 مليار ثم 7.\u200F9 ثم 2.\u200F11 مليار")]
    [InlineData("قرى مكة ۴۷ مليون و ۱۳۸ مشروعا و ۲۵ قرية", "قرى مكة 47 مليون و 138 مشروعا و 25 قرية")]
    public void One_figure_written_differently_is_the_same_figure(string a, string b) =>
        Assert.Equal(1.0, Figures.Containment(a, b, 3));

    [Fact]
    public void Single_digits_years_and_a_sentence_full_stop_are_not_figures()
    {
        Span<ulong> found = stackalloc ulong[16];

        Assert.Equal(0, Figures.Collect("في 3 مناطق عام 1436 هـ الموافق 2015 م و 7 أيام.", found));
        Assert.Equal(2, Figures.Collect("ارتفع 135 نقطة. وبلغ 2.5 في المئة، وسجل 1250 نقطة.", found[..2]));
        Assert.Equal(3, Figures.Collect("ارتفع 135 نقطة. وبلغ 2.5 في المئة، وسجل 1250 نقطة.", found));
    }

    [Theory]
    [InlineData("ارتفع 135.65 نقطة إلى 8834.82 بتداولات 4 مليارات", "تراجع 76.75 نقطة إلى 8758.64 بتداولات 3.8 مليار", -1.0)]
    [InlineData("ارتفع 135.65 نقطة إلى 8834.82 بتداولات 4.1 مليار", "تراجع 76.75 نقطة إلى 8758.64 بتداولات 3.8 مليار", 0.0)]
    [InlineData("وصلت 12 طنا و 45 طنا و 300 سلة", "وصلت 12 طنا و 45 طنا و 900 سلة و 17 شاحنة", 2.0 / 3)]
    public void Containment_is_the_share_of_the_smaller_set_and_needs_three_figures_in_each(string a, string b, double expected)
    {
        Assert.Equal(expected, Figures.Containment(a, b, 3), 12);
        Assert.Equal(expected, Figures.Containment(b, a, 3), 12);
    }

    [Fact]
    public void Containment_equals_its_reference_on_the_bundled_corpus()
    {
        var bodies = File.ReadLines(TestData.FixturePath("synthetic", "corpus.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("body").GetString()!)
            .Append("بلغت 1,059,593,121 ريالا و 45.503.347 و ١٣٥٫٦٥ و 3.\u200F7 في 2015 و 1436 و 7.")
            .Append(string.Empty)
            .ToList();

        int compared = 0, measured = 0;
        for (int i = 0; i < bodies.Count; i++)
        {
            for (int j = i; j < bodies.Count; j += 5)
            {
                double expected = Reference(bodies[i], bodies[j]);
                Assert.Equal(expected, Figures.Containment(bodies[i], bodies[j], 3), 12);
                compared++;
                measured += expected >= 0 ? 1 : 0;
            }
        }

        Assert.True(compared > 1000 && measured > 100, $"{compared} pairs, {measured} with figures on both sides");
    }

    /// <summary>Sets of strings from a regular expression: the figures, their digits in ASCII and sorted.</summary>
    private static double Reference(string a, string b)
    {
        HashSet<string> x = ReferenceFigures(a), y = ReferenceFigures(b);
        if (Math.Min(x.Count, y.Count) < 3)
        {
            return -1;
        }

        return (double)x.Count(y.Contains) / Math.Min(x.Count, y.Count);
    }

    private static HashSet<string> ReferenceFigures(string text)
    {
        var figures = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in FigurePattern().Matches(text))
        {
            var digits = new StringBuilder();
            foreach (char c in match.Value)
            {
                if (char.IsAsciiDigit(c) || c is >= '\u0660' and <= '\u0669' or >= '\u06F0' and <= '\u06F9')
                {
                    digits.Append((char)('0' + (int)char.GetNumericValue(c)));
                }
            }

            string value = digits.ToString();
            bool separated = match.Value.IndexOfAny(['.', ',', '\u066B', '\u066C']) >= 0;
            bool year = !separated && value.Length == 4 && int.Parse(value, CultureInfo.InvariantCulture) is (>= 1300 and <= 1500) or (>= 1900 and <= 2100);
            if ((separated || value.Length >= 2) && !year)
            {
                figures.Add(new string([.. value.Order()]));
            }
        }

        return figures;
    }

    [GeneratedRegex("[0-9\u0660-\u0669\u06F0-\u06F9](?:[0-9\u0660-\u0669\u06F0-\u06F9]|[.,\u066B\u066C][\u200E\u200F\u061C]*(?=[0-9\u0660-\u0669\u06F0-\u06F9]))*")]
    private static partial Regex FigurePattern();
}

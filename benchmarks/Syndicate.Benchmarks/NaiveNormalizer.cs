using System.Globalization;
using System.Text;

namespace Syndicate.Benchmarks;

/// <summary>
/// A straightforward normalizer, the way one would first write it: category checks and a
/// dictionary per character, a <see cref="StringBuilder"/> for the output. It folds the common
/// Arabic variants but not presentation forms or Latin accents, so it does less work than
/// <see cref="Text.TextNormalizer"/>; it is the baseline of <see cref="NormalizerBenchmarks"/>.
/// </summary>
internal static class NaiveNormalizer
{
    private static readonly Dictionary<char, char> s_folds = new()
    {
        ['أ'] = 'ا',
        ['إ'] = 'ا',
        ['آ'] = 'ا',
        ['ٱ'] = 'ا',
        ['ة'] = 'ه',
        ['ى'] = 'ي',
        ['ؤ'] = 'ء',
        ['ئ'] = 'ء',
        ['ی'] = 'ي',
        ['ک'] = 'ك',
        ['ـ'] = '\0',
    };

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (char c in text)
        {
            UnicodeCategory category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)
            {
                continue;
            }

            char folded = s_folds.TryGetValue(c, out char f) ? f : c;
            if (folded == '\0')
            {
                continue;
            }

            if (char.IsLetterOrDigit(folded))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.IsDigit(folded) ? (char)('0' + (int)char.GetNumericValue(folded)) : char.ToLowerInvariant(folded));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }
}

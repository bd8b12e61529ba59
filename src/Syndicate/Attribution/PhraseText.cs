namespace Syndicate.Attribution;

/// <summary>
/// Light folding and word tokenisation shared by the attribution tables (wire aliases, outlet names, month names).
/// </summary>
/// <remarks>
/// The folding is deliberately light: it only erases differences that writers and scrapers introduce for the same
/// word (letter case, the alef, yeh, heh and kaf variants of Arabic, Persian and Urdu script, hamza carriers, short
/// vowels, tatweel, joiners and bidi marks, and Arabic-Indic digits). It never removes letters that carry meaning.
/// </remarks>
internal static class PhraseText
{
    /// <summary>The longest token, in chars, that the tables compare; longer tokens never match.</summary>
    public const int MaxTokenLength = 48;

    /// <summary>Folds one char; returns <c>'\0'</c> when the char is dropped (marks, tatweel, joiners).</summary>
    public static char Fold(char c) => s_fold[c];

    /// <summary>
    /// <see cref="FoldSlow"/> for every UTF-16 code unit, computed once: folding is on the path of every article, and
    /// the culture-aware lower-casing it falls back to is a native call per character where ICU is loaded.
    /// </summary>
    private static readonly char[] s_fold = BuildFoldTable();

    private static char[] BuildFoldTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            table[i] = FoldSlow((char)i);
        }

        return table;
    }

    internal static char FoldSlow(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        }

        switch (c)
        {
            case '\u0622': // alef with madda
            case '\u0623': // alef with hamza above
            case '\u0625': // alef with hamza below
            case '\u0671': // alef wasla
            case '\u0672':
            case '\u0673':
                return '\u0627';
            case '\u0649': // alef maksura
            case '\u064A': // yeh
            case '\u06CC': // Farsi yeh
            case '\u06D0':
            case '\u06D2': // yeh barree (Urdu)
            case '\u0626': // yeh with hamza
                return '\u064A';
            case '\u0624': // waw with hamza
                return '\u0648';
            case '\u0629': // teh marbuta
            case '\u06C1': // heh goal (Urdu)
            case '\u06C2':
            case '\u06C3': // teh marbuta goal
            case '\u06BE': // heh doachashmee
            case '\u06D5': // ae
                return '\u0647';
            case '\u06A9': // keheh (Persian and Urdu kaf)
            case '\u06AA':
                return '\u0643';
            case '\u0640': // tatweel
            case '\u200B':
            case '\u200C': // zero-width non-joiner, frequent inside Urdu and Persian words
            case '\u200D':
            case '\u200E':
            case '\u200F':
            case '\u061C':
            case '\uFEFF':
                return '\0';
            case '\u0451': // Cyrillic yo
            case '\u0401':
                return '\u0435';
        }

        if (c is >= '\u0660' and <= '\u0669')
        {
            return (char)('0' + (c - '\u0660'));
        }

        if (c is >= '\u06F0' and <= '\u06F9')
        {
            return (char)('0' + (c - '\u06F0'));
        }

        if (IsArabicMark(c))
        {
            return '\0';
        }

        return char.ToLowerInvariant(c);
    }

    /// <summary>True for chars that belong to a word: letters, digits, Arabic marks, tatweel and joiners.</summary>
    public static bool IsWordChar(char c) => ((s_wordChars[c >> 6] >> c) & 1) != 0;

    /// <summary>True for Unicode whitespace and the bidi/zero-width marks that scrapers leave between words.</summary>
    public static bool IsSpace(char c) => ((s_spaces[c >> 6] >> c) & 1) != 0;

    /// <summary>The definition behind <see cref="IsWordChar"/>, which reads it from a bitmap built once.</summary>
    internal static bool IsWordCharSlow(char c) =>
        char.IsLetterOrDigit(c) || IsArabicMark(c) || c is '\u0640' or '\u200C' or '\u200D';

    /// <summary>The definition behind <see cref="IsSpace"/>, which reads it from a bitmap built once.</summary>
    internal static bool IsSpaceSlow(char c) =>
        char.IsWhiteSpace(c) || c is '\u200B' or '\u200E' or '\u200F' or '\u061C' or '\uFEFF';

    // One bit per UTF-16 code unit (8 KiB each): the Unicode category lookups behind the definitions are on the path
    // of every character the cleaner and the dateline scanner look at.
    private static readonly ulong[] s_wordChars = BuildBitmap(IsWordCharSlow);
    private static readonly ulong[] s_spaces = BuildBitmap(IsSpaceSlow);

    private static ulong[] BuildBitmap(Func<char, bool> predicate)
    {
        var bits = new ulong[(char.MaxValue + 1) / 64];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            if (predicate((char)i))
            {
                bits[i >> 6] |= 1UL << i;
            }
        }

        return bits;
    }

    /// <summary>
    /// True for a quotation mark that opens a quote in Arabic and Latin news text (<c>"</c>, <c>«</c>, <c>“</c>,
    /// <c>„</c>); <paramref name="closing"/> is the mark that closes it.
    /// </summary>
    public static bool IsOpeningQuote(char c, out char closing)
    {
        closing = c switch
        {
            '"' => '"',
            '«' => '»',
            '“' => '”',
            '„' => '“',
            _ => '\0',
        };
        return closing != '\0';
    }

    /// <summary>Reads the word starting at <paramref name="start"/> and returns the index just after it.</summary>
    public static int WordEnd(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        while (i < text.Length && IsWordChar(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// Folds a raw word into <paramref name="destination"/>; returns the folded length, or -1 when it does not fit.
    /// </summary>
    public static int FoldWord(ReadOnlySpan<char> word, Span<char> destination)
    {
        var n = 0;
        foreach (var c in word)
        {
            var f = Fold(c);
            if (f == '\0')
            {
                continue;
            }

            if (n == destination.Length)
            {
                return -1;
            }

            destination[n++] = f;
        }

        return n;
    }

    /// <summary>Splits a phrase into folded words; words that fold to nothing (a lone tatweel) are skipped.</summary>
    public static string[] FoldedWords(string phrase)
    {
        var words = new List<string>();
        Span<char> buffer = stackalloc char[MaxTokenLength];
        var span = phrase.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            if (!IsWordChar(span[i]))
            {
                i++;
                continue;
            }

            var end = WordEnd(span, i);
            var n = FoldWord(span[i..end], buffer);
            if (n < 0)
            {
                return [];
            }

            if (n > 0)
            {
                words.Add(new string(buffer[..n]));
            }

            i = end;
        }

        return [.. words];
    }

    /// <summary>Folds a whole phrase to its words joined by single spaces.</summary>
    public static string FoldPhrase(string phrase) => string.Join(' ', FoldedWords(phrase));

    /// <summary>Arabic combining marks: Quranic annotation signs, harakat, superscript alef and small high signs.</summary>
    internal static bool IsArabicMark(char c) =>
        c is (>= '\u0610' and <= '\u061A') or (>= '\u064B' and <= '\u065F') or '\u0670'
            or (>= '\u06D6' and <= '\u06DC') or (>= '\u06DF' and <= '\u06E8') or (>= '\u06EA' and <= '\u06ED');
}

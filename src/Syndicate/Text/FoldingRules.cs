namespace Syndicate.Text;

/// <summary>
/// The explicit folding rules of <see cref="TextNormalizer"/>, applied on top of the general
/// rules (letters are lowercased with invariant semantics, decimal digits become ASCII digits,
/// marks and format characters are removed, everything else separates tokens) and of the
/// generated <see cref="CompatibilityForms"/>.
/// </summary>
/// <remarks>
/// A target is one or more characters that are folded again by the whole table (so
/// <c>U+06C3 → U+0629</c> then follows <see cref="NormalizationOptions.FoldTehMarbuta"/>),
/// <see cref="Removed"/> (the character disappears without splitting the word) or
/// <see cref="Separator"/> (the character ends the token).
/// </remarks>
internal static class FoldingRules
{
    /// <summary>Target meaning "remove the character, do not split the token".</summary>
    public const string Removed = "";

    /// <summary>Target meaning "the character separates tokens".</summary>
    public const string Separator = " ";

    /// <summary>Ranges removed without splitting (first and last code point, inclusive).</summary>
    /// <remarks>
    /// Most of these are marks or format characters and would be removed by the general rules
    /// anyway; they are listed so the behaviour does not depend on the runtime's Unicode data,
    /// and because some are letters or symbols by category (tatweel U+0640 is Lm, U+06E5 and
    /// U+06E6 are Lm, U+06DE and U+06E9 are So).
    /// </remarks>
    public static ReadOnlySpan<char> RemovedRanges =>
    [
        '\u00AD', '\u00AD', // soft hyphen
        '\u0300', '\u036F', // combining diacritical marks (the accents of decomposed Latin, Greek, Cyrillic)
        '\u0610', '\u061A', // Arabic honorific and Quranic signs above/below letters
        '\u061C', '\u061C', // Arabic letter mark (bidi)
        '\u0640', '\u0640', // tatweel (kashida), also when it pads a number such as ٢٠ـ٢٢
        '\u064B', '\u065F', // harakat: tanween, fatha, damma, kasra, shadda, sukun, hamza and madda marks
        '\u0670', '\u0670', // superscript (dagger) alef
        '\u06D6', '\u06ED', // Quranic annotation signs, including end of ayah U+06DD and small waw/yeh
        '\u200B', '\u200F', // zero width space, ZWNJ (joins a Persian word), ZWJ, LRM, RLM
        '\u202A', '\u202E', // bidi embeddings and overrides
        '\u2060', '\u2064', // word joiner and invisible operators
        '\u2066', '\u2069', // bidi isolates
        '\uFE73', '\uFE73', // Arabic tail fragment: a glyph piece (Lo) with no letter behind it
        '\uFEFF', '\uFEFF', // zero width no-break space (byte order mark)
    ];

    /// <summary>Characters that separate tokens although their category says "letter".</summary>
    /// <remarks>Hangul fillers are blank letters, used in spam and layout as invisible spaces.</remarks>
    public static ReadOnlySpan<char> ExtraSeparators => ['\u115F', '\u1160', '\u3164', '\uFFA0'];

    /// <summary>Rules that do not depend on <see cref="NormalizationOptions"/>.</summary>
    public static IReadOnlyList<(char Source, string Target)> Base { get; } =
    [
        // Alef variants → bare alef ا. The hamza or madda on an alef is the most frequent
        // spelling variation in Arabic news (إلى / الى, أحمد / احمد).
        ('\u0622', "\u0627"), // آ alef with madda above
        ('\u0623', "\u0627"), // أ alef with hamza above
        ('\u0625', "\u0627"), // إ alef with hamza below
        ('\u0671', "\u0627"), // ٱ alef wasla
        ('\u0672', "\u0627"), // ٲ alef with wavy hamza above
        ('\u0673', "\u0627"), // ٳ alef with wavy hamza below
        ('\u0675', "\u0627"), // ٵ high hamza alef (Kazakh)

        // Standalone hamza forms → ء.
        ('\u0674', "\u0621"), // ٴ high hamza

        // Yeh forms that are the same letter in another orthography → Arabic yeh ي.
        // Pashto ې and ۍ and Kurdish ێ are kept: they are distinct vowels in those languages.
        ('\u06CC', "\u064A"), // ی Farsi yeh (Persian and Urdu keyboards)
        ('\u06D2', "\u064A"), // ے Urdu yeh barree (word-final yeh)

        // Kaf forms → Arabic kaf ك. Gaf گ and ng ڭ are distinct letters and are kept.
        ('\u06A9', "\u0643"), // ک keheh (Persian and Urdu kaf)
        ('\u06AA', "\u0643"), // ڪ swash kaf (Sindhi)

        // Heh forms → Arabic heh ه.
        ('\u06BE', "\u0647"), // ھ heh doachashmee (Urdu aspiration, also typed for initial heh)
        ('\u06C0', "\u0647"), // ۀ heh with yeh above (Persian ezafe)
        ('\u06C1', "\u0647"), // ہ heh goal (Urdu)
        ('\u06C2', "\u0647"), // ۂ heh goal with hamza above
        ('\u06D5', "\u0647"), // ە ae (Kurdish vowel, also a common stand-in for final heh)

        // Urdu teh marbuta goal → teh marbuta, which FoldTehMarbuta may fold further.
        ('\u06C3', "\u0629"), // ۃ

        // Latin letters without a canonical decomposition (NFKD leaves them alone).
        ('\u00DF', "ss"), // ß sharp s (ẞ U+1E9E lowercases to it)
        ('\u00E6', "ae"), // æ
        ('\u0153', "oe"), // œ
        ('\u00F8', "o"),  // ø
        ('\u0111', "d"),  // đ d with stroke
        ('\u00F0', "d"),  // ð eth
        ('\u0142', "l"),  // ł l with stroke
        ('\u00FE', "th"), // þ thorn
        ('\u0127', "h"),  // ħ h with stroke
        ('\u0131', "i"),  // ı dotless i (Turkish)
        ('\u0167', "t"),  // ŧ t with stroke
        ('\u0180', "b"),  // ƀ b with stroke
        ('\u0268', "i"),  // ɨ i with stroke

        // Greek final sigma → sigma (the form depends only on the position in the word).
        ('\u03C2', "\u03C3"), // ς

        // Cyrillic: ё is written е in most Russian text; ѐ and ѝ are stress-marked е and и.
        // й, ї, ў and the like are distinct letters and are kept.
        ('\u0451', "\u0435"), // ё
        ('\u0450', "\u0435"), // ѐ
        ('\u045D', "\u0438"), // ѝ
    ];

    /// <summary>Rules applied when <see cref="NormalizationOptions.FoldTehMarbuta"/> is set.</summary>
    public static IReadOnlyList<(char Source, string Target)> TehMarbuta { get; } =
    [
        ('\u0629', "\u0647"), // ة → ه
    ];

    /// <summary>Rules applied when <see cref="NormalizationOptions.FoldAlefMaqsura"/> is set.</summary>
    public static IReadOnlyList<(char Source, string Target)> AlefMaqsura { get; } =
    [
        ('\u0649', "\u064A"), // ى → ي
    ];

    /// <summary>Rules applied when <see cref="NormalizationOptions.FoldHamzaCarriers"/> is set.</summary>
    public static IReadOnlyList<(char Source, string Target)> HamzaCarriersFolded { get; } =
    [
        ('\u0624', "\u0621"), // ؤ waw with hamza above → ء
        ('\u0626', "\u0621"), // ئ yeh with hamza above → ء
        ('\u0676', "\u0621"), // ٶ high hamza waw → ء
        ('\u0677', "\u0621"), // ٷ high hamza u → ء
        ('\u0678', "\u0621"), // ٸ high hamza yeh → ء
        ('\u06D3', "\u0621"), // ۓ yeh barree with hamza above → ء
    ];

    /// <summary>Rules applied when <see cref="NormalizationOptions.FoldHamzaCarriers"/> is not set.</summary>
    public static IReadOnlyList<(char Source, string Target)> HamzaCarriersKept { get; } =
    [
        ('\u0676', "\u0624"), // ٶ high hamza waw → ؤ
        ('\u0678', "\u0626"), // ٸ high hamza yeh → ئ
        ('\u06D3', "\u0626"), // ۓ yeh barree with hamza above → ئ
    ];
}

using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Syndicate.Internal;

namespace Syndicate.Text;

/// <summary>
/// Normalizes text, mainly Arabic news, into a canonical sequence of tokens for shingling:
/// spelling variants, presentation forms, diacritics, digits and case are folded, and
/// everything that is not a letter or digit becomes a single space.
/// </summary>
/// <remarks>
/// <para><b>Output contract.</b> The output is a sequence of tokens separated by exactly one
/// U+0020 space, with no leading or trailing space; it is empty when the input has no letters or
/// digits. A token is a maximal run of letters and digits after folding, except that a CJK
/// ideograph, hiragana or katakana is a token of its own (Chinese and Japanese put no spaces
/// between words; see <c>NormalizationTable.IsIdeograph</c>). Normalizing the output again
/// returns it unchanged.</para>
/// <para><b>Removed without splitting the word:</b> combining marks (Arabic harakat U+064B–U+065F,
/// superscript alef U+0670, Quranic signs U+0610–U+061A and U+06D6–U+06ED, Latin accents
/// U+0300–U+036F and every other mark), tatweel U+0640, and invisible format characters
/// (soft hyphen U+00AD, Arabic letter mark U+061C, U+200B–U+200F including ZWNJ and ZWJ,
/// bidi controls U+202A–U+202E and U+2066–U+2069, U+2060–U+2064, the byte order mark U+FEFF).</para>
/// <para><b>Separators:</b> every other character that is not a letter or decimal digit:
/// whitespace of every kind (NBSP, U+2000–U+200A, U+2028, U+2029, U+3000, ...), control
/// characters, punctuation including Arabic <c>، ؛ ؟ ۔ ٪ ٫ ٬</c> and <c>« »</c>, symbols,
/// emoji, other numbers such as <c>²</c>, and lone surrogates. Digit group and decimal
/// separators therefore split numbers (<c>3٫5</c> and <c>3.5</c> both become <c>3 5</c>).</para>
/// <para><b>Always folded:</b></para>
/// <list type="bullet">
/// <item>Arabic presentation forms U+FB50–U+FDFF and U+FE70–U+FEFF to their letters (Unicode
/// compatibility decomposition: <c>ﻻ</c> → <c>لا</c>, <c>ﷲ</c> → <c>الله</c>); the phrase
/// ligatures U+FDFA, U+FDFB and U+FDFD are expanded to their words, so <c>ﷺ</c> matches the
/// written-out <c>صلى الله عليه وسلم</c>.</item>
/// <item>Alef variants <c>آ أ إ ٱ ٲ ٳ ٵ</c> → <c>ا</c>; high hamza <c>ٴ</c> → <c>ء</c>.</item>
/// <item>Farsi yeh <c>ی</c> and Urdu yeh barree <c>ے</c> → <c>ي</c>; keheh <c>ک</c> and swash kaf
/// <c>ڪ</c> → <c>ك</c>; <c>ھ ۀ ہ ۂ ە</c> → <c>ه</c>; Urdu <c>ۃ</c> → <c>ة</c>.</item>
/// <item>All decimal digits (Arabic-Indic U+0660–U+0669, extended U+06F0–U+06F9, fullwidth, ...)
/// → ASCII <c>0</c>–<c>9</c>.</item>
/// <item>Letters to lowercase with invariant casing; Greek final sigma <c>ς</c> → <c>σ</c>;
/// accented Latin and Greek letters to their base letters (<c>é</c> → <c>e</c>, <c>ά</c> →
/// <c>α</c>); <c>ß</c> → <c>ss</c>, <c>æ</c> → <c>ae</c>, <c>œ</c> → <c>oe</c>, <c>ø</c> → <c>o</c>,
/// <c>đ ð</c> → <c>d</c>, <c>ł</c> → <c>l</c>, <c>þ</c> → <c>th</c>, <c>ħ</c> → <c>h</c>, <c>ı</c> →
/// <c>i</c>; Cyrillic <c>ё</c> → <c>е</c>; fullwidth letters and digits to ASCII; Latin ligatures
/// <c>ﬁ</c> → <c>fi</c>.</item>
/// </list>
/// <para>The folds controlled by <see cref="NormalizationOptions"/> are described there. The
/// complete rule tables are <c>FoldingRules.cs</c> and the generated <c>CompatibilityForms.cs</c>.</para>
/// <para><b>Characters outside the BMP:</b> a surrogate pair that encodes a letter is kept as is
/// (not case-folded), a decimal digit becomes its ASCII digit, a mark or format character is
/// removed, and anything else (emoji) separates tokens. The output never contains a lone
/// surrogate.</para>
/// <para>Normalization is one pass over the input with one table lookup per character; it does
/// not depend on the culture, on ICU, or on <see cref="string.Normalize()"/>.</para>
/// </remarks>
public static class TextNormalizer
{
    /// <summary>
    /// The most output characters one input character can produce: the longest expansion
    /// (the basmala ligature U+FDFD, 22 characters) plus the space that may precede it.
    /// </summary>
    internal const int MaxCharsPerSourceChar = 23;

    private const int StackallocThreshold = 512;

    /// <summary>
    /// Returns an upper bound on the length of the normalized form of any text of
    /// <paramref name="sourceLength"/> characters.
    /// </summary>
    /// <param name="sourceLength">The length of the source text, in UTF-16 code units.</param>
    /// <returns>A length for which <see cref="TryNormalize"/> never fails.</returns>
    /// <remarks>
    /// The bound is a true worst case (<c>23 × sourceLength</c>) because one ligature expands to
    /// a whole phrase. Ordinary text needs about <c>sourceLength</c> characters, so callers that
    /// process many documents may prefer to try a smaller buffer first and grow it when
    /// <see cref="TryNormalize"/> returns <see langword="false"/>.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sourceLength"/> is negative,
    /// or the bound does not fit in an <see cref="int"/>.</exception>
    public static int GetMaxOutputLength(int sourceLength)
    {
        if (sourceLength < 0)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(sourceLength), "The length must not be negative.");
        }

        long bound = (long)sourceLength * MaxCharsPerSourceChar;
        if (bound > Array.MaxLength)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(sourceLength), "The source is too long for a single buffer.");
        }

        return (int)bound;
    }

    /// <summary>Normalizes <paramref name="source"/> into <paramref name="destination"/>.</summary>
    /// <param name="source">The text to normalize.</param>
    /// <param name="destination">The buffer for the normalized text; it must not overlap
    /// <paramref name="source"/>.</param>
    /// <param name="charsWritten">The length of the normalized text, or 0 on failure.</param>
    /// <param name="options">The options, or <see langword="null"/> for
    /// <see cref="NormalizationOptions.Default"/>.</param>
    /// <returns><see langword="false"/> if <paramref name="destination"/> is too small; it is always
    /// large enough when it has <see cref="GetMaxOutputLength"/> characters.</returns>
    /// <exception cref="ArgumentException">The buffers overlap.</exception>
    public static bool TryNormalize(
        ReadOnlySpan<char> source,
        Span<char> destination,
        out int charsWritten,
        NormalizationOptions? options = null)
    {
        if (source.Overlaps(destination))
        {
            ThrowHelper.Argument(nameof(destination), "The destination must not overlap the source.");
        }

        ushort[] table = NormalizationTable.Get(options ?? NormalizationOptions.Default);
        if (NormalizeCore(source, destination, table, out charsWritten))
        {
            return true;
        }

        charsWritten = 0;
        return false;
    }

    /// <summary>Normalizes <paramref name="source"/> into <paramref name="destination"/>.</summary>
    /// <param name="source">The text to normalize.</param>
    /// <param name="destination">The buffer for the normalized text; it must not overlap
    /// <paramref name="source"/>.</param>
    /// <param name="options">The options, or <see langword="null"/> for
    /// <see cref="NormalizationOptions.Default"/>.</param>
    /// <returns>The length of the normalized text.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small, or the
    /// buffers overlap.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "A span overload and a string overload, both present from the first release: no call is ambiguous.")]
    public static int Normalize(ReadOnlySpan<char> source, Span<char> destination, NormalizationOptions? options = null)
    {
        if (!TryNormalize(source, destination, out int charsWritten, options))
        {
            ThrowHelper.DestinationTooShort(nameof(destination));
        }

        return charsWritten;
    }

    /// <summary>Normalizes <paramref name="text"/>.</summary>
    /// <param name="text">The text to normalize.</param>
    /// <param name="options">The options, or <see langword="null"/> for
    /// <see cref="NormalizationOptions.Default"/>.</param>
    /// <returns>The normalized text; <paramref name="text"/> itself when it is already normalized.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    [SkipLocalsInit]
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "A span overload and a string overload, both present from the first release: no call is ambiguous.")]
    public static string Normalize(string text, NormalizationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ushort[] table = NormalizationTable.Get(options ?? NormalizationOptions.Default);

        // Ordinary text shrinks or keeps its length; only ligatures grow it. Try a buffer a little
        // larger than the input and fall back to the true bound when that is not enough.
        int guess = text.Length + (text.Length >> 3) + 16;
        if (guess <= StackallocThreshold)
        {
            Span<char> buffer = stackalloc char[StackallocThreshold];
            if (NormalizeCore(text, buffer, table, out int written))
            {
                return CreateString(text, buffer[..written]);
            }
        }
        else
        {
            char[] rented = ArrayPool<char>.Shared.Rent(guess);
            try
            {
                if (NormalizeCore(text, rented, table, out int written))
                {
                    return CreateString(text, rented.AsSpan(0, written));
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }

        char[] large = ArrayPool<char>.Shared.Rent(GetMaxOutputLength(text.Length));
        try
        {
            NormalizeCore(text, large, table, out int written);
            return CreateString(text, large.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(large);
        }
    }

    private static string CreateString(string source, ReadOnlySpan<char> normalized) =>
        normalized.SequenceEqual(source) ? source : new string(normalized);

    /// <summary>The single pass shared by every overload.</summary>
    /// <remarks>
    /// <para>
    /// The main loop handles token characters, separators and removed characters, which are nearly all of any text,
    /// without a branch on the kind of character, so word boundaries cost no mispredicted branches: it stores either
    /// the character or a space and advances past the store only when it counts. A separator's space is written at
    /// once unless the output is empty or already ends in a space (<c>atSpace</c>), and a trailing space is dropped at
    /// the end. It needs room for one store past the output, so it stops two characters before the end of the
    /// destination.
    /// </para>
    /// <para>
    /// Expansions, surrogates and the end of a nearly full destination go through <see cref="NormalizeChecked"/>,
    /// which keeps the space pending until the next token character instead and checks every store; it is also the
    /// reference the main loop is tested against (<see cref="NormalizeCoreChecked"/>).
    /// </para>
    /// </remarks>
    internal static bool NormalizeCore(ReadOnlySpan<char> source, Span<char> destination, ushort[] table, out int charsWritten)
    {
        // The table has 65,536 entries, so indexing it with a char needs no bounds check.
        ref ushort map = ref MemoryMarshal.GetArrayDataReference(table);
        ref char output = ref MemoryMarshal.GetReference(destination);
        int written = 0;
        int atSpace = 1;
        int i = 0;
        int limit = destination.Length - 2;
        while (true)
        {
            for (; i < source.Length && written <= limit; i++)
            {
                ushort entry = Unsafe.Add(ref map, source[i]);
                if ((uint)(entry - NormalizationTable.HighSurrogate) <= NormalizationTable.Ideograph - NormalizationTable.HighSurrogate
                    || (uint)(entry - NormalizationTable.ExpansionBase) < NormalizationTable.MaxExpansions)
                {
                    break;
                }

                int token = entry > NormalizationTable.Ideograph ? 1 : 0;
                int separator = entry == NormalizationTable.Separator ? 1 : 0;
                Unsafe.Add(ref output, written) = (char)(' ' + ((entry - ' ') & -token));
                written += token | (separator & (atSpace ^ 1));
                atSpace = (atSpace | separator) & (token ^ 1);
            }

            // From here on the space is pending, as the checked loop keeps it.
            bool pendingSpace = false;
            if (atSpace != 0 && written > 0)
            {
                written--;
                pendingSpace = true;
            }

            if (i == source.Length)
            {
                charsWritten = written;
                return true;
            }

            // One expansion, surrogate or ideograph; or, near the end of the destination, the rest of the text.
            // (Copies go by reference, so that the loop's own counters stay in registers.)
            int stop = written > limit ? source.Length : i + 1;
            int index = i;
            int position = written;
            if (!NormalizeChecked(source, ref index, stop, destination, ref map, ref position, ref pendingSpace))
            {
                charsWritten = 0;
                return false;
            }

            i = index;
            written = position;

            if (i == source.Length)
            {
                charsWritten = written;
                return true;
            }

            if (pendingSpace)
            {
                if (written == destination.Length)
                {
                    // No room even for the space: the checked loop finds out whether anything else follows.
                    bool fits = NormalizeChecked(source, ref index, source.Length, destination, ref map, ref position, ref pendingSpace);
                    charsWritten = fits ? position : 0;
                    return fits;
                }

                destination[written++] = ' ';
                atSpace = 1;
            }
            else
            {
                atSpace = written == 0 ? 1 : 0;
            }
        }
    }

    /// <summary>The checked loop alone over the whole text: the reference for <see cref="NormalizeCore"/>.</summary>
    internal static bool NormalizeCoreChecked(ReadOnlySpan<char> source, Span<char> destination, ushort[] table, out int charsWritten)
    {
        int index = 0;
        int written = 0;
        bool pendingSpace = false;
        bool fits = NormalizeChecked(source, ref index, source.Length, destination, ref MemoryMarshal.GetArrayDataReference(table), ref written, ref pendingSpace);
        charsWritten = fits ? written : 0;
        return fits;
    }

    /// <summary>
    /// The general loop: every kind of entry, a pending space written just before the next token character (and
    /// only when something was written already), and a bounds check before every store. Takes the characters from
    /// <paramref name="index"/> up to <paramref name="stop"/> (and the low half of a surrogate pair that straddles it)
    /// and leaves <paramref name="index"/> at the first character not taken.
    /// </summary>
    /// <returns>False if the destination is too small.</returns>
    private static bool NormalizeChecked(ReadOnlySpan<char> source, ref int index, int stop, Span<char> destination, ref ushort map, ref int charsWritten, ref bool pendingSpaceState)
    {
        int written = charsWritten;
        bool pendingSpace = pendingSpaceState;
        int i = index;
        for (; i < stop; i++)
        {
            ushort entry = Unsafe.Add(ref map, source[i]);
            if (NormalizationTable.IsTokenEntry(entry))
            {
                if (pendingSpace)
                {
                    if ((uint)written >= (uint)destination.Length)
                    {
                        goto TooSmall;
                    }

                    destination[written++] = ' ';
                    pendingSpace = false;
                }

                if ((uint)written >= (uint)destination.Length)
                {
                    goto TooSmall;
                }

                destination[written++] = (char)entry;
                continue;
            }

            if (entry == NormalizationTable.Separator)
            {
                pendingSpace = written > 0;
                continue;
            }

            if (entry == NormalizationTable.Removed)
            {
                continue;
            }

            int position = written;
            bool pending = pendingSpace;
            if (entry == NormalizationTable.Ideograph)
            {
                if (!WriteAlone(destination, ref position, ref pending, NormalizationTable.IdeographValue(source[i])))
                {
                    goto TooSmall;
                }
            }
            else if (entry == NormalizationTable.HighSurrogate)
            {
                int consumed = WriteSurrogatePair(source, i, destination, ref position, ref pending);
                if (consumed < 0)
                {
                    goto TooSmall;
                }

                i += consumed;
            }
            else if (!WriteExpansion(entry - NormalizationTable.ExpansionBase, ref map, destination, ref position, ref pending))
            {
                goto TooSmall;
            }

            written = position;
            pendingSpace = pending;
        }

        index = i;
        charsWritten = written;
        pendingSpaceState = pendingSpace;
        return true;

    TooSmall:
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Write(Span<char> destination, ref int written, ref bool pendingSpace, char value)
    {
        int pos = written;
        if (pendingSpace)
        {
            if ((uint)pos >= (uint)destination.Length)
            {
                return false;
            }

            destination[pos++] = ' ';
            pendingSpace = false;
        }

        if ((uint)pos >= (uint)destination.Length)
        {
            return false;
        }

        destination[pos++] = value;
        written = pos;
        return true;
    }

    /// <summary>Writes a token of one character: a space before it unless nothing was written, and one pending after.</summary>
    private static bool WriteAlone(Span<char> destination, ref int written, ref bool pendingSpace, char value)
    {
        pendingSpace = written > 0;
        if (!Write(destination, ref written, ref pendingSpace, value))
        {
            return false;
        }

        pendingSpace = true;
        return true;
    }

    private static bool WriteExpansion(int index, ref ushort map, Span<char> destination, ref int written, ref bool pendingSpace)
    {
        int[] starts = NormalizationTable.ExpansionStarts;
        ReadOnlySpan<char> expansion = NormalizationTable.ExpansionChars.AsSpan(starts[index], starts[index + 1] - starts[index]);
        foreach (char c in expansion)
        {
            // Expansion characters map to token characters, separators or nothing, never to
            // another expansion, an ideograph or a surrogate (checked by the tests).
            ushort entry = Unsafe.Add(ref map, c);
            if (NormalizationTable.IsTokenEntry(entry))
            {
                if (!Write(destination, ref written, ref pendingSpace, (char)entry))
                {
                    return false;
                }
            }
            else if (entry == NormalizationTable.Separator)
            {
                pendingSpace = written > 0;
            }
        }

        return true;
    }

    /// <summary>Handles the high surrogate at <paramref name="index"/>.</summary>
    /// <returns>How many characters after it were consumed (0 or 1), or -1 if the destination is too small.</returns>
    private static int WriteSurrogatePair(ReadOnlySpan<char> source, int index, Span<char> destination, ref int written, ref bool pendingSpace)
    {
        if (index + 1 >= source.Length || !char.IsLowSurrogate(source[index + 1]))
        {
            // A lone high surrogate separates tokens.
            pendingSpace = written > 0;
            return 0;
        }

        char high = source[index];
        char low = source[index + 1];
        var rune = new Rune(high, low);
        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
                if (NormalizationTable.IsIdeograph(rune.Value))
                {
                    // An ideograph of the supplementary planes is a token of its own, as those of the BMP are.
                    pendingSpace = written > 0;
                    bool fits = Write(destination, ref written, ref pendingSpace, high) && Write(destination, ref written, ref pendingSpace, low);
                    pendingSpace = true;
                    return fits ? 1 : -1;
                }

                return Write(destination, ref written, ref pendingSpace, high)
                    && Write(destination, ref written, ref pendingSpace, low) ? 1 : -1;
            case UnicodeCategory.DecimalDigitNumber:
                return Write(destination, ref written, ref pendingSpace, (char)('0' + (int)Rune.GetNumericValue(rune))) ? 1 : -1;
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.Format:
                return 1;
            default:
                pendingSpace = written > 0;
                return 1;
        }
    }
}

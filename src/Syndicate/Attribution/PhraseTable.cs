using System.Diagnostics.CodeAnalysis;

namespace Syndicate.Attribution;

/// <summary>
/// An immutable table of short phrases (aliases, names, month words) matched word by word after light folding.
/// </summary>
/// <remarks>
/// Phrases are indexed by their first folded word, so matching at a position costs one dictionary probe plus a
/// comparison of the few candidates that share that word. Between the words of a phrase the text may hold
/// whitespace and full stops only, so <c>أ. ف. ب</c> and <c>أ ف ب</c> are the same phrase but <c>أ - ف</c> is not.
/// When two phrases fold to the same words, the one added last wins.
/// </remarks>
/// <typeparam name="T">The value a phrase resolves to.</typeparam>
internal sealed class PhraseTable<T>
{
    private const int MaxGap = 3;

    private readonly Dictionary<string, Entry[]> _byFirstWord;
    private readonly Dictionary<string, Entry[]>.AlternateLookup<ReadOnlySpan<char>> _byFirstWordSpan;
    private readonly Dictionary<string, T> _exact;
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _exactSpan;

    public PhraseTable(IEnumerable<KeyValuePair<string, T>> phrases)
    {
        var exact = new Dictionary<string, T>(StringComparer.Ordinal);
        var words = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (phrase, value) in phrases)
        {
            var folded = PhraseText.FoldedWords(phrase);
            if (folded.Length == 0)
            {
                continue;
            }

            var key = string.Join(' ', folded);
            exact[key] = value;
            words[key] = folded;
        }

        var groups = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        foreach (var (key, folded) in words)
        {
            if (!groups.TryGetValue(folded[0], out var list))
            {
                list = [];
                groups.Add(folded[0], list);
            }

            list.Add(new Entry(folded, key.Length, exact[key]));
        }

        _byFirstWord = new Dictionary<string, Entry[]>(StringComparer.Ordinal);
        foreach (var (first, list) in groups)
        {
            // Longest phrase first, so that "تشرين الثاني" is tried before a shorter phrase sharing its first word;
            // ordinal order breaks ties so the table is deterministic whatever the input order.
            list.Sort(static (a, b) =>
            {
                var byWords = b.Words.Length.CompareTo(a.Words.Length);
                if (byWords != 0)
                {
                    return byWords;
                }

                var byLength = b.FoldedLength.CompareTo(a.FoldedLength);
                return byLength != 0 ? byLength : string.CompareOrdinal(string.Join(' ', a.Words), string.Join(' ', b.Words));
            });
            _byFirstWord.Add(first, [.. list]);
        }

        _byFirstWordSpan = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _exact = exact;
        _exactSpan = exact.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of distinct folded phrases.</summary>
    public int Count => _exact.Count;

    /// <summary>Looks up a whole phrase after folding (the text must be exactly one phrase).</summary>
    /// <remarks>
    /// The key is <see cref="PhraseText.FoldPhrase"/> of the text; the span overload builds it in a buffer rather than
    /// as a string, so the engine's per-article lookups (an article's source) allocate nothing.
    /// </remarks>
    public bool TryGetExact(string text, out T value) => TryGetExact(text.AsSpan(), out value);

    /// <summary>The definition of the exact lookup, with the key built as a string: the reference for the tests.</summary>
    internal bool TryGetExactByFoldedPhrase(string text, out T value)
    {
        var key = PhraseText.FoldPhrase(text);
        if (key.Length == 0)
        {
            value = default!;
            return false;
        }

        return _exact.TryGetValue(key, out value!);
    }

    /// <summary>
    /// Looks up a whole phrase after folding, without allocating: the folded words are joined into a buffer, as
    /// <see cref="PhraseText.FoldPhrase"/> joins them, and looked up by span.
    /// </summary>
    public bool TryGetExact(ReadOnlySpan<char> text, out T value)
    {
        value = default!;

        // The folded key is never longer than the text: folding maps a char to at most one char, and the single
        // space between two words stands for at least one separator char in the text.
        Span<char> key = text.Length <= 128 ? stackalloc char[128] : new char[text.Length];
        var n = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!PhraseText.IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var end = PhraseText.WordEnd(text, i);
            var at = n == 0 ? 0 : n + 1;
            var folded = PhraseText.FoldWord(text[i..end], key.Slice(at, Math.Min(PhraseText.MaxTokenLength, key.Length - at)));
            if (folded < 0)
            {
                return false;
            }

            if (folded > 0)
            {
                if (n > 0)
                {
                    key[n] = ' ';
                }

                n = at + folded;
            }

            i = end;
        }

        return n > 0 && _exactSpan.TryGetValue(key[..n], out value!);
    }

    /// <summary>
    /// Matches the longest phrase whose first word starts exactly at <paramref name="start"/>;
    /// <paramref name="end"/> is the index just after its last word.
    /// </summary>
    public bool TryMatchAt(ReadOnlySpan<char> text, int start, out T value, out int end)
    {
        value = default!;
        end = start;
        Span<char> buffer = stackalloc char[PhraseText.MaxTokenLength];
        if (!TryCandidates(text, start, buffer, out var firstEnd, out var candidates))
        {
            return false;
        }

        // Most candidates differ in their second word (every "وكالة X" of the gazetteer shares the first), so the
        // text's second word is folded once and compared before a candidate's rest is matched.
        Span<char> second = stackalloc char[PhraseText.MaxTokenLength];
        var secondLength = FoldNextWord(text, firstEnd, second);
        foreach (var entry in candidates)
        {
            if (entry.Words.Length > 1 && (secondLength < 0 || !second[..secondLength].SequenceEqual(entry.Words[1])))
            {
                continue;
            }

            if (TryMatchRest(text, firstEnd, entry.Words, buffer, out end))
            {
                value = entry.Value;
                return true;
            }
        }

        end = start;
        return false;
    }

    /// <summary>The definition of <see cref="TryMatchAt"/>: every candidate's rest matched in turn, the reference for the tests.</summary>
    internal bool TryMatchAtByEveryCandidate(ReadOnlySpan<char> text, int start, out T value, out int end)
    {
        value = default!;
        end = start;
        Span<char> buffer = stackalloc char[PhraseText.MaxTokenLength];
        if (!TryCandidates(text, start, buffer, out var firstEnd, out var candidates))
        {
            return false;
        }

        foreach (var entry in candidates)
        {
            if (TryMatchRest(text, firstEnd, entry.Words, buffer, out end))
            {
                value = entry.Value;
                return true;
            }
        }

        end = start;
        return false;
    }

    // The phrases whose first word is the word starting at start (folded into buffer); firstEnd follows that word.
    private bool TryCandidates(ReadOnlySpan<char> text, int start, Span<char> buffer, out int firstEnd, [NotNullWhen(true)] out Entry[]? candidates)
    {
        firstEnd = start;
        candidates = null;
        if (start >= text.Length || !PhraseText.IsWordChar(text[start]))
        {
            return false;
        }

        firstEnd = PhraseText.WordEnd(text, start);
        var n = PhraseText.FoldWord(text[start..firstEnd], buffer);
        return n > 0 && _byFirstWordSpan.TryGetValue(buffer[..n], out candidates);
    }

    // Folds the word that would continue a phrase at pos (after a gap that TryMatchRest accepts) into destination;
    // -1 when no word can continue it there.
    private static int FoldNextWord(ReadOnlySpan<char> text, int pos, Span<char> destination)
    {
        pos = NextWordStart(text, pos);
        return pos < 0 ? -1 : PhraseText.FoldWord(text[pos..PhraseText.WordEnd(text, pos)], destination);
    }

    // Where the next word of a phrase starts after the word ending at pos: past one to MaxGap spaces or full stops, or
    // one hyphen between two letters ("Agence France-Presse", "ITAR-TASS"); -1 when no word continues the phrase there.
    private static int NextWordStart(ReadOnlySpan<char> text, int pos)
    {
        if (pos + 1 < text.Length && text[pos] is '-' or '\u2010' && PhraseText.IsWordChar(text[pos + 1]))
        {
            return pos + 1;
        }

        var gap = 0;
        while (pos < text.Length && gap <= MaxGap && (PhraseText.IsSpace(text[pos]) || text[pos] == '.'))
        {
            pos++;
            gap++;
        }

        return gap == 0 || gap > MaxGap || pos >= text.Length || !PhraseText.IsWordChar(text[pos]) ? -1 : pos;
    }

    private static bool TryMatchRest(ReadOnlySpan<char> text, int pos, string[] words, Span<char> buffer, out int end)
    {
        end = pos;
        for (var w = 1; w < words.Length; w++)
        {
            pos = NextWordStart(text, pos);
            if (pos < 0)
            {
                return false;
            }

            var wordEnd = PhraseText.WordEnd(text, pos);
            var n = PhraseText.FoldWord(text[pos..wordEnd], buffer);
            if (n < 0 || !buffer[..n].SequenceEqual(words[w]))
            {
                return false;
            }

            pos = wordEnd;
        }

        end = pos;
        return true;
    }

    private readonly record struct Entry(string[] Words, int FoldedLength, T Value);
}

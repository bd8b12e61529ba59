using System.Globalization;

namespace Syndicate.Text;

/// <summary>
/// The 65,536-entry lookup tables behind <see cref="TextNormalizer"/>, one per combination of
/// <see cref="NormalizationOptions"/>, built on first use from the rules in
/// <see cref="FoldingRules"/> and <see cref="CompatibilityForms"/>.
/// </summary>
/// <remarks>
/// <para>Each entry is a <see cref="ushort"/> encoding what to do with one UTF-16 code unit:</para>
/// <list type="bullet">
/// <item><see cref="Separator"/> (0): the character ends the current token.</item>
/// <item><see cref="Removed"/> (1): the character is dropped without ending the token.</item>
/// <item><see cref="HighSurrogate"/> (2): look at the next code unit for a surrogate pair.</item>
/// <item><see cref="Ideograph"/> (3): a token of its own (a CJK ideograph or kana, in scripts written without spaces
/// between words), written as <see cref="IdeographValue"/> gives it with a space before and after.</item>
/// <item>0xD800 + <c>i</c>: replace the character with expansion <c>i</c>, whose characters are
/// looked up in the same table (they never map to another expansion).</item>
/// <item>Any other value: the character is a token character and is written as that value.</item>
/// </list>
/// <para>
/// No token character is a control character or a surrogate, so the encoding is unambiguous, and
/// every token character maps to itself, which makes normalization idempotent.
/// </para>
/// </remarks>
internal static class NormalizationTable
{
    /// <summary>The entry of a character that separates tokens.</summary>
    public const ushort Separator = 0;

    /// <summary>The entry of a character that is removed without separating tokens.</summary>
    public const ushort Removed = 1;

    /// <summary>The entry of a high surrogate.</summary>
    public const ushort HighSurrogate = 2;

    /// <summary>The entry of a character that is a token of its own (see <see cref="IsIdeograph"/>).</summary>
    public const ushort Ideograph = 3;

    /// <summary>The entry of expansion 0; expansion <c>i</c> is <c>ExpansionBase + i</c>.</summary>
    public const ushort ExpansionBase = 0xD800;

    /// <summary>How many expansions the encoding can address (the size of the surrogate range).</summary>
    public const int MaxExpansions = 0x800;

    private const int TableSize = 0x10000;

    private static readonly ushort[]?[] s_tables = new ushort[8][];
    private static readonly ushort[] s_baseTable;
    private static readonly string[] s_expansionList;

    // What each ideograph entry writes: the character itself, or the one it folds to (a halfwidth katakana to its
    // fullwidth form). No option changes these folds, so one array serves every table.
    private static readonly char[] s_ideographValues = new char[TableSize];

    static NormalizationTable()
    {
        var expansions = new List<string>();
        var expansionIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        s_baseTable = BuildBaseTable(expansions, expansionIndex);
        s_expansionList = [.. expansions];

        ushort[] resolved = (ushort[])s_baseTable.Clone();
        Resolve(resolved);
        for (int c = 0; c < TableSize; c++)
        {
            if (IsTokenEntry(resolved[c]) && IsIdeograph(resolved[c]))
            {
                s_ideographValues[c] = (char)resolved[c];
            }
        }

        var starts = new int[expansions.Count + 1];
        var chars = new char[expansions.Sum(e => e.Length)];
        int position = 0;
        int maxLength = 0;
        for (int i = 0; i < expansions.Count; i++)
        {
            starts[i] = position;
            expansions[i].CopyTo(chars.AsSpan(position));
            position += expansions[i].Length;
            maxLength = Math.Max(maxLength, expansions[i].Trim(' ').Length);
        }

        starts[^1] = position;
        ExpansionStarts = starts;
        ExpansionChars = chars;
        MaxExpansionLength = maxLength;
    }

    /// <summary>All expansions, concatenated; expansion <c>i</c> spans
    /// <c>[ExpansionStarts[i], ExpansionStarts[i + 1])</c>.</summary>
    public static char[] ExpansionChars { get; }

    /// <summary>Start offsets into <see cref="ExpansionChars"/>, with one extra entry at the end.</summary>
    public static int[] ExpansionStarts { get; }

    /// <summary>The most characters an expansion writes, not counting the separators that pad a
    /// phrase (22, for the basmala ligature U+FDFD).</summary>
    public static int MaxExpansionLength { get; }

    /// <summary>The expansions, for tests and diagnostics.</summary>
    public static IReadOnlyList<string> Expansions => s_expansionList;

    /// <summary>Returns the table for <paramref name="options"/>, building it on first use.</summary>
    public static ushort[] Get(NormalizationOptions options)
    {
        int index = options.TableIndex;
        ushort[]? table = Volatile.Read(ref s_tables[index]);
        return table ?? Create(options, index);
    }

    /// <summary>Whether <paramref name="entry"/> denotes a token character.</summary>
    public static bool IsTokenEntry(ushort entry) =>
        entry > Ideograph && (uint)(entry - ExpansionBase) >= MaxExpansions;

    /// <summary>What a character whose entry is <see cref="Ideograph"/> is written as.</summary>
    public static char IdeographValue(char c) => s_ideographValues[c];

    /// <summary>
    /// Whether <paramref name="c"/>, a letter after folding, is a token of its own: a CJK ideograph (unified, its
    /// extensions, compatibility), or hiragana or katakana. Chinese and Japanese
    /// put no spaces between words, so a run of such letters would otherwise be one token per sentence, and reprints
    /// would share no shingle; one character per token makes word shingles character n-grams there, as the
    /// dedup tools for these languages use. Korean (Hangul), written with spaces, keeps its words.
    /// </summary>
    public static bool IsIdeograph(int c) =>
        c is (>= 0x3041 and <= 0x30FF) or (>= 0x31F0 and <= 0x31FF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x323AF);

    private static ushort[] Create(NormalizationOptions options, int index)
    {
        ushort[] table = BuildTable(options);
        return Interlocked.CompareExchange(ref s_tables[index], table, null) ?? table;
    }

    private static ushort[] BuildTable(NormalizationOptions options)
    {
        ushort[] table = (ushort[])s_baseTable.Clone();
        if (options.FoldTehMarbuta)
        {
            ApplySingle(table, FoldingRules.TehMarbuta);
        }

        if (options.FoldAlefMaqsura)
        {
            ApplySingle(table, FoldingRules.AlefMaqsura);
        }

        ApplySingle(table, options.FoldHamzaCarriers ? FoldingRules.HamzaCarriersFolded : FoldingRules.HamzaCarriersKept);
        Resolve(table);
        for (int c = 0; c < TableSize; c++)
        {
            if (s_ideographValues[c] != 0)
            {
                table[c] = Ideograph;
            }
        }

        return table;
    }

    /// <summary>Applies rules whose targets are single letters; they never add expansions, so every
    /// options table shares the expansion list of the base table.</summary>
    private static void ApplySingle(ushort[] table, IReadOnlyList<(char Source, string Target)> rules)
    {
        foreach ((char source, string target) in rules)
        {
            if (target.Length != 1 || target[0] == ' ')
            {
                throw new InvalidOperationException($"Option rule for U+{(int)source:X4} must map to one letter.");
            }

            table[source] = target[0];
        }
    }

    private static ushort[] BuildBaseTable(List<string> expansions, Dictionary<string, int> expansionIndex)
    {
        var table = new ushort[TableSize];
        for (int c = 0; c < TableSize; c++)
        {
            table[c] = Classify((char)c);
        }

        ReadOnlySpan<char> sources = CompatibilityForms.Sources;
        ReadOnlySpan<byte> lengths = CompatibilityForms.Lengths;
        ReadOnlySpan<char> targets = CompatibilityForms.Targets;
        int offset = 0;
        for (int i = 0; i < sources.Length; i++)
        {
            string target = targets.Slice(offset, lengths[i]).ToString();
            offset += lengths[i];
            table[sources[i]] = Encode(target, expansions, expansionIndex);
        }

        ReadOnlySpan<char> removed = FoldingRules.RemovedRanges;
        for (int i = 0; i < removed.Length; i += 2)
        {
            for (int c = removed[i]; c <= removed[i + 1]; c++)
            {
                table[c] = Removed;
            }
        }

        foreach (char c in FoldingRules.ExtraSeparators)
        {
            table[c] = Separator;
        }

        Apply(table, FoldingRules.Base, expansions, expansionIndex);
        return table;
    }

    private static ushort Classify(char c)
    {
        if (char.IsHighSurrogate(c))
        {
            return HighSurrogate;
        }

        if (char.IsLowSurrogate(c))
        {
            // A low surrogate that is not consumed as the second half of a pair is a lone surrogate.
            return Separator;
        }

        switch (char.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
                return char.ToLowerInvariant(c);
            case UnicodeCategory.DecimalDigitNumber:
                return (ushort)('0' + (int)char.GetNumericValue(c));
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.Format:
                return Removed;
            default:
                return Separator;
        }
    }

    private static void Apply(
        ushort[] table,
        IReadOnlyList<(char Source, string Target)> rules,
        List<string> expansions,
        Dictionary<string, int> expansionIndex)
    {
        foreach ((char source, string target) in rules)
        {
            table[source] = Encode(target, expansions, expansionIndex);
        }
    }

    private static ushort Encode(string target, List<string> expansions, Dictionary<string, int> expansionIndex)
    {
        switch (target.Length)
        {
            case 0:
                return Removed;
            case 1:
                return target[0] == ' ' ? Separator : target[0];
        }

        if (target.Contains(' ', StringComparison.Ordinal))
        {
            // A phrase ligature (U+FDFA, U+FDFB, U+FDFD) stands for whole words: keep it apart from
            // letters that touch it, as the written-out phrase would be.
            target = " " + target + " ";
        }

        if (!expansionIndex.TryGetValue(target, out int index))
        {
            index = expansions.Count;
            if (index >= MaxExpansions)
            {
                throw new InvalidOperationException("Too many expansions for the table encoding.");
            }

            expansions.Add(target);
            expansionIndex.Add(target, index);
        }

        return (ushort)(ExpansionBase + index);
    }

    /// <summary>
    /// Follows single-character mappings until they reach a character that maps to itself, so
    /// that one lookup gives the final answer (for example <c>Ё → ё → е</c>,
    /// <c>U+FE85 → ؤ → ء</c>).
    /// </summary>
    private static void Resolve(ushort[] table)
    {
        for (int c = 0; c < TableSize; c++)
        {
            ushort entry = table[c];
            for (int depth = 0; IsTokenEntry(entry) && table[entry] != entry; depth++)
            {
                if (depth == 8)
                {
                    throw new InvalidOperationException($"Folding rules cycle at U+{c:X4}.");
                }

                entry = table[entry];
            }

            table[c] = entry;
        }
    }
}

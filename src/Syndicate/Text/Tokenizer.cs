namespace Syndicate.Text;

/// <summary>Splits normalized text (see <see cref="TextNormalizer"/>) into tokens.</summary>
internal static class Tokenizer
{
    /// <summary>Enumerates the tokens of <paramref name="normalized"/> without allocating.</summary>
    /// <param name="normalized">Text produced by <see cref="TextNormalizer"/>.</param>
    /// <returns>An enumerator for use with <c>foreach</c>.</returns>
    public static TokenEnumerator EnumerateTokens(ReadOnlySpan<char> normalized) => new(normalized);

    /// <summary>Counts the tokens of <paramref name="normalized"/>.</summary>
    /// <param name="normalized">Text produced by <see cref="TextNormalizer"/>.</param>
    /// <returns>The number of tokens.</returns>
    /// <remarks>
    /// Text that meets the output contract has exactly one space between tokens, so the count is
    /// the number of spaces plus one, found with a vectorized search. Other text falls back to
    /// enumeration, which tolerates extra spaces.
    /// </remarks>
    public static int CountTokens(ReadOnlySpan<char> normalized)
    {
        if (normalized.IsEmpty)
        {
            return 0;
        }

        if (normalized[0] != ' ' && normalized[^1] != ' ' && normalized.IndexOf("  ") < 0)
        {
            return normalized.Count(' ') + 1;
        }

        int count = 0;
        TokenEnumerator tokens = EnumerateTokens(normalized);
        while (tokens.MoveNext())
        {
            count++;
        }

        return count;
    }
}

namespace Syndicate.Text;

/// <summary>The unit a normalized document is cut into before it is sketched.</summary>
/// <remarks>The numeric values are stable and may be persisted.</remarks>
public enum ShingleKind
{
    /// <summary>
    /// Word shingles: every run of k consecutive tokens. Robust to small edits and cheap (one hash per token);
    /// the usual choice for news articles, with k around 5.
    /// </summary>
    Words = 0,

    /// <summary>
    /// Character n-grams over the normalized text, spaces included. More tolerant of spelling variants and
    /// tokenization differences, at the cost of about one shingle per character instead of one per word.
    /// </summary>
    Characters = 1,
}

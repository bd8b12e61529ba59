namespace Syndicate.Clustering;

/// <summary>Size of an engine's state at one moment.</summary>
public sealed class EngineStatistics
{
    internal EngineStatistics(int articles, int clusters, long documentBytes, long indexBytes, int learnedLines, int otherRevisionArticles)
    {
        OtherRevisionArticles = otherRevisionArticles;
        Articles = articles;
        Clusters = clusters;
        DocumentBytes = documentBytes;
        IndexBytes = indexBytes;
        LearnedLines = learnedLines;
    }

    /// <summary>Articles held.</summary>
    public int Articles { get; }

    /// <summary>Live clusters (stories), singletons included.</summary>
    public int Clusters { get; }

    /// <summary>Bytes of the per-article arrays (signatures, lead sketches, counters, references), excluding metadata strings.</summary>
    public long DocumentBytes { get; }

    /// <summary>Bytes of the LSH, lead and exact-copy indexes.</summary>
    public long IndexBytes { get; }

    /// <summary>Paragraph statistics kept for boilerplate learning.</summary>
    public int LearnedLines { get; }

    /// <summary>
    /// Articles held whose fingerprints another revision of the text pipeline (cleaning, normalization, shingling,
    /// sketching) computed than this build's: restored from a state, or read from a store, that another release of
    /// Syndicate wrote (also one from before revisions were recorded). They still match, but not always as the same
    /// articles added now would: a copy of one may be judged less similar, or missed. They leave as they are removed or
    /// evicted (a <see cref="SyndicationOptions.Window"/> renews a state in its own time); to renew a state at once,
    /// feed its articles into a new state directory or store. 0 for a state this build wrote.
    /// </summary>
    public int OtherRevisionArticles { get; }

    /// <summary>(<see cref="DocumentBytes"/> + <see cref="IndexBytes"/>) / <see cref="Articles"/>: the resident cost of one article beyond its id and metadata strings.</summary>
    public double BytesPerArticle => Articles == 0 ? 0 : (double)(DocumentBytes + IndexBytes) / Articles;
}

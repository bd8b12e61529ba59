namespace Syndicate.Clustering;

/// <summary>Size of an engine's state at one moment.</summary>
public sealed class EngineStatistics
{
    internal EngineStatistics(int articles, int clusters, long documentBytes, long indexBytes, int learnedLines)
    {
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

    /// <summary>(<see cref="DocumentBytes"/> + <see cref="IndexBytes"/>) / <see cref="Articles"/>: the resident cost of one article beyond its id and metadata strings.</summary>
    public double BytesPerArticle => Articles == 0 ? 0 : (double)(DocumentBytes + IndexBytes) / Articles;
}

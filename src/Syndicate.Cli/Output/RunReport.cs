using Syndicate.Clustering;

namespace Syndicate.Cli.Output;

/// <summary>Everything a report format may show about one run.</summary>
internal sealed class RunReport
{
    public required IReadOnlyList<Cluster> Clusters { get; init; }

    /// <summary>One per input article, in input order.</summary>
    public required IReadOnlyList<ArticleResult> Articles { get; init; }

    /// <summary>The input text of each article id, for reports that show members side by side.</summary>
    public required IReadOnlyDictionary<string, Article> Texts { get; init; }

    public required SyndicationOptions Options { get; init; }

    public required IReadOnlyList<string> Inputs { get; init; }

    public required RunStatistics Statistics { get; init; }
}

/// <summary>The counts of one run.</summary>
/// <param name="Articles">Input articles, each with its output line.</param>
/// <param name="Clusters">Stories held at the end (a story whose every copy was evicted is no longer counted).</param>
/// <param name="MultiMemberClusters">Held stories with more than one copy.</param>
/// <param name="Duplicates">Articles reported as exact copies.</param>
/// <param name="NearDuplicates">Articles reported as near-duplicates.</param>
/// <param name="Partials">Articles reported as partial copies.</param>
/// <param name="Errors">Input records skipped as malformed.</param>
/// <param name="Seconds">Wall-clock time of the clustering.</param>
/// <param name="Bytes">Input bytes read, when known.</param>
/// <param name="BytesPerArticle">The engine's memory per held article.</param>
/// <param name="Evicted">Articles the window evicted before the end; each is reported with the verdict it got when added.</param>
internal sealed record RunStatistics(int Articles, int Clusters, int MultiMemberClusters, int Duplicates, int NearDuplicates, int Partials, int Errors, double Seconds, long Bytes, double BytesPerArticle, int Evicted = 0);

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

internal sealed record RunStatistics(int Articles, int Clusters, int MultiMemberClusters, int Duplicates, int NearDuplicates, int Partials, int Errors, double Seconds, long Bytes, double BytesPerArticle);

namespace Syndicate.Cli.Evaluation;

/// <summary>A generated corpus and its gold labels, both ordered as they are written.</summary>
internal sealed class GeneratedCorpus
{
    public GeneratedCorpus(IReadOnlyList<GeneratedArticle> articles, IReadOnlyList<GoldRecord> gold)
    {
        Articles = articles;
        Gold = gold;
    }

    /// <summary>The articles in publication order (ties broken by id), as a feed would deliver them.</summary>
    public IReadOnlyList<GeneratedArticle> Articles { get; }

    /// <summary>One record per article, in the same order as <see cref="Articles"/>.</summary>
    public IReadOnlyList<GoldRecord> Gold { get; }
}

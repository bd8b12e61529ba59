namespace Syndicate.Cli.Evaluation;

/// <summary>One article of a generated corpus, in the corpus JSONL schema.</summary>
internal sealed class GeneratedArticle
{
    public GeneratedArticle(string id, string source, string url, DateTimeOffset published, string title, string body)
    {
        Id = id;
        Source = source;
        Url = url;
        Published = published;
        Title = title;
        Body = body;
    }

    public string Id { get; }

    /// <summary>The outlet code (or the wire's code for the wire's own copy).</summary>
    public string Source { get; }

    public string Url { get; }

    public DateTimeOffset Published { get; }

    public string Title { get; }

    public string Body { get; }

    /// <summary>The article as the library's input type.</summary>
    public Article ToArticle() => new(Id, Source, Body) { Title = Title, Url = Url, Published = Published };
}

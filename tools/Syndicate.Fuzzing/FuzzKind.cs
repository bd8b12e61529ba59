namespace Syndicate.Fuzzing;

/// <summary>The input path one fuzz case goes through.</summary>
internal enum FuzzKind
{
    /// <summary>A JSON Lines document through <see cref="Input.ArticleReader"/>, then the engine.</summary>
    Jsonl,

    /// <summary>A JSON array document through <see cref="Input.ArticleReader"/>, then the engine.</summary>
    Json,

    /// <summary>An RSS 2.0 feed through <see cref="Input.ArticleReader"/>, then the engine.</summary>
    Rss,

    /// <summary>An Atom feed through <see cref="Input.ArticleReader"/>, then the engine.</summary>
    Atom,

    /// <summary>A plain-text article through <see cref="Input.ArticleReader"/>, then the engine.</summary>
    Text,

    /// <summary>A CSV or TSV document through <see cref="Input.ArticleReader"/>, then the engine.</summary>
    Csv,

    /// <summary>A text head through <see cref="Attribution.DatelineParser"/>.</summary>
    Dateline,

    /// <summary>A text through <see cref="Text.TextNormalizer"/>.</summary>
    Normalizer,

    /// <summary>A title and body through <see cref="Cleaning.ArticleCleaner"/>.</summary>
    Cleaner,

    /// <summary>A sequence of Add, Query, Remove and Evict calls on the engine.</summary>
    Engine,
}

namespace Syndicate;

/// <summary>
/// One news article as it arrives from a feed: who published it, when, and its text.
/// </summary>
/// <remarks>
/// Only <see cref="Id"/>, <see cref="Source"/> and <see cref="Body"/> are required. The engine separates what belongs
/// to the outlet (dateline, credits, repeated title, widget text) from what belongs to the story before fingerprinting,
/// so the body may be passed exactly as scraped.
/// </remarks>
public sealed class Article
{
    /// <summary>Creates an article.</summary>
    /// <param name="id">A caller-chosen identifier, unique within one engine.</param>
    /// <param name="source">The outlet that published this copy (a site name or code such as <c>okaz</c> or <c>was</c>).</param>
    /// <param name="body">The article text as published, paragraphs separated by line breaks.</param>
    public Article(string id, string source, string body)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(body);
        Id = id;
        Source = source;
        Body = body;
    }

    /// <summary>The caller's identifier of this copy.</summary>
    public string Id { get; }

    /// <summary>The outlet that published this copy.</summary>
    public string Source { get; }

    /// <summary>The article text as published.</summary>
    public string Body { get; }

    /// <summary>The headline, if known. Used to strip a repeated title from the body, and as the text of headline-only items.</summary>
    public string? Title { get; init; }

    /// <summary>Where this copy was published, if known.</summary>
    public string? Url { get; init; }

    /// <summary>
    /// When this copy was published, if known. Drives the default canonical choice and the sliding window, and keeps the
    /// instances of a template series (two days' weather bulletins) apart: copies more than 36 hours apart are linked
    /// only as near-duplicates. Without it such series are more often merged.
    /// </summary>
    public DateTimeOffset? Published { get; init; }
}

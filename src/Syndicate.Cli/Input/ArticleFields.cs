namespace Syndicate.Cli.Input;

/// <summary>
/// What an article is made of in a record with named fields (a JSON object, a CSV row): the names read, and the rules
/// that turn their values into an <see cref="Article"/> or say what is wrong.
/// </summary>
internal static class ArticleFields
{
    /// <summary>The field names an article is read from, as they are matched in a JSON object.</summary>
    public static readonly string[] Names = ["id", "source", "url", "published", "date", "title", "body", "text", "content"];

    /// <summary>
    /// Builds the article from its fields. The body is <c>body</c>, else <c>text</c>, else <c>content</c>; a record with
    /// a title and none of them is kept with an empty body and a warning, as a feed's headline-only item is. A missing or
    /// empty id, or neither a body nor a title, is an error.
    /// </summary>
    public static bool TryCreate(
        string? id, string? source, string? url, string? title, string? body, string? text, string? content,
        DateTimeOffset? published, out Article? article, out string? error, ref string? warning)
    {
        article = null;
        if (id is null)
        {
            error = "missing field 'id'";
            return false;
        }

        if (id.Length == 0)
        {
            error = "field 'id' is empty";
            return false;
        }

        body ??= text ?? content;
        if (body is null)
        {
            if (string.IsNullOrWhiteSpace(title))
            {
                error = "missing field 'body'";
                return false;
            }

            // A headline without a text, as feeds carry (a feed's item with a title alone is kept too): kept, with an
            // empty story text, so that it is delivered and counted, though it is no one's copy.
            body = string.Empty;
            warning ??= "no 'body', 'text' or 'content': kept with its title alone, a story of its own";
        }

        article = Create(id, source, body, title, url, published);
        error = null;
        return true;
    }

    /// <summary>The article the readers build from the fields they read; a missing or empty source is <see cref="JsonArticle.UnknownSource"/>.</summary>
    public static Article Create(string id, string? source, string body, string? title, string? url, DateTimeOffset? published) =>
        new(id, string.IsNullOrEmpty(source) ? JsonArticle.UnknownSource : source, body)
        {
            Title = title,
            Url = url,
            Published = published,
        };

    /// <summary>
    /// Reads a time written as text: ISO 8601 / RFC 3339, RFC 1123 / 822, or Unix seconds or milliseconds as digits. On
    /// failure <paramref name="problem"/> says why, naming the field, for a warning: the article is kept without a time.
    /// </summary>
    public static bool TryParseDate(string name, string text, out DateTimeOffset value, out string? problem)
    {
        if (PublishedDate.TryParseIso(text, out value) || PublishedDate.TryParseRfc822(text, out value)
            || PublishedDate.TryParseUnixDigits(text, out value))
        {
            problem = null;
            return true;
        }

        problem = $"{name} ignored: '{text}' is not a valid ISO 8601, RFC 1123/822 or Unix time";
        return false;
    }
}

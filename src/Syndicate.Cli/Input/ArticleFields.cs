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

    /// <summary>
    /// The article the readers build from the fields they read. A missing or empty source is the host of the article's
    /// url (see <see cref="SourceOfUrl"/>), else <see cref="JsonArticle.UnknownSource"/>.
    /// </summary>
    public static Article Create(string id, string? source, string body, string? title, string? url, DateTimeOffset? published) =>
        new(id, !string.IsNullOrEmpty(source) ? source : SourceOfUrl(url) ?? JsonArticle.UnknownSource, body)
        {
            Title = title,
            Url = url,
            Published = published,
        };

    /// <summary>
    /// The outlet an http or https url names: its host, in lower case, without a leading <c>www.</c>
    /// (<c>https://www.reuters.com/world/…</c> gives <c>reuters.com</c>); null for anything else. A corpus without a
    /// source field still reports which outlets carried a story, and the outlets' recurring paragraphs are learned
    /// apart.
    /// </summary>
    internal static string? SourceOfUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) && host.Length > 4 ? host[4..] : host;
    }

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

namespace Syndicate.Cli.Input;

/// <summary>
/// The top-level fields of an input's first records that no article field is read from (<c>published_at</c>,
/// <c>outlet</c>, <c>headline</c>), so that a schema the reader does not know is named, not silently dropped.
/// </summary>
internal sealed class FieldSurvey
{
    /// <summary>How many records of an input are surveyed: enough to see its schema, few enough to cost nothing.</summary>
    public const int Records = 100;

    /// <summary>What the notice says an article is read from.</summary>
    public const string ReadFields = "an article is read from id, source, url, published or date, title, and body, text or content";

    private readonly SortedSet<string> _found = new(StringComparer.Ordinal);
    private int _surveyed;
    private int _taken;

    /// <summary>Surveys one record's JSON, while fewer than <see cref="Records"/> have been.</summary>
    public void Add(ReadOnlySpan<byte> json)
    {
        if (_surveyed < Records)
        {
            _surveyed++;
            JsonArticle.CollectUnreadFields(json, _found);
        }
    }

    /// <summary>Every field found so far, in ordinal order, when one was found since the last call; otherwise empty.</summary>
    public IReadOnlyList<string> TakeNew()
    {
        if (_found.Count == _taken)
        {
            return [];
        }

        _taken = _found.Count;
        return [.. _found];
    }
}

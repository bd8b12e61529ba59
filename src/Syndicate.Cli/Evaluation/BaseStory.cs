namespace Syndicate.Cli.Evaluation;

/// <summary>A clean news story (headline and paragraphs, no outlet furniture) that the generator syndicates.</summary>
internal sealed class BaseStory
{
    public BaseStory(string id, string title, IReadOnlyList<string> paragraphs)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(paragraphs);
        if (paragraphs.Count == 0)
        {
            throw new ArgumentException("A base story needs at least one paragraph.", nameof(paragraphs));
        }

        Id = id;
        Title = title;
        Paragraphs = paragraphs;
    }

    /// <summary>Where the story came from (a seed file name, a data set id).</summary>
    public string Id { get; }

    public string Title { get; }

    public IReadOnlyList<string> Paragraphs { get; }
}

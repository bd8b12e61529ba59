namespace Syndicate.Cli.Evaluation;

/// <summary>The gold label of one corpus article.</summary>
internal sealed class GoldRecord
{
    public GoldRecord(string id, string story, string kind, string? wire, bool original, string? borrowedFrom = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(story);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        Id = id;
        Story = story;
        Kind = kind;
        Wire = wire;
        Original = original;
        BorrowedFrom = borrowedFrom;
    }

    /// <summary>The article's id in the corpus.</summary>
    public string Id { get; }

    /// <summary>The gold story: articles with the same value are copies of one story.</summary>
    public string Story { get; }

    /// <summary>One of <see cref="GoldKinds"/>.</summary>
    public string Kind { get; }

    /// <summary>The English name of the wire the story came from, or <see langword="null"/> for an outlet's own story.</summary>
    public string? Wire { get; }

    /// <summary>Whether this is the story's original: the wire's own copy, or the earliest copy when the wire copy is absent.</summary>
    public bool Original { get; }

    /// <summary>
    /// For a hard negative, the story whose paragraphs it reuses; for a compilation, the story whose opening leads
    /// it; otherwise <see langword="null"/>.
    /// </summary>
    public string? BorrowedFrom { get; }
}

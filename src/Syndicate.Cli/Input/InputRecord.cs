namespace Syndicate.Cli.Input;

/// <summary>An article together with where it was read from.</summary>
/// <param name="Article">The article.</param>
/// <param name="Input">
/// The input it came from: the path as given, <c>-</c> for standard input, or for a directory the path of the text file.
/// </param>
/// <param name="Line">
/// The 1-based line of the input where the record starts: the line of a JSON Lines record, the line of the opening
/// brace of an object in a JSON array, the line of the <c>&lt;item&gt;</c> or <c>&lt;entry&gt;</c> start tag in a
/// feed, and 1 for a text file (the whole file is the record).
/// </param>
internal sealed record InputRecord(Article Article, string Input, long Line)
{
    /// <summary>
    /// A problem of a record that is kept nonetheless, without the location, such as
    /// <c>published ignored: '2014-09-31' is not a valid time</c>; null when there is none.
    /// </summary>
    public string? Warning { get; init; }

    /// <summary>
    /// True for an item of an RSS or Atom feed, whose id is the feed's (its <c>guid</c> or <c>link</c>) rather than one the
    /// corpus chose: another outlet's feed may carry the same wire item under the same one.
    /// </summary>
    public bool FromFeed { get; init; }
}

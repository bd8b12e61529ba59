namespace Syndicate.Cli.Commands;

/// <summary>A batch of input articles, in input order.</summary>
/// <param name="Articles">The articles.</param>
/// <param name="ShareRead">
/// The share of the input's bytes read when the batch was complete, from 0 to 1; null when the input's size is unknown.
/// </param>
internal readonly record struct ReadBatch(List<Article> Articles, double? ShareRead);

using Syndicate.Cli.Input;

namespace Syndicate.Fuzzing;

/// <summary>One generated input and what a correct reader must make of it.</summary>
/// <param name="Bytes">The input as stored (possibly gzip-compressed, truncated or damaged).</param>
/// <param name="Format">The format it is declared as (or <see cref="InputFormat.Auto"/>).</param>
/// <param name="Extension">A file extension for it when it goes through a file.</param>
/// <param name="MustRead">Records the reader must return in this order (ids, and bodies where not null): the ones left intact.</param>
/// <param name="Exact">Whether the document is undamaged, so that the reader must return exactly <paramref name="MustRead"/> and no error.</param>
/// <param name="Lines">How many lines the text has, an upper bound for the line an error names.</param>
internal sealed record FuzzDocument(byte[] Bytes, InputFormat Format, string Extension, IReadOnlyList<(string Id, string? Body)> MustRead, bool Exact, long Lines);

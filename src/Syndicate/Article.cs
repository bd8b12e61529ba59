using System.Buffers;
using System.Text;
using System.Text.Unicode;

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
        _body = body;
    }

    /// <summary>Creates an article whose body the caller holds as UTF-8 bytes (a feed payload, a message, a file).</summary>
    /// <param name="id">A caller-chosen identifier, unique within one engine.</param>
    /// <param name="source">The outlet that published this copy.</param>
    /// <param name="utf8Body">
    /// The article text as published, in UTF-8. It is read, not copied: it must not change while the article is in use
    /// (as with <c>JsonDocument.Parse(ReadOnlyMemory&lt;byte&gt;)</c>). The engine copies what it keeps.
    /// </param>
    /// <remarks>
    /// The article is the one created with <c>Encoding.UTF8.GetString(utf8Body)</c> as its body (an invalid sequence
    /// reads as U+FFFD, a byte order mark is kept): it gets the same fingerprint, the same verdict and the same journal
    /// record. Valid UTF-8 is cleaned and fingerprinted from a pooled buffer, so no string of the raw body is made: the
    /// only one is the cleaned story text, which the engine keeps anyway. <see cref="Body"/> decodes the bytes when first
    /// read. Invalid UTF-8 is decoded here, once.
    /// </remarks>
    public Article(string id, string source, ReadOnlyMemory<byte> utf8Body)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(source);
        Id = id;
        Source = source;
        if (Utf8.IsValid(utf8Body.Span))
        {
            _utf8Body = utf8Body;
            _isUtf8 = true;
        }
        else
        {
            _body = Encoding.UTF8.GetString(utf8Body.Span);
        }
    }

    // The body is _body, or the valid UTF-8 of _utf8Body when _isUtf8 (then _body caches its decoding once read).
    private string? _body;
    private readonly ReadOnlyMemory<byte> _utf8Body;
    private readonly bool _isUtf8;
    private ulong _textHash;

    /// <summary>The caller's identifier of this copy.</summary>
    public string Id { get; }

    /// <summary>The outlet that published this copy.</summary>
    public string Source { get; }

    /// <summary>The article text as published.</summary>
    /// <remarks>For an article created from UTF-8 bytes, decoded on first read and kept.</remarks>
    public string Body => _body ??= Encoding.UTF8.GetString(_utf8Body.Span);

    /// <summary>Whether the body is held as valid UTF-8 bytes (<see cref="Utf8Body"/>).</summary>
    internal bool IsUtf8 => _isUtf8;

    /// <summary>The body's valid UTF-8 bytes when <see cref="IsUtf8"/>; the caller's memory, never written to.</summary>
    internal ReadOnlySpan<byte> Utf8Body => _utf8Body.Span;

    /// <summary><see cref="Internal.Utf16Hash.OfText"/> of the title and body, computed once (never 0).</summary>
    internal ulong TextHash => _textHash != 0 ? _textHash : _textHash = ReadBody(Title, static (body, _, title) => Internal.Utf16Hash.OfText(title, body));

    /// <summary>Whether the body is empty or only white space.</summary>
    internal bool IsBodyBlank => ReadBody(0, static (body, _, _) => body.IsWhiteSpace());

    /// <summary>Sets <see cref="TextHash"/> from the body already decoded by a caller of <see cref="ReadBody"/>.</summary>
    internal void RememberTextHash(ReadOnlySpan<char> body) => _textHash = Internal.Utf16Hash.OfText(Title, body);

    /// <summary>
    /// Calls <paramref name="read"/> with the body as characters: the string itself, or the UTF-8 bytes decoded into a
    /// pooled buffer (no string made).
    /// </summary>
    internal TResult ReadBody<TState, TResult>(TState state, BodyReader<TState, TResult> read)
        where TState : allows ref struct
    {
        if (_body is { } body)
        {
            return read(body, body, state);
        }

        ReadOnlySpan<byte> utf8 = _utf8Body.Span;
        // UTF-8 never takes fewer bytes than UTF-16 takes chars.
        char[] chars = ArrayPool<char>.Shared.Rent(Math.Max(1, utf8.Length));
        try
        {
            int length = Encoding.UTF8.GetChars(utf8, chars);
            return read(chars.AsSpan(0, length), null, state);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Reads a body as characters; <paramref name="asString"/> is the same text as a string when there is one.</summary>
    internal delegate TResult BodyReader<TState, TResult>(ReadOnlySpan<char> body, string? asString, TState state)
        where TState : allows ref struct;

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

namespace Syndicate.Text;

/// <summary>
/// Enumerates the tokens of normalized text (see <see cref="TextNormalizer"/>) without allocating.
/// Use it with <c>foreach</c>: each <see cref="Current"/> is a slice of the input.
/// </summary>
/// <remarks>
/// Tokens are the runs between U+0020 spaces. Runs of several spaces and leading or trailing
/// spaces are tolerated (they yield no empty tokens), so text that is not exactly normalized
/// still enumerates sensibly.
/// </remarks>
internal ref struct TokenEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private int _start;
    private int _length;
    private int _next;

    /// <summary>Creates an enumerator over <paramref name="normalized"/>.</summary>
    public TokenEnumerator(ReadOnlySpan<char> normalized)
    {
        _text = normalized;
        _start = 0;
        _length = 0;
        _next = 0;
    }

    /// <summary>The current token.</summary>
    public readonly ReadOnlySpan<char> Current => _text.Slice(_start, _length);

    /// <summary>The offset of the current token in the enumerated text.</summary>
    public readonly int CurrentStart => _start;

    /// <summary>The length of the current token.</summary>
    public readonly int CurrentLength => _length;

    /// <summary>Returns this enumerator, so that it can be used with <c>foreach</c>.</summary>
    public readonly TokenEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next token.</summary>
    /// <returns><see langword="false"/> when there are no more tokens.</returns>
    public bool MoveNext()
    {
        ReadOnlySpan<char> text = _text;
        int position = _next;
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }

        if (position >= text.Length)
        {
            _next = text.Length;
            _start = text.Length;
            _length = 0;
            return false;
        }

        int length = text[position..].IndexOf(' ');
        if (length < 0)
        {
            length = text.Length - position;
        }

        _start = position;
        _length = length;
        _next = position + length;
        return true;
    }
}

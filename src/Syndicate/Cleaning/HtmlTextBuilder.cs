using System.Net;
using System.Text;

namespace Syndicate.Cleaning;

/// <summary>Collects the text of <see cref="HtmlText"/> with collapsed whitespace and at most one line feed between blocks.</summary>
internal sealed class HtmlTextBuilder
{
    private readonly StringBuilder _builder;
    private readonly bool _lineFeedsBreak;
    private bool _pendingSpace;
    private bool _pendingBreak;
    private HashSet<string>? _unclosed;

    /// <param name="capacity">The expected length of the text.</param>
    /// <param name="lineFeedsBreak">Whether a line feed in the text is a paragraph break, as a block element is, rather than whitespace.</param>
    public HtmlTextBuilder(int capacity, bool lineFeedsBreak)
    {
        _builder = new StringBuilder(capacity);
        _lineFeedsBreak = lineFeedsBreak;
    }

    public void Break() => _pendingBreak = true;

    /// <summary>Whether an element of this name was found without a closing tag after it, so none follows later either.</summary>
    public bool IsUnclosed(ReadOnlySpan<char> name) =>
        _unclosed is not null && _unclosed.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);

    public void MarkUnclosed(string name) => (_unclosed ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(name);

    public void AppendText(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        if (text.Contains('&'))
        {
            text = WebUtility.HtmlDecode(text.ToString());
        }

        foreach (var c in text)
        {
            if (c == '\n' && _lineFeedsBreak)
            {
                _pendingBreak = true;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = true;
                continue;
            }

            if (_builder.Length > 0)
            {
                if (_pendingBreak)
                {
                    _builder.Append('\n');
                }
                else if (_pendingSpace)
                {
                    _builder.Append(' ');
                }
            }

            _pendingBreak = false;
            _pendingSpace = false;
            _builder.Append(c);
        }
    }

    public override string ToString() => _builder.ToString();
}

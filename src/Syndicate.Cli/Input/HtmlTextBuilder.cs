using System.Net;
using System.Text;

namespace Syndicate.Cli.Input;

/// <summary>Collects the text of <see cref="HtmlText"/> with collapsed whitespace and at most one line feed between blocks.</summary>
internal sealed class HtmlTextBuilder
{
    private readonly StringBuilder _builder;
    private bool _pendingSpace;
    private bool _pendingBreak;

    public HtmlTextBuilder(int capacity) => _builder = new StringBuilder(capacity);

    public void Break() => _pendingBreak = true;

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

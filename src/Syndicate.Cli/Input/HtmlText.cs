using System.Net;
using System.Text;

namespace Syndicate.Cli.Input;

/// <summary>Turns the HTML of a feed item into plain text with paragraphs on separate lines.</summary>
/// <remarks>
/// Tags are removed, the contents of <c>script</c>, <c>style</c> and comments dropped, entities decoded, runs of
/// whitespace collapsed to one space, and block elements (paragraphs, line breaks, list items, headings, table rows and
/// the like) turned into a line feed; lines are never blank and never start or end with a space. Text with no tag at
/// all is taken as plain text whose line breaks are paragraph breaks. This is a tolerant scanner for article markup,
/// not an HTML5 parser.
/// </remarks>
internal static class HtmlText
{
    private static readonly HashSet<string> s_blockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption", "figure",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    };

    /// <summary>Converts HTML (or plain text) to plain text.</summary>
    public static string ToText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!ContainsTag(html))
        {
            return PlainText(html);
        }

        var output = new HtmlTextBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var lt = NextTag(html, i);
            if (lt < 0)
            {
                output.AppendText(html.AsSpan(i));
                break;
            }

            output.AppendText(html.AsSpan(i, lt - i));
            i = SkipMarkup(html, lt, output);
        }

        return output.ToString();
    }

    // Converts text without tags: entities decoded, each line trimmed, blank lines dropped.
    private static string PlainText(string text)
    {
        if (text.Contains('&', StringComparison.Ordinal))
        {
            text = WebUtility.HtmlDecode(text);
        }

        var builder = new StringBuilder(text.Length);
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            builder.Append(line);
        }

        return builder.ToString();
    }

    private static bool ContainsTag(string html) => NextTag(html, 0) >= 0;

    // The index of the next '<' that opens a tag, a closing tag, a comment or a declaration; a '<' followed by
    // anything else (as in "a < b") is text.
    private static int NextTag(string html, int from)
    {
        while (true)
        {
            var lt = html.IndexOf('<', from);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                return -1;
            }

            var next = html[lt + 1];
            if (char.IsAsciiLetter(next) || next is '/' or '!' or '?')
            {
                return lt;
            }

            from = lt + 1;
        }
    }

    // Moves past the markup starting at html[lt] == '<' and returns the index after it.
    private static int SkipMarkup(string html, int lt, HtmlTextBuilder output)
    {
        if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
        {
            var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
            return end < 0 ? html.Length : end + 3;
        }

        var close = html[lt + 1] == '/';
        var nameStart = close ? lt + 2 : lt + 1;
        var nameEnd = nameStart;
        while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is ':' or '-'))
        {
            nameEnd++;
        }

        var afterTag = EndOfTag(html, nameEnd);
        var name = html.AsSpan(nameStart, nameEnd - nameStart);
        if (!close && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
        {
            var end = html.IndexOf(string.Concat("</", name), afterTag, StringComparison.OrdinalIgnoreCase);
            return end < 0 ? html.Length : EndOfTag(html, end + 2 + name.Length);
        }

        if (s_blockElements.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
        {
            output.Break();
        }

        return afterTag;
    }

    // The index after the '>' closing a tag whose attributes start at 'from', honouring quoted attribute values.
    private static int EndOfTag(string html, int from)
    {
        var quote = '\0';
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return html.Length;
    }
}

using System.Buffers;
using System.Net;
using System.Text;

namespace Syndicate.Cleaning;

/// <summary>Turns the HTML of an article (a feed item's description, a scraped page's body) into plain text with paragraphs on separate lines.</summary>
/// <remarks>
/// Tags are removed, the contents of <c>script</c>, <c>style</c>, comments and the page around the story (<c>nav</c>,
/// <c>aside</c>, <c>footer</c>, <c>form</c> and the like) dropped, entities decoded, runs of
/// whitespace collapsed to one space, and block elements (paragraphs, line breaks, list items, headings, table rows and
/// the like) turned into a line feed; lines are never blank and never start or end with a space. Text with no tag at
/// all is taken as plain text whose line breaks are paragraph breaks. This is a tolerant scanner for article markup,
/// not an HTML5 parser.
/// <para>
/// The engine applies the same conversion to every article whose title or body carries markup (see
/// <see cref="ContainsMarkup"/>), so a copy served as HTML and a copy served as text get the same fingerprint; callers
/// need this class only for text they show or store themselves.
/// </para>
/// </remarks>
public static class HtmlText
{
    /// <summary>The longest entity name or number looked for between <c>&amp;</c> and <c>;</c>.</summary>
    private const int MaxEntityLength = 32;

    private static readonly SearchValues<char> s_entityNameChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    private static readonly HashSet<string> s_blockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption", "figure",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    };

    /// <summary>
    /// Elements of the page around a story, whose contents are dropped as a script's are: navigation, asides (related
    /// links, pull quotes), footers, forms and their controls, and fallbacks (<c>noscript</c>, <c>template</c>).
    /// </summary>
    private static readonly HashSet<string> s_pageElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "aside", "button", "footer", "form", "nav", "noscript", "select", "template",
    };

    /// <summary>
    /// Inline elements that mark a text as HTML, beside the block elements: a <c>&lt;</c> followed by one of these
    /// names (or a block element's) and then <c>&gt;</c>, <c>/</c> or a space opens a tag.
    /// </summary>
    private static readonly HashSet<string> s_inlineElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "audio", "b", "big", "body", "button", "center", "cite", "code", "del", "em", "font", "form", "head",
        "html", "i", "iframe", "img", "input", "ins", "label", "link", "mark", "meta", "noscript", "picture", "q", "s",
        "script", "small", "source", "span", "strike", "strong", "style", "sub", "sup", "svg", "time", "title", "u",
        "video", "wbr",
    };

    /// <summary>Converts HTML (or plain text) to plain text.</summary>
    /// <param name="html">HTML markup, or plain text.</param>
    /// <returns>
    /// The text with tags removed and entities decoded, one paragraph per line; for text without any tag, the text with
    /// its entities decoded, each line trimmed and blank lines dropped.
    /// </returns>
    public static string ToText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!ContainsTag(html))
        {
            return PlainText(html);
        }

        return Convert(html, lineFeedsBreak: false);
    }

    /// <summary>
    /// Returns whether <paramref name="text"/> carries markup: a tag of a known HTML element, a closing tag of one, a
    /// comment, or a character or named entity such as <c>&amp;quot;</c> or <c>&amp;#8220;</c>.
    /// </summary>
    /// <param name="text">Any text.</param>
    /// <returns>
    /// <see langword="true"/> when the text has markup; a <c>&lt;</c> or <c>&amp;</c> of ordinary text (as in
    /// <c>a &lt; b</c> or <c>AT&amp;T</c>) is not markup.
    /// </returns>
    public static bool ContainsMarkup(ReadOnlySpan<char> text) => HasElementTag(text) || HasEntity(text);

    /// <summary>
    /// The plain text of an article's title or body that <see cref="ContainsMarkup"/> found markup in: tags removed as by
    /// <see cref="ToText"/>, and line feeds kept as paragraph breaks, as they are in the text of an article that mixes
    /// paragraphs of text with inline tags; without a tag, the text with its entities decoded and nothing else changed.
    /// </summary>
    internal static string ArticleText(string text) =>
        HasElementTag(text) ? Convert(text, lineFeedsBreak: true) : WebUtility.HtmlDecode(text);

    private static string Convert(string html, bool lineFeedsBreak)
    {
        var output = new HtmlTextBuilder(html.Length, lineFeedsBreak);
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

    // A '<' that opens a tag or closing tag of a known element, or a comment.
    private static bool HasElementTag(ReadOnlySpan<char> text)
    {
        var blocks = s_blockElements.GetAlternateLookup<ReadOnlySpan<char>>();
        var inline = s_inlineElements.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var lt = text.IndexOf('<'); lt >= 0; lt = Next(text, lt, '<'))
        {
            var rest = text[(lt + 1)..];
            if (rest.StartsWith("!--", StringComparison.Ordinal))
            {
                return true;
            }

            if (rest.Length > 0 && rest[0] == '/')
            {
                rest = rest[1..];
            }

            var nameLength = 0;
            while (nameLength < rest.Length && char.IsAsciiLetterOrDigit(rest[nameLength]))
            {
                nameLength++;
            }

            if (nameLength == 0 || nameLength == rest.Length || !(rest[nameLength] is '>' or '/' || char.IsWhiteSpace(rest[nameLength])))
            {
                continue;
            }

            var name = rest[..nameLength];
            if (blocks.Contains(name) || inline.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    // An '&' that starts an entity HTML decoding replaces: '&#' and digits, '&#x' and hex digits, or a known name,
    // then ';'.
    private static bool HasEntity(ReadOnlySpan<char> text)
    {
        for (var amp = text.IndexOf('&'); amp >= 0; amp = Next(text, amp, '&'))
        {
            // An entity is short: looking for its ';' no further keeps a text of many '&' and no ';' linear.
            var window = text.Slice(amp + 1, Math.Min(MaxEntityLength + 1, text.Length - amp - 1));
            var end = window.IndexOf(';');
            if (end <= 0)
            {
                continue;
            }

            var inner = text.Slice(amp + 1, end);
            var shaped = inner[0] == '#'
                ? inner.Length > 1 && (inner[1] is 'x' or 'X' ? IsHex(inner[2..]) : IsDecimal(inner[1..]))
                : !inner.ContainsAnyExcept(s_entityNameChars);
            if (shaped)
            {
                var entity = text.Slice(amp, end + 2).ToString();
                if (WebUtility.HtmlDecode(entity) != entity)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsDecimal(ReadOnlySpan<char> digits) =>
        digits.Length is > 0 and <= 7 && !digits.ContainsAnyExceptInRange('0', '9');

    private static bool IsHex(ReadOnlySpan<char> digits)
    {
        if (digits.Length is 0 or > 6)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int Next(ReadOnlySpan<char> text, int at, char c)
    {
        var next = text[(at + 1)..].IndexOf(c);
        return next < 0 ? -1 : at + 1 + next;
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

        if (!close && s_pageElements.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name) && !output.IsUnclosed(name))
        {
            // The page around the story, not the story: its contents go, up to the closing tag. Without one (a page
            // cut short, or markup in error) nothing is dropped, and the element is not looked for again.
            var end = html.IndexOf(string.Concat("</", name), afterTag, StringComparison.OrdinalIgnoreCase);
            if (end >= 0)
            {
                output.Break();
                return EndOfTag(html, end + 2 + name.Length);
            }

            output.MarkUnclosed(name.ToString());
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

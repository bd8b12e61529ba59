using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Xml;
using Syndicate.Cleaning;

namespace Syndicate.Cli.Input;

/// <summary>Streams the items of an RSS (2.0, also 1.0) or the entries of an Atom feed, told apart by the root element.</summary>
/// <remarks>
/// <para>
/// RSS: id from <c>guid</c>, else <c>link</c>; body from <c>content:encoded</c>, else <c>description</c>, as HTML;
/// published from <c>pubDate</c> (RFC 822), else <c>dc:date</c>; source from the item's <c>source</c>, else the
/// channel title. Atom: id from <c>id</c>, else the alternate <c>link</c>; body from <c>content</c>, else
/// <c>summary</c>, as HTML unless <c>type="text"</c>; published from <c>published</c>, else <c>updated</c>; source from
/// the entry's <c>source/title</c>, else the feed title. A feed title that comes after the items is not applied to
/// them. An item without a body is read with an empty body if it has a title (a headline-only item). A time that cannot
/// be read is left out with a warning on the record, which is kept.
/// </para>
/// <para>
/// Document type declarations are ignored and nothing external is ever resolved, so entity expansion and external
/// entity attacks do not apply. XML that is not well formed ends the input with an error at the reported line; the
/// items before it have been returned.
/// </para>
/// </remarks>
internal sealed class FeedSource : IRecordSource
{
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    private readonly XmlReader _reader;
    private readonly IXmlLineInfo? _lineInfo;
    private readonly string _input;
    private bool _started;
    private bool _done;
    private string? _warning;
    private bool _atom;
    private int _itemDepth;
    private int _titleDepth;
    private string? _feedTitle;

    public FeedSource(Stream stream, string input)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        _reader = XmlReader.Create(stream, settings);
        _lineInfo = _reader as IXmlLineInfo;
        _input = input;
    }

    public long Line => _lineInfo?.LineNumber ?? 0;

    public bool TryReadNext(out InputRecord? record, out InputError? error)
    {
        record = null;
        error = null;
        if (_done)
        {
            return false;
        }

        try
        {
            if (!_started && !Start(out error))
            {
                _done = true;
                return true;
            }

            while (!_reader.EOF)
            {
                if (_reader.NodeType == XmlNodeType.Element)
                {
                    if (_reader.Depth == _itemDepth && _reader.LocalName == (_atom ? "entry" : "item"))
                    {
                        var line = Line;
                        _warning = null;
                        var article = _atom ? ReadEntry(out var message) : ReadItem(out message);
                        if (article is not null)
                        {
                            record = new InputRecord(article, _input, line) { Warning = _warning, FromFeed = true };
                        }
                        else
                        {
                            error = new InputError(_input, line, message!);
                        }

                        return true;
                    }

                    if (_reader.Depth == _titleDepth && _reader.LocalName == "title")
                    {
                        _feedTitle = Clean(ReadContent(_reader), html: !_atom || IsHtml(_reader));
                        continue;
                    }
                }

                _reader.Read();
            }

            _done = true;
            return false;
        }
        catch (XmlException ex)
        {
            _done = true;
            error = new InputError(_input, ex.LineNumber, "malformed XML: " + Describe(ex), endsInput: true);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            // XmlTextReader fails this way (a negative Buffer.BlockCopy count in ReadData) on some damaged XML
            // declarations whose bytes arrive in small pieces, as from a cut-short gzip stream.
            _done = true;
            error = new InputError(_input, Line, "malformed XML: the XML reader could not decode the input", endsInput: true);
            return true;
        }
    }

    public void Dispose() => _reader.Dispose();

    private bool Start(out InputError? error)
    {
        _started = true;
        _reader.MoveToContent();
        switch (_reader.LocalName)
        {
            case "rss":
                _itemDepth = 2; // rss > channel > item
                _titleDepth = 2;
                break;
            case "RDF":
                _itemDepth = 1; // rdf:RDF > item, beside channel
                _titleDepth = 2;
                break;
            case "feed":
                _atom = true;
                _itemDepth = 1; // feed > entry
                _titleDepth = 1;
                break;
            default:
                error = new InputError(_input, Line, $"not an RSS or Atom feed: root element is '{_reader.Name}'", endsInput: true);
                return false;
        }

        error = null;
        return true;
    }

    // Reads an RSS item; the reader is on its start tag and ends after its end tag.
    private Article? ReadItem(out string? error)
    {
        string? title = null, link = null, guid = null, pubDate = null, dcDate = null;
        string? description = null, encoded = null, source = null;
        foreach (var child in Children(_reader))
        {
            switch (child.LocalName)
            {
                case "title" when _reader.NamespaceURI.Length == 0:
                    title = ReadContent(_reader);
                    break;
                case "link" when _reader.NamespaceURI.Length == 0:
                    link = ReadContent(_reader);
                    break;
                case "guid":
                    guid = ReadContent(_reader);
                    break;
                case "pubDate":
                    pubDate = ReadContent(_reader);
                    break;
                case "date" when _reader.NamespaceURI == DublinCoreNamespace:
                    dcDate = ReadContent(_reader);
                    break;
                case "description":
                    description = ReadContent(_reader);
                    break;
                case "encoded" when _reader.NamespaceURI == ContentNamespace:
                    encoded = ReadContent(_reader);
                    break;
                case "source" when _reader.NamespaceURI.Length == 0:
                    source = ReadContent(_reader);
                    break;
                default:
                    _reader.Skip();
                    break;
            }
        }

        var id = NonEmpty(guid) ?? NonEmpty(link);
        if (id is null)
        {
            error = "item has neither 'guid' nor 'link'";
            return null;
        }

        DateTimeOffset? published = null;
        if (NonEmpty(pubDate) is { } pubDateText)
        {
            if (PublishedDate.TryParseRfc822(pubDateText, out var value))
            {
                published = value;
            }
            else
            {
                _warning = $"published ignored: 'pubDate' is not a valid RFC 822 or ISO 8601 time: '{pubDateText}'";
            }
        }
        else if (NonEmpty(dcDate) is { } dcDateText)
        {
            if (PublishedDate.TryParseIso(dcDateText, out var value))
            {
                published = value;
            }
            else
            {
                _warning = $"published ignored: 'dc:date' is not a valid ISO 8601 time: '{dcDateText}'";
            }
        }

        return Build(id, Clean(title, html: true), NonEmpty(link), published, encoded ?? description, html: true, NonEmpty(source), out error);
    }

    // Reads an Atom entry; the reader is on its start tag and ends after its end tag.
    private Article? ReadEntry(out string? error)
    {
        string? id = null, title = null, link = null, published = null, updated = null, content = null, summary = null;
        string? source = null;
        bool contentHtml = true, summaryHtml = true;
        foreach (var child in Children(_reader))
        {
            switch (child.LocalName)
            {
                case "id":
                    id = ReadContent(_reader);
                    break;
                case "title":
                    var titleHtml = IsHtml(_reader);
                    title = Clean(ReadContent(_reader), titleHtml);
                    break;
                case "link":
                    var rel = _reader.GetAttribute("rel");
                    if (link is null && (rel is null || rel == "alternate"))
                    {
                        link = _reader.GetAttribute("href");
                    }

                    _reader.Skip();
                    break;
                case "published":
                    published = ReadContent(_reader);
                    break;
                case "updated":
                    updated = ReadContent(_reader);
                    break;
                case "content":
                    contentHtml = IsHtml(_reader);
                    content = ReadContent(_reader);
                    break;
                case "summary":
                    summaryHtml = IsHtml(_reader);
                    summary = ReadContent(_reader);
                    break;
                case "source":
                    source = ReadSourceTitle();
                    break;
                default:
                    _reader.Skip();
                    break;
            }
        }

        var entryId = NonEmpty(id) ?? NonEmpty(link);
        if (entryId is null)
        {
            error = "entry has neither 'id' nor 'link'";
            return null;
        }

        DateTimeOffset? time = null;
        var timeText = NonEmpty(published) ?? NonEmpty(updated);
        if (timeText is not null)
        {
            // RFC 4287 asks for RFC 3339; RFC 822 is what RSS habits put there instead.
            if (PublishedDate.TryParseIso(timeText, out var value) || PublishedDate.TryParseRfc822(timeText, out value))
            {
                time = value;
            }
            else
            {
                _warning = $"published ignored: '{(NonEmpty(published) is null ? "updated" : "published")}' is not a valid RFC 3339 time: '{timeText}'";
            }
        }

        var body = content ?? summary;
        var bodyHtml = content is not null ? contentHtml : summaryHtml;
        return Build(entryId, title, NonEmpty(link), time, body, bodyHtml, source, out error);
    }

    private Article? Build(string id, string? title, string? url, DateTimeOffset? published, string? body, bool html, string? source, out string? error)
    {
        title = NonEmpty(title);
        if (body is null && title is null)
        {
            error = "item has no title and no content";
            return null;
        }

        error = null;
        return new Article(id, source ?? _feedTitle ?? JsonArticle.UnknownSource, body is null ? string.Empty : Clean(body, html))
        {
            Title = title,
            Url = url,
            Published = published,
        };
    }

    // The title inside an Atom <source> element.
    private string? ReadSourceTitle()
    {
        string? title = null;
        foreach (var child in Children(_reader))
        {
            if (child.LocalName == "title")
            {
                var html = IsHtml(_reader);
                title = NonEmpty(Clean(ReadContent(_reader), html));
            }
            else
            {
                _reader.Skip();
            }
        }

        return title;
    }

    // Visits the child elements of the element the reader is on; the loop body must move past each child (with Skip or
    // ReadContent). Afterwards the reader is after the parent's end tag.
    private static IEnumerable<XmlReader> Children(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            yield break;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.Depth == depth && reader.NodeType == XmlNodeType.EndElement))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                yield return reader;
            }
            else
            {
                reader.Read();
            }
        }

        reader.Read();
    }

    // The text of an element, with any child elements kept as markup (for HTML that was not escaped); the reader ends
    // after the element's end tag.
    private static string ReadContent(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        var depth = reader.Depth;
        reader.Read();
        string? single = null;
        StringBuilder? builder = null;
        while (!reader.EOF && !(reader.Depth == depth && reader.NodeType == XmlNodeType.EndElement))
        {
            string part;
            switch (reader.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    part = reader.Value;
                    reader.Read();
                    break;
                case XmlNodeType.Element:
                    part = reader.ReadOuterXml();
                    break;
                default:
                    reader.Read();
                    continue;
            }

            if (single is null && builder is null)
            {
                single = part;
            }
            else
            {
                builder ??= new StringBuilder(single);
                builder.Append(part);
            }
        }

        reader.Read();
        return builder?.ToString() ?? single ?? string.Empty;
    }

    // Atom text constructs are plain text unless type is "html" or "xhtml".
    private static bool IsHtml(XmlReader reader) => reader.GetAttribute("type") is "html" or "xhtml" or "text/html";

    [return: NotNullIfNotNull(nameof(text))]
    private static string? Clean(string? text, bool html) =>
        text is null ? null : html ? HtmlText.ToText(text) : text.Trim();

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    internal static string Describe(XmlException ex)
    {
        var message = ex.Message;
        var position = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        return position > 0 ? message[..position] : message;
    }
}

using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace Syndicate.Cli.Input;

/// <summary>
/// Reads delimited text with a header row (CSV, TSV, and semicolon- or pipe-separated files, the separator found in
/// the header): each row one article, its columns named as a JSON article's fields are (<c>id</c>, <c>source</c>,
/// <c>url</c>, <c>published</c> or <c>date</c>, <c>title</c>, and <c>body</c>, <c>text</c> or <c>content</c>; case and
/// surrounding spaces aside).
/// </summary>
/// <remarks>
/// <para>
/// Parsing is Sep's: quoted fields may hold separators, doubled quotes and line breaks (RFC 4180), and a record's line
/// is the line its row starts on. A header without an <c>id</c> column, or with neither a body nor a title column,
/// ends the input at line 1; so does a header that names one column twice. Other columns are named once on stderr, as
/// a JSON record's unread fields are.
/// </para>
/// <para>
/// A row with another number of fields than the header is an error at its line and is skipped, and so is a row with
/// bytes that are not UTF-8, so reading goes on with the next row. Such bytes are decoded as U+FFFF and looked for row
/// by row, because the rows are cut from decoded text; a U+FFFF written in the file, a noncharacter that no article
/// holds, is refused with them. A quote left open runs to the end of the input, as RFC 4180 reads it; that last
/// row is then an error that ends the input, not an article with the rest of the file as its body. Blank lines are
/// skipped; an empty field is no value, as a JSON <c>null</c> is.
/// </para>
/// <para>
/// A row is read whole before it is given, so a row longer than the record limit (the JSON readers' limit, in bytes
/// of the file) or than 16,777,216 characters (the parser's) ends the input at its line, with the rows before it
/// kept: where it ends cannot be known without reading it (it is most often a quote left open), and memory stays
/// bounded.
/// </para>
/// </remarks>
internal sealed class CsvSource : IRecordSource
{
    // Invalid bytes become this noncharacter, so that each row can tell whether it held any.
    private const char Invalid = '\uFFFF';

    // The longest row Sep reads, in characters: its buffer does not grow beyond this.
    private const int MaxRowChars = 16 * 1024 * 1024;

    private static readonly UTF8Encoding s_utf8 = (UTF8Encoding)Encoding.GetEncoding(
        "utf-8", EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(Invalid.ToString()));

    private readonly RowBudgetStream _stream;
    private readonly string _input;
    private readonly int _maxRowBytes;
    private SepReader? _reader;
    private bool _done;
    private bool _given;
    private long _line;

    // The column of each article field, or -1.
    private int _id = -1, _source = -1, _url = -1, _published = -1, _date = -1, _title = -1, _body = -1, _text = -1, _content = -1;
    private int _columns;
    private string[] _unread = [];
    private bool _unreadTaken;

    public CsvSource(Stream stream, string input, int maxRowBytes)
    {
        _stream = new RowBudgetStream(stream, maxRowBytes);
        _input = input;
        _maxRowBytes = maxRowBytes;
    }

    public long Line => _line;

    public bool TryReadNext(out InputRecord? record, out InputError? error)
    {
        record = null;
        error = null;
        if (_done)
        {
            return false;
        }

        if (_reader is null && !TryOpen(out error))
        {
            _done = true;
            return error is not null;
        }

        while (TryMoveNext(out error))
        {
            var row = _reader!.Current;
            _given = true;
            _line = row.LineNumberFrom;
            var raw = row.Span;
            if (raw.IsWhiteSpace())
            {
                continue;
            }

            if (raw.Contains(Invalid))
            {
                error = new InputError(_input, row.LineNumberFrom, "invalid UTF-8 (or U+FFFF)");
                return true;
            }

            if (HasOpenQuote(raw))
            {
                // A row ends at a line break only outside quotes, so a row with an odd number of them ran to the end.
                _done = true;
                error = new InputError(_input, row.LineNumberFrom, "a quoted field is not closed before the end of the input", endsInput: true);
                return true;
            }

            if (row.ColCount != _columns)
            {
                error = new InputError(_input, row.LineNumberFrom, string.Create(
                    CultureInfo.InvariantCulture, $"{row.ColCount} fields where the header has {_columns}"));
                return true;
            }

            string? warning = null;
            DateTimeOffset? published = Date(row, _published, "published", ref warning) ?? Date(row, _date, "date", ref warning);
            if (!ArticleFields.TryCreate(
                    Text(row, _id), Text(row, _source), Text(row, _url), Text(row, _title), Text(row, _body), Text(row, _text), Text(row, _content),
                    published, out var article, out var problem, ref warning))
            {
                error = new InputError(_input, row.LineNumberFrom, problem!);
                return true;
            }

            record = new InputRecord(article!, _input, row.LineNumberFrom) { Warning = warning };
            return true;
        }

        _done = true;
        return error is not null;
    }

    // The next row, or false at the end of the input or when the row under way outgrows the limit (then the error).
    private bool TryMoveNext(out InputError? error)
    {
        error = null;
        var next = _given ? _reader!.Current.LineNumberToExcl : _reader!.Header.ColNames.Count > 0 ? 2 : 1;
        try
        {
            _stream.Restart();
            return _reader!.MoveNext();
        }
        catch (Exception ex) when (ex is RowTooLongException or NotSupportedException)
        {
            error = new InputError(_input, next, TooLong("row", ex) + " (a quoted field left open?): the rest of the input is not read", endsInput: true);
            return false;
        }
    }

    /// <summary>
    /// True when <paramref name="line"/>, the first line of an input of no known format, is a header this reader takes:
    /// split by a comma, semicolon, tab or pipe, one of its names is <c>id</c> (case, spaces and quotes aside).
    /// </summary>
    public static bool LooksLikeHeader(ReadOnlySpan<byte> line)
    {
        if (line.StartsWith("\uFEFF"u8))
        {
            line = line[3..];
        }

        foreach (var separator in ",;\t|"u8)
        {
            if (line.IndexOf(separator) < 0)
            {
                continue;
            }

            foreach (var range in line.Split(separator))
            {
                if (line[range].Trim(" \t\r\""u8) is var name && name.Length == 2 && (name[0] | 0x20) == 'i' && (name[1] | 0x20) == 'd')
                {
                    return true;
                }
            }
        }

        return false;
    }

    public IReadOnlyList<string> TakeUnreadFields()
    {
        if (_unreadTaken || _unread.Length == 0)
        {
            return [];
        }

        _unreadTaken = true;
        return _unread;
    }

    public long UnreadFieldsLine(InputRecord record) => 1;

    public void Dispose()
    {
        _reader?.Dispose();
        _stream.Dispose();
    }

    private bool TryOpen(out InputError? error)
    {
        error = null;
        try
        {
            var text = new StreamReader(_stream, s_utf8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            _reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(text);
        }
        catch (Exception ex) when (ex is RowTooLongException or NotSupportedException)
        {
            error = new InputError(_input, 1, TooLong("header", ex), endsInput: true);
            return false;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidDataException)
        {
            // Sep refuses a header that names a column twice (before the names are compared without case).
            error = new InputError(_input, 1, "bad header: " + ex.Message, endsInput: true);
            return false;
        }

        var names = _reader.Header.ColNames;
        if (names.Count == 0 || names.Count == 1 && names[0].Length == 0)
        {
            // An empty input: no header, no records. The reader says the input holds no article.
            return false;
        }

        _line = 1;
        _columns = names.Count;
        var unread = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim().TrimStart('\uFEFF').ToLowerInvariant();
            if (name.Contains(Invalid))
            {
                error = new InputError(_input, 1, "invalid UTF-8 (or U+FFFF) in the header", endsInput: true);
                return false;
            }

            if (!seen.Add(name))
            {
                error = new InputError(_input, 1, $"bad header: column '{name}' is named twice", endsInput: true);
                return false;
            }

            if (!TryAssign(name, i))
            {
                unread.Add(names[i].Trim().TrimStart('\uFEFF'));
            }
        }

        _unread = [.. unread];
        if (_id < 0 || _body < 0 && _text < 0 && _content < 0 && _title < 0)
        {
            var missing = _id < 0 ? "'id'" : "'body', 'text', 'content' or 'title'";
            error = new InputError(_input, 1, $"the header names no column {missing} (header: {string.Join(", ", names)})", endsInput: true);
            return false;
        }

        return true;
    }

    // Records column i as the article field called name; false when no field is called so.
    private bool TryAssign(string name, int i)
    {
        switch (name)
        {
            case "id": _id = i; break;
            case "source": _source = i; break;
            case "url": _url = i; break;
            case "published": _published = i; break;
            case "date": _date = i; break;
            case "title": _title = i; break;
            case "body": _body = i; break;
            case "text": _text = i; break;
            case "content": _content = i; break;
            default: return false;
        }

        return true;
    }

    // A column's value; an empty field is no value, as a JSON null is.
    private static string? Text(SepReader.Row row, int column) =>
        column < 0 || row[column].Span.IsEmpty ? null : row[column].ToString();

    private static DateTimeOffset? Date(SepReader.Row row, int column, string name, ref string? warning)
    {
        if (Text(row, column) is not { } text || text.AsSpan().IsWhiteSpace())
        {
            return null;
        }

        if (ArticleFields.TryParseDate(name, text.Trim(), out var value, out var problem))
        {
            return value;
        }

        warning ??= problem;
        return null;
    }

    // Whether a row's raw text leaves a quoted field open: an odd number of quote characters.
    private static bool HasOpenQuote(ReadOnlySpan<char> raw) => (raw.Count('"') & 1) == 1;

    // What outgrew which limit: the record limit, counted in the file's bytes, or the parser's own, in characters
    // (Sep refuses a row that does not fit its largest buffer).
    private string TooLong(string what, Exception ex) => ex is RowTooLongException
        ? string.Create(CultureInfo.InvariantCulture, $"{what} longer than {_maxRowBytes} bytes")
        : string.Create(CultureInfo.InvariantCulture, $"{what} longer than {MaxRowChars} characters");

    // Throws once more bytes than the limit are read since the last restart: Sep reads on until a row ends, so the
    // bytes read since the last row was given bound the row under way (to within one buffer).
    private sealed class RowBudgetStream(Stream inner, int maxRowBytes) : PassThroughReadStream(inner)
    {
        private long _read;

        public void Restart() => _read = 0;

        public override int Read(Span<byte> buffer)
        {
            var read = Inner.Read(buffer);
            _read += read;
            return _read > maxRowBytes ? throw new RowTooLongException() : read;
        }
    }

    private sealed class RowTooLongException : Exception;
}

using System.Globalization;

namespace Syndicate.Cli.Input;

/// <summary>Reads JSON Lines: one object a line, blank lines skipped, CRLF and a leading byte order mark accepted.</summary>
/// <remarks>
/// Lines are cut out of a pooled buffer with a vectorised search for the line feed and parsed in place, so memory stays
/// bounded by the longest line. A line longer than the buffer limit is reported as an error and skipped.
/// </remarks>
internal sealed class JsonlSource : IRecordSource
{
    private readonly InputBuffer _buffer;
    private readonly string _input;
    private readonly int _maxLineBytes;
    private int _scanned;
    private long _line;
    private readonly FieldSurvey _fields = new();

    public JsonlSource(Stream stream, string input, int initialBufferSize, int maxLineBytes)
    {
        _buffer = new InputBuffer(stream, initialBufferSize, maxLineBytes);
        _input = input;
        _maxLineBytes = maxLineBytes;
    }

    public long Line => _line;

    public bool TryReadNext(out InputRecord? record, out InputError? error)
    {
        record = null;
        error = null;
        while (true)
        {
            var data = _buffer.Data;
            var newline = data[_scanned..].IndexOf((byte)'\n');
            ReadOnlySpan<byte> line;
            if (newline >= 0)
            {
                newline += _scanned;
                line = data[..newline];
                _buffer.Advance(newline + 1);
            }
            else if (_buffer.Fill())
            {
                _scanned = data.Length;
                continue;
            }
            else if (!_buffer.IsEnd && _buffer.IsFull)
            {
                _line++;
                error = new InputError(
                    _input,
                    _line,
                    string.Create(CultureInfo.InvariantCulture, $"line longer than {_maxLineBytes} bytes"));
                SkipRestOfLine();
                return true;
            }
            else if (_buffer.Data.IsEmpty)
            {
                return false;
            }
            else
            {
                // The last line has no line feed. Fill may have moved the bytes to the front of the buffer even though
                // it read nothing, so `data` is stale: take the span afresh.
                line = _buffer.Data;
                _buffer.Advance(line.Length);
            }

            _scanned = 0;
            _line++;
            if (_line == 1 && line.StartsWith("\uFEFF"u8))
            {
                line = line[3..];
            }

            line = line.Trim(" \t\r"u8);
            if (line.IsEmpty)
            {
                continue;
            }

            if (JsonArticle.TryParse(line, out var article, out var message, out var warning))
            {
                _fields.Add(line);
                record = new InputRecord(article!, _input, _line) { Warning = warning };
            }
            else
            {
                error = new InputError(_input, _line, message!);
            }

            return true;
        }
    }

    public IReadOnlyList<string> TakeUnreadFields() => _fields.TakeNew();

    public void Dispose() => _buffer.Dispose();

    // Drops bytes up to and including the next line feed, without keeping them.
    private void SkipRestOfLine()
    {
        _scanned = 0;
        while (true)
        {
            var data = _buffer.Data;
            var newline = data.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _buffer.Advance(newline + 1);
                return;
            }

            _buffer.Clear();
            if (!_buffer.Fill())
            {
                return;
            }
        }
    }
}

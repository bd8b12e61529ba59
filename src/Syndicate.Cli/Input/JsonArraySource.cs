using System.Globalization;
using System.Text.Json;

namespace Syndicate.Cli.Input;

/// <summary>
/// Streams a JSON document: an array of article objects, or an object whose <c>articles</c> property is such an
/// array. An object without <c>articles</c> is read as an article, and so is every further top-level object after it,
/// so that JSON Lines (or concatenated JSON) given as JSON is read whole rather than stopping after its first record.
/// </summary>
/// <remarks>
/// Each element is located with a skipping <see cref="Utf8JsonReader"/> over a pooled buffer and then parsed on its own,
/// so memory stays bounded by the largest element. Line feeds are counted in the bytes consumed, which gives every
/// record the line of its opening brace. An element that is not an article object is a record error; JSON that is not
/// well formed ends the input, because no later element can be located reliably. Anything but whitespace after the
/// document (after the array, or after the object that holds it) is an error at the line where it starts.
/// </remarks>
internal sealed class JsonArraySource : IRecordSource
{
    // Nesting limit of the reader that only locates elements; the element itself is then parsed with the default
    // limit of 64, so deep nesting is an error of that record rather than of the file.
    private const int LocatorMaxDepth = 1 << 20;

    private readonly InputBuffer _buffer;
    private readonly string _input;
    private readonly int _maxRecordBytes;
    private State _state;
    private bool _wrapped;
    private long _line = 1;
    private readonly FieldSurvey _fields = new();

    public JsonArraySource(Stream stream, string input, int initialBufferSize, int maxRecordBytes)
    {
        _buffer = new InputBuffer(stream, initialBufferSize, maxRecordBytes);
        _input = input;
        _maxRecordBytes = maxRecordBytes;
    }

    private enum State
    {
        Start,
        Value,
        Separator,

        // After the array of a wrapping object: its remaining properties and closing brace.
        WrapperRest,

        // After a top-level article object: more top-level objects, or the end.
        Sequence,

        // After the document: only whitespace may follow.
        Trailing,
        Done,
    }

    public long Line => _line;

    public bool TryReadNext(out InputRecord? record, out InputError? error)
    {
        record = null;
        error = null;
        try
        {
            return Next(ref record, ref error);
        }
        catch (JsonException ex)
        {
            _state = State.Done;
            error = new InputError(_input, _line + (ex.LineNumber ?? 0), "invalid JSON: " + JsonArticle.Describe(ex), endsInput: true);
            return true;
        }
    }

    public IReadOnlyList<string> TakeUnreadFields() => _fields.TakeNew();

    public void Dispose() => _buffer.Dispose();

    private bool Next(ref InputRecord? record, ref InputError? error)
    {
        while (true)
        {
            switch (_state)
            {
                case State.Done:
                    return false;
                case State.Start:
                    if (!SkipWhitespace(start: true))
                    {
                        _state = State.Done;
                        return false;
                    }

                    if (_buffer.Data[0] == (byte)'[')
                    {
                        Consume(1);
                        _state = State.Value;
                        continue;
                    }

                    if (_buffer.Data[0] == (byte)'{')
                    {
                        return StartObject(ref record, ref error);
                    }

                    return Fail(ref error, "expected a JSON array or object");
                case State.Value:
                    if (!SkipWhitespace(start: false))
                    {
                        return Fail(ref error, "unexpected end of input inside the array");
                    }

                    if (_buffer.Data[0] == (byte)']')
                    {
                        Consume(1);
                        _state = _wrapped ? State.WrapperRest : State.Trailing;
                        continue;
                    }

                    if (!TryLocateValue(out var length))
                    {
                        return Fail(ref error, TooLong());
                    }

                    ParseElement(length, ref record, ref error);
                    _state = State.Separator;
                    return true;
                case State.Separator:
                    if (!SkipWhitespace(start: false))
                    {
                        return Fail(ref error, "unexpected end of input inside the array");
                    }

                    switch (_buffer.Data[0])
                    {
                        case (byte)',':
                            Consume(1);
                            _state = State.Value;
                            continue;
                        case (byte)']':
                            Consume(1);
                            _state = _wrapped ? State.WrapperRest : State.Trailing;
                            continue;
                        default:
                            return Fail(ref error, "expected ',' or ']' after an array element");
                    }

                case State.WrapperRest:
                    if (!SkipRestOfObject(ref error))
                    {
                        return true;
                    }

                    _state = State.Trailing;
                    continue;
                case State.Sequence:
                    if (!SkipWhitespace(start: false))
                    {
                        _state = State.Done;
                        return false;
                    }

                    if (_buffer.Data[0] != (byte)'{')
                    {
                        return Fail(ref error, "unexpected content after a JSON object: expected another object or the end");
                    }

                    if (!TryLocateValue(out var next))
                    {
                        return Fail(ref error, TooLong());
                    }

                    ParseElement(next, ref record, ref error);
                    return true;
                case State.Trailing:
                    if (!SkipWhitespace(start: false))
                    {
                        _state = State.Done;
                        return false;
                    }

                    return Fail(ref error, "unexpected content after the end of the JSON document");
            }
        }
    }

    // Parses the value of `length` bytes at the start of the data as an article and moves past it.
    private void ParseElement(int length, ref InputRecord? record, ref InputError? error)
    {
        var line = _line;
        if (JsonArticle.TryParse(_buffer.Data[..length], out var article, out var message, out var warning))
        {
            _fields.Add(_buffer.Data[..length]);
            record = new InputRecord(article!, _input, line) { Warning = warning };
        }
        else
        {
            error = new InputError(_input, line, message!);
        }

        Consume(length);
    }

    // After the articles array of a wrapping object: skips the object's other properties up to its closing brace.
    // False with an error when the object is not well formed.
    private bool SkipRestOfObject(ref InputError? error)
    {
        while (true)
        {
            if (!SkipWhitespace(start: false))
            {
                Fail(ref error, "unexpected end of input inside the object");
                return false;
            }

            if (_buffer.Data[0] == (byte)'}')
            {
                Consume(1);
                return true;
            }

            if (_buffer.Data[0] != (byte)',')
            {
                Fail(ref error, "expected ',' or '}' after the articles array");
                return false;
            }

            Consume(1);
            if (!SkipWhitespace(start: false) || _buffer.Data[0] != (byte)'"' || !TryLocateValue(out var name))
            {
                Fail(ref error, "expected a property name in the object");
                return false;
            }

            Consume(name);
            if (!SkipWhitespace(start: false) || _buffer.Data[0] != (byte)':')
            {
                Fail(ref error, "expected ':' after a property name");
                return false;
            }

            Consume(1);
            if (!SkipWhitespace(start: false) || !TryLocateValue(out var value))
            {
                Fail(ref error, "expected a property value in the object");
                return false;
            }

            Consume(value);
        }
    }

    // The document is an object: find its "articles" array, or read the object itself as one article.
    private bool StartObject(ref InputRecord? record, ref InputError? error)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(
                _buffer.Data,
                _buffer.IsEnd,
                new JsonReaderState(new JsonReaderOptions { MaxDepth = LocatorMaxDepth }));
            var complete = reader.Read();
            while (complete)
            {
                if (!reader.Read())
                {
                    complete = false;
                    break;
                }

                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                if (reader.ValueTextEquals("articles"u8))
                {
                    if (!reader.Read())
                    {
                        complete = false;
                        break;
                    }

                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        Consume((int)reader.BytesConsumed);
                        _wrapped = true;
                        _state = State.Value;
                        return Next(ref record, ref error);
                    }

                    complete = reader.TrySkip();
                }
                else
                {
                    complete = reader.TrySkip();
                }
            }

            if (complete)
            {
                ParseElement((int)reader.BytesConsumed, ref record, ref error);
                _state = State.Sequence;
                return true;
            }

            if (!_buffer.Fill())
            {
                if (_buffer.IsEnd)
                {
                    return Fail(ref error, "unexpected end of input inside the object");
                }

                return Fail(ref error, TooLong());
            }
        }
    }

    // Finds the length of the complete JSON value at the start of the data, reading more as needed. False when the
    // value does not fit in the largest buffer allowed. A truncated or malformed value throws JsonException.
    private bool TryLocateValue(out int length)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(
                _buffer.Data,
                _buffer.IsEnd,
                new JsonReaderState(new JsonReaderOptions { MaxDepth = LocatorMaxDepth }));
            if (reader.Read() && reader.TrySkip())
            {
                length = (int)reader.BytesConsumed;

                // A number at the very end of a partial buffer may continue in the next read.
                if (reader.TokenType is not JsonTokenType.Number || _buffer.IsEnd || length < _buffer.Data.Length)
                {
                    return true;
                }
            }

            if (!_buffer.Fill())
            {
                if (_buffer.IsEnd)
                {
                    // Parsing again as the final block either completes the value or throws for the truncation.
                    continue;
                }

                length = 0;
                return false;
            }
        }
    }

    // Moves past whitespace (and, at the start, a byte order mark). False when the input ends first.
    private bool SkipWhitespace(bool start)
    {
        if (start)
        {
            while (_buffer.Data.Length < 3 && _buffer.Fill())
            {
            }

            if (_buffer.Data.StartsWith("\uFEFF"u8))
            {
                _buffer.Advance(3);
            }
        }

        while (true)
        {
            var data = _buffer.Data;
            var first = data.IndexOfAnyExcept(" \t\r\n"u8);
            if (first >= 0)
            {
                Consume(first);
                return true;
            }

            Consume(data.Length);
            if (!_buffer.Fill())
            {
                return false;
            }
        }
    }

    private void Consume(int count)
    {
        _line += _buffer.Data[..count].Count((byte)'\n');
        _buffer.Advance(count);
    }

    private bool Fail(ref InputError? error, string message)
    {
        _state = State.Done;
        error = new InputError(_input, _line, message, endsInput: true);
        return true;
    }

    private string TooLong() =>
        string.Create(CultureInfo.InvariantCulture, $"record longer than {_maxRecordBytes} bytes");
}

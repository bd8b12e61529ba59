using System.Text;

namespace Syndicate.Cli.Input;

/// <summary>Reads a whole text input as one article: the first non-blank line is the title, the whole text the body.</summary>
/// <remarks>
/// The text is decoded as UTF-8 (or as UTF-16 or UTF-32 when a byte order mark says so); bytes that are not valid UTF-8
/// make the file an error rather than being replaced. The body is kept exactly as written, title line included: the
/// engine removes a repeated title itself.
/// </remarks>
internal sealed class TextSource : IRecordSource
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _stream;
    private readonly string _input;
    private readonly string _id;
    private readonly string _source;
    private bool _done;

    public TextSource(Stream stream, string input, string id, string source)
    {
        _stream = stream;
        _input = input;
        _id = id;
        _source = source;
    }

    public long Line => 0;

    public bool TryReadNext(out InputRecord? record, out InputError? error)
    {
        record = null;
        error = null;
        if (_done)
        {
            return false;
        }

        _done = true;
        string text;
        try
        {
            using var reader = new StreamReader(_stream, s_strictUtf8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            text = reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            error = new InputError(_input, 0, "invalid UTF-8");
            return true;
        }

        string? title = null;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).Trim();
            if (!line.IsEmpty)
            {
                title = line.ToString();
                break;
            }
        }

        if (title is null)
        {
            error = new InputError(_input, 0, "empty file");
            return true;
        }

        if (_id.Length == 0)
        {
            error = new InputError(_input, 0, "no file name to take the id from");
            return true;
        }

        record = new InputRecord(new Article(_id, _source, text) { Title = title }, _input, 1);
        return true;
    }

    public void Dispose() => _stream.Dispose();
}

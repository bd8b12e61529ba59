using System.Globalization;

namespace Syndicate.Cli.Input;

/// <summary>A record or an input that could not be read.</summary>
internal sealed class InputError
{
    /// <summary>Creates an error.</summary>
    /// <param name="input">The input as given (<c>-</c> for standard input), or the file inside a directory.</param>
    /// <param name="line">The 1-based line the problem is on, or 0 when it concerns the input as a whole.</param>
    /// <param name="message">What is wrong, without the location, such as <c>missing field 'body'</c>.</param>
    /// <param name="endsInput">True when reading of the input stopped here, so that the rest of it was not read.</param>
    public InputError(string input, long line, string message, bool endsInput = false)
    {
        Input = input;
        Line = line;
        Message = message;
        EndsInput = endsInput;
    }

    /// <summary>The input as given (<c>-</c> for standard input), or the file inside a directory.</summary>
    public string Input { get; }

    /// <summary>The 1-based line the problem is on (same meaning as <see cref="InputRecord.Line"/>), or 0 for the whole input.</summary>
    public long Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Message { get; }

    /// <summary>
    /// True when the input could not be read completely: it could not be opened, or reading it stopped here (an I/O
    /// error, truncated compression, JSON or XML that cannot be resynchronised), so articles after this point were lost.
    /// False for a bad record that was skipped while reading went on.
    /// </summary>
    public bool EndsInput { get; }

    /// <summary>The message with its location, such as <c>data.jsonl:17: missing field 'body'</c>.</summary>
    public override string ToString()
    {
        var name = Input == "-" ? "<stdin>" : Input;
        return Line > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{name}:{Line}: {Message}")
            : $"{name}: {Message}";
    }
}

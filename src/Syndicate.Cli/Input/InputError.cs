using System.Globalization;

namespace Syndicate.Cli.Input;

/// <summary>A record or an input that could not be read.</summary>
internal sealed class InputError
{
    /// <summary>Creates an error.</summary>
    /// <param name="input">The input as given (<c>-</c> for standard input), or the file inside a directory.</param>
    /// <param name="line">The 1-based line the problem is on, or 0 when it concerns the input as a whole.</param>
    /// <param name="message">What is wrong, without the location, such as <c>missing field 'body'</c>.</param>
    public InputError(string input, long line, string message)
    {
        Input = input;
        Line = line;
        Message = message;
    }

    /// <summary>The input as given (<c>-</c> for standard input), or the file inside a directory.</summary>
    public string Input { get; }

    /// <summary>The 1-based line the problem is on (same meaning as <see cref="InputRecord.Line"/>), or 0 for the whole input.</summary>
    public long Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Message { get; }

    /// <summary>The message with its location, such as <c>data.jsonl:17: missing field 'body'</c>.</summary>
    public override string ToString()
    {
        var name = Input == "-" ? "<stdin>" : Input;
        return Line > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{name}:{Line}: {Message}")
            : $"{name}: {Message}";
    }
}

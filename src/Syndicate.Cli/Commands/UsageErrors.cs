using System.CommandLine;
using System.CommandLine.Parsing;

namespace Syndicate.Cli.Commands;

/// <summary>Turns the parser's errors into one line each that names the option at fault and where to read more.</summary>
internal static class UsageErrors
{
    public static string Describe(ParseError error, Command command)
    {
        string help = command is RootCommand ? "syndicate --help" : "syndicate " + command.Name + " --help";
        Option? option = error.SymbolResult switch
        {
            OptionResult o => o.Option,
            ArgumentResult { Parent: OptionResult o } => o.Option,
            _ => null,
        };
        string message = OneLine(error.Message);
        if (option is not null)
        {
            string value = error.SymbolResult?.Tokens.Count > 0 ? error.SymbolResult.Tokens[^1].Value : "";
            Type type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
            if (message.StartsWith("Cannot parse argument", StringComparison.Ordinal))
            {
                message = $"{option.Name}: expected {Expected(type)}, got '{value}'";
            }
            else if (message.StartsWith("Argument '", StringComparison.Ordinal) && message.Contains("not recognized", StringComparison.Ordinal))
            {
                int list = message.IndexOf(':', StringComparison.Ordinal);
                string allowed = list >= 0 ? string.Join(", ", message[(list + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Trim('\''))) : "";
                message = $"{option.Name}: '{value}' is not one of {allowed}";
            }
            else if (!message.Contains(option.Name, StringComparison.Ordinal))
            {
                message = option.Name + ": " + message;
            }
        }

        return $"{message.TrimEnd('.')} (see '{help}')";
    }

    /// <summary>
    /// The errors worth a line. An unknown word where a command was expected says all there is to say: the parser's
    /// "Required command was not provided" and its complaints about the words that follow are left out.
    /// </summary>
    public static IEnumerable<ParseError> ToReport(ParseResult parsed)
    {
        if (parsed.CommandResult.Command is RootCommand && parsed.UnmatchedTokens.Count > 0)
        {
            string word = parsed.UnmatchedTokens[0];
            ParseError? first = parsed.Errors.FirstOrDefault(e => e.Message.Contains($"'{word}'", StringComparison.Ordinal));
            return [first ?? parsed.Errors[0]];
        }

        return parsed.Errors;
    }

    private static string Expected(Type type) =>
        type == typeof(double) || type == typeof(float) ? "a number"
        : type == typeof(int) || type == typeof(long) || type == typeof(ulong) || type == typeof(uint) ? "a whole number"
        : "a " + type.Name;

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

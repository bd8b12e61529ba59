using System.Globalization;
using System.Text;

namespace Syndicate.Cli.Output;

/// <summary>
/// Makes text from the inputs safe to print on a terminal: a title, id or source may hold escape sequences that clear
/// the screen or retitle the window, or bidirectional overrides that make one text read as another. Every such
/// character is replaced by a visible stand-in, so the text is shown and nothing in it is obeyed.
/// </summary>
internal static class TerminalText
{
    /// <summary>Returns <paramref name="text"/> with its control characters made visible; the same string when it holds none.</summary>
    /// <remarks>
    /// C0 controls (tab and line feed included: a message or a table cell is one line) become their Unicode control
    /// pictures (U+2400 + code, so ESC shows as ␛), DEL becomes ␡; C1 controls (U+0080–U+009F, which some terminals obey
    /// as CSI and OSC), the bidirectional embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069 and the
    /// line and paragraph separators U+2028, U+2029 become <c>&lt;U+XXXX&gt;</c>. Marks that only steer neutral
    /// characters (U+200E, U+200F, U+061C) are kept: Arabic text uses them and they cannot reorder other text.
    /// </remarks>
    public static string Neutralize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        int first = FirstUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 0x20)
            {
                sb.Append((char)(0x2400 + c));
            }
            else if (c == 0x7F)
            {
                sb.Append('\u2421');
            }
            else if (IsUnsafe(c))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<U+{(int)c:X4}>");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Whether <paramref name="c"/> is one of the characters <see cref="Neutralize"/> replaces.</summary>
    public static bool IsUnsafe(char c) =>
        c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u2028' || c == '\u2029';

    private static int FirstUnsafe(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}

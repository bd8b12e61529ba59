using System.Text;

namespace Syndicate.Tests.Engine;

/// <summary>Builds other outlets' copies of a story: their datelines, footers, edits and truncations.</summary>
internal static class Reprints
{
    public static string WithDateline(string dateline, IReadOnlyList<string> paragraphs, string? footer = null, string? title = null)
    {
        var sb = new StringBuilder();
        if (title is not null)
        {
            sb.Append(title).Append("\n\n");
        }

        for (int i = 0; i < paragraphs.Count; i++)
        {
            if (i == 0)
            {
                sb.Append(dateline).Append(' ');
            }

            sb.Append(paragraphs[i]).Append("\n\n");
        }

        if (footer is not null)
        {
            sb.Append(footer).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Spelling variants an outlet's CMS introduces: alef forms, yeh/alef maqsura, teh marbuta, tatweel, harakat, digits.</summary>
    public static string Orthographic(string text)
    {
        var sb = new StringBuilder(text.Length + 64);
        int n = 0;
        foreach (char c in text)
        {
            n++;
            switch (c)
            {
                case 'أ' or 'إ' or 'آ':
                    sb.Append('ا');
                    break;
                case 'ى':
                    sb.Append('ي');
                    break;
                case 'ة' when n % 2 == 0:
                    sb.Append('ه');
                    break;
                case >= '0' and <= '9':
                    sb.Append((char)('٠' + (c - '0')));
                    break;
                case 'ل' when n % 7 == 0:
                    sb.Append("لـ");
                    break;
                case 'ب' when n % 5 == 0:
                    sb.Append("بَ");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Drops every <paramref name="every"/>-th word: a light edit.</summary>
    public static string DropWords(string paragraph, int every)
    {
        string[] words = paragraph.Split(' ');
        return string.Join(' ', words.Where((_, i) => i % every != every - 1));
    }
}

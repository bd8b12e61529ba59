using System.Globalization;
using Syndicate.Text;

namespace Syndicate.Cli.Output;

internal static partial class HtmlReportWriter
{
    /// <summary>
    /// Words inserted plus deleted beyond which a copy is shown whole instead of as a diff. A shortest script costs
    /// O((N+M)·D) time for D edits, so this bounds the work per copy to a few million steps for articles of a few
    /// thousand words; a copy that needs more edits than that shares too little with the canonical text for a word
    /// diff to be read anyway.
    /// </summary>
    internal const int MaxDiffEdits = 600;

    /// <summary>Unchanged words kept on each side of a change; longer unchanged runs are folded into a count.</summary>
    internal const int DiffContext = 4;

    /// <summary>
    /// One whitespace-separated word of a text: where it is, its interned comparison key, and whether it holds anything
    /// but punctuation and marks (a stray comma or dash is compared, but not worth a highlight).
    /// </summary>
    internal readonly record struct Word(int Start, int Length, int Key, bool Significant);

    /// <summary>
    /// Splits texts into words and gives each distinct word one integer key, so that the diff compares integers. Words
    /// are compared as the engine compares them (<see cref="TextNormalizer"/>: case, Arabic letter variants,
    /// diacritics and punctuation do not count); a word that normalizes to nothing is compared as written.
    /// </summary>
    internal sealed class WordTable
    {
        private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);

        public List<Word> Split(string text)
        {
            var words = new List<Word>();
            int i = 0;
            while (i < text.Length)
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                if (i > start)
                {
                    string raw = text.Substring(start, i - start);
                    string norm = TextNormalizer.Normalize(raw);
                    string key = norm.Length > 0 ? norm : "\0" + raw;
                    if (!_keys.TryGetValue(key, out int id))
                    {
                        id = _keys.Count;
                        _keys.Add(key, id);
                    }

                    words.Add(new Word(start, i - start, id, norm.Length > 0));
                }
            }

            return words;
        }
    }

    /// <summary>
    /// Writes the copy as a word diff against the canonical text: <c>&lt;del&gt;</c> for canonical words the copy
    /// lacks, <c>&lt;ins&gt;</c> for words only the copy has (always in full), and long unchanged or deleted stretches
    /// folded to their first and last <see cref="DiffContext"/> words and a count. Changes of punctuation alone are not
    /// highlighted.
    /// </summary>
    internal static void WriteDiff(TextWriter output, string canonicalText, List<Word> canonical, string copyText, List<Word> copy)
    {
        int[] a = canonical.Select(w => w.Key).ToArray();
        int[] b = copy.Select(w => w.Key).ToArray();
        List<DiffRun>? runs = WordDiff.Compute(a, b, MaxDiffEdits);
        if (runs is null)
        {
            output.Write(string.Create(CultureInfo.InvariantCulture, $"<span class=\"gap\">more than {MaxDiffEdits} words differ; the copy's own text:</span>\n<div class=\"text\" dir=\"auto\">"));
            output.Write(E(copyText));
            output.Write("</div>");
            return;
        }

        if (runs.Count == 0 || (runs.Count == 1 && runs[0].Op == DiffOp.Equal))
        {
            output.Write("<span class=\"gap\">the same words as the canonical text</span>");
            return;
        }

        for (int r = 0; r < runs.Count; r++)
        {
            DiffRun run = runs[r];
            if (r > 0)
            {
                output.Write(' ');
            }

            bool significant = run.Op == DiffOp.Equal
                || (run.Op == DiffOp.Delete ? canonical : copy).Skip(run.Op == DiffOp.Delete ? run.AStart : run.BStart).Take(run.Length).Any(w => w.Significant);
            switch (run.Op)
            {
                case DiffOp.Delete when !significant:
                    // Punctuation the copy dropped: nothing to read.
                    break;
                case DiffOp.Insert when !significant:
                    WriteWords(output, copyText, copy, run.BStart, run.Length);
                    break;
                case DiffOp.Delete:
                    // The canonical text is on the page already: a long cut (a partial copy) is its ends and a count.
                    if (run.Length <= (2 * DiffContext) + 3)
                    {
                        output.Write("<del>");
                        WriteWords(output, canonicalText, canonical, run.AStart, run.Length);
                        output.Write("</del>");
                        break;
                    }

                    output.Write("<del>");
                    WriteWords(output, canonicalText, canonical, run.AStart, DiffContext);
                    output.Write(string.Create(CultureInfo.InvariantCulture, $"</del> <span class=\"gap\">[−{run.Length - (2 * DiffContext)}]</span> <del>"));
                    WriteWords(output, canonicalText, canonical, run.AStart + run.Length - DiffContext, DiffContext);
                    output.Write("</del>");
                    break;
                case DiffOp.Insert:
                    output.Write("<ins>");
                    WriteWords(output, copyText, copy, run.BStart, run.Length);
                    output.Write("</ins>");
                    break;
                default:
                    int lead = r == 0 ? 0 : DiffContext;
                    int trail = r == runs.Count - 1 ? 0 : DiffContext;
                    int folded = run.Length - lead - trail;
                    if (folded <= 3)
                    {
                        WriteWords(output, copyText, copy, run.BStart, run.Length);
                        break;
                    }

                    if (lead > 0)
                    {
                        WriteWords(output, copyText, copy, run.BStart, lead);
                        output.Write(' ');
                    }

                    output.Write(string.Create(CultureInfo.InvariantCulture, $"<span class=\"gap\">[…{folded}…]</span>"));
                    if (trail > 0)
                    {
                        output.Write(' ');
                        WriteWords(output, copyText, copy, run.BStart + run.Length - trail, trail);
                    }

                    break;
            }
        }
    }

    private static void WriteWords(TextWriter output, string text, List<Word> words, int start, int count)
    {
        for (int i = start; i < start + count; i++)
        {
            if (i > start)
            {
                output.Write(' ');
            }

            output.Write(E(text.Substring(words[i].Start, words[i].Length)));
        }
    }
}

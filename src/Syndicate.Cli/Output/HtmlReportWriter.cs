using System.Globalization;
using System.Net;
using System.Text;
using Syndicate.Clustering;
using Syndicate.Text;

namespace Syndicate.Cli.Output;

/// <summary>
/// The <c>html</c> format: one self-contained page (no scripts, no external resources). Each story with several copies
/// shows its canonical text beside each member's text, with the passages they share highlighted. All article text is
/// HTML-escaped.
/// </summary>
internal static class HtmlReportWriter
{
    private const int MaxMembersShown = 8;
    private const int MaxClustersShown = 500;

    public static void Write(TextWriter output, RunReport report)
    {
        var multi = report.Clusters.Where(c => c.Members.Count > 1).OrderByDescending(c => c.Members.Count).ThenBy(c => c.Id).ToList();
        RunStatistics s = report.Statistics;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"ar\">\n<head>\n<meta charset=\"utf-8\">\n<title>Syndicate report</title>\n<style>\n")
          .Append("body{font-family:system-ui,'Noto Naskh Arabic',sans-serif;margin:2em;color:#222;background:#fafafa}")
          .Append("section{background:#fff;border:1px solid #ddd;border-radius:8px;padding:1em;margin:1.5em 0}")
          .Append(".pair{display:grid;grid-template-columns:1fr 1fr;gap:1em;margin-top:1em}")
          .Append(".text{white-space:pre-wrap;border:1px solid #eee;padding:.6em;max-height:24em;overflow:auto;font-size:.92em}")
          .Append("mark{background:#ffe58a}table{border-collapse:collapse}td,th{padding:.2em .6em;border-bottom:1px solid #eee;text-align:start}")
          .Append(".meta{color:#666;font-size:.85em}h2{font-size:1.1em}\n</style>\n</head>\n<body>\n");
        sb.Append("<h1>Syndicate report</h1>\n<p class=\"meta\">");
        sb.Append(CultureInfo.InvariantCulture, $"{s.Articles} articles, {s.Clusters} stories, {multi.Count} carried by several copies; {s.Duplicates} duplicates, {s.NearDuplicates} near-duplicates, {s.Partials} partial copies.");
        sb.Append("</p>\n");
        foreach (Cluster c in multi.Take(MaxClustersShown))
        {
            WriteCluster(sb, c, report);
        }

        if (multi.Count > MaxClustersShown)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{multi.Count - MaxClustersShown} more stories not shown; use the json format for all.</p>\n");
        }

        sb.Append("</body>\n</html>\n");
        output.Write(sb.ToString());
    }

    private static void WriteCluster(StringBuilder sb, Cluster c, RunReport report)
    {
        sb.Append("<section>\n<h2 dir=\"auto\">").Append(E(c.CanonicalTitle ?? c.CanonicalId)).Append("</h2>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">story {c.Id} · wire: {E(c.Wire ?? "unknown")} · {c.Members.Count} copies from {c.OutletCount} outlets · canonical <code>{E(c.CanonicalId)}</code></p>\n");
        sb.Append("<table><tr><th>id</th><th>source</th><th>published</th><th>relation</th><th>similarity</th><th>url</th></tr>\n");
        foreach (ClusterMember m in c.Members)
        {
            sb.Append("<tr><td><code>").Append(E(m.Id)).Append("</code></td><td>").Append(E(m.Source)).Append("</td><td>")
              .Append(E(m.Published?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-")).Append("</td><td>")
              .Append(ArticleResult.RelationName(m.Relation)).Append("</td><td>")
              .Append(m.Similarity.ToString("0.00", CultureInfo.InvariantCulture)).Append("</td><td>");
            if (m.Url is { } url && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                sb.Append("<a href=\"").Append(E(url)).Append("\" rel=\"noopener noreferrer\">link</a>");
            }

            sb.Append("</td></tr>\n");
        }

        sb.Append("</table>\n");
        string canonicalText = report.Texts.TryGetValue(c.CanonicalId, out Article? canonical) ? canonical.Body : c.CanonicalOriginalText ?? "";
        foreach (ClusterMember m in c.Members.Where(m => m.Id != c.CanonicalId).Take(MaxMembersShown))
        {
            if (!report.Texts.TryGetValue(m.Id, out Article? member))
            {
                continue;
            }

            (string left, string right) = Highlight(canonicalText, member.Body, report.Options.ShingleSize);
            sb.Append("<div class=\"pair\"><div><div class=\"meta\">canonical <code>").Append(E(c.CanonicalId)).Append("</code></div><div class=\"text\" dir=\"auto\">")
              .Append(left).Append("</div></div><div><div class=\"meta\"><code>").Append(E(m.Id)).Append("</code> · ").Append(E(m.Source))
              .Append("</div><div class=\"text\" dir=\"auto\">").Append(right).Append("</div></div></div>\n");
        }

        sb.Append("</section>\n");
    }

    /// <summary>Escapes both texts and marks the words that belong to a word n-gram the two texts share.</summary>
    internal static (string Left, string Right) Highlight(string a, string b, int n)
    {
        n = Math.Clamp(n, 1, 8);
        List<Word> wa = Words(a);
        List<Word> wb = Words(b);
        HashSet<string> gramsA = Grams(wa, n);
        HashSet<string> gramsB = Grams(wb, n);
        gramsA.IntersectWith(gramsB);
        return (Render(a, wa, gramsA, n), Render(b, wb, gramsA, n));
    }

    private readonly record struct Word(int Start, int Length, string Norm);

    private static List<Word> Words(string text)
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
                string norm = TextNormalizer.Normalize(text.Substring(start, i - start));
                if (norm.Length > 0)
                {
                    words.Add(new Word(start, i - start, norm));
                }
            }
        }

        return words;
    }

    private static HashSet<string> Grams(List<Word> words, int n)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i + n <= words.Count; i++)
        {
            grams.Add(Gram(words, i, n));
        }

        return grams;
    }

    private static string Gram(List<Word> words, int i, int n) => string.Join(' ', words.Skip(i).Take(n).Select(w => w.Norm));

    private static string Render(string text, List<Word> words, HashSet<string> shared, int n)
    {
        var marked = new bool[words.Count];
        for (int i = 0; i + n <= words.Count; i++)
        {
            if (shared.Contains(Gram(words, i, n)))
            {
                for (int j = i; j < i + n; j++)
                {
                    marked[j] = true;
                }
            }
        }

        var sb = new StringBuilder(text.Length * 11 / 10);
        int pos = 0;
        bool open = false;
        for (int i = 0; i < words.Count; i++)
        {
            Word w = words[i];
            string gap = text[pos..w.Start];
            if (open && (!marked[i] || gap.Contains('\n', StringComparison.Ordinal)))
            {
                sb.Append("</mark>");
                open = false;
            }

            sb.Append(E(gap));
            if (marked[i] && !open)
            {
                sb.Append("<mark>");
                open = true;
            }

            sb.Append(E(text.Substring(w.Start, w.Length)));
            pos = w.Start + w.Length;
        }

        if (open)
        {
            sb.Append("</mark>");
        }

        sb.Append(E(text[pos..]));
        return sb.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

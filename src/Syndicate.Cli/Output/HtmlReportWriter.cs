using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Syndicate.Cleaning;
using Syndicate.Clustering;

namespace Syndicate.Cli.Output;

/// <summary>
/// The <c>html</c> format: one self-contained page listing every story carried by several copies (or the
/// <c>--top</c> biggest, with the number left out said at the top), biggest first: a table of contents with an anchor
/// per story, a search box that filters the stories by title, outlet or wire, and for each story its canonical text
/// once, then each copy as a word diff against it.
/// </summary>
/// <remarks>
/// All article text is HTML-escaped and only <c>http(s)</c> URLs become links. The page's one script is inline, reads
/// nothing but the page's own text, and is pinned by a Content-Security-Policy hash, so any other script (injected or
/// not) is refused by the browser; nothing is fetched from elsewhere. Text blocks carry <c>dir="auto"</c>, and the page
/// itself is right to left when most stories are written in a right-to-left script; the English labels are isolated
/// left-to-right runs within it, and every field is isolated too, so a bidirectional override in an id or an outlet
/// cannot reorder the text around it.
/// </remarks>
internal static partial class HtmlReportWriter
{
    /// <summary>Characters of a title in the table of contents.</summary>
    private const int TocTitleLength = 90;

    private const string Style =
        "body{font-family:system-ui,'Noto Naskh Arabic','Noto Sans Arabic',sans-serif;margin:0 auto;max-width:70em;padding:1em 2em;color:#222;background:#fafafa}"
        + "#bar{position:sticky;top:0;background:#fafafa;padding:.4em 0;border-bottom:1px solid #ddd;z-index:1}"
        + "#q{font:inherit;width:min(30em,90%);padding:.3em .5em}"
        + "nav ol{font-size:.9em;padding-inline-start:3.5em;max-height:24em;overflow:auto}"
        + "section{background:#fff;border:1px solid #ddd;border-radius:8px;padding:.8em 1em;margin:1.2em 0;scroll-margin-top:3.5em;content-visibility:auto;contain-intrinsic-size:auto 40em}"
        + "h2{font-size:1.1em;margin:.2em 0}.meta{color:#666;font-size:.85em}.warn{color:#8a4b00;font-weight:bold}"
        + ".text{white-space:pre-wrap;border-inline-start:3px solid #cde;padding:.2em .8em;max-height:20em;overflow:auto}"
        + "ol.copies{padding-inline-start:1.5em}ol.copies li{margin:.6em 0}"
        + ".diff{font-size:.92em;margin:.2em 0}"
        + "code,.src,.wire,.diff{unicode-bidi:isolate}"
        + "ins{background:#d8f5d0;text-decoration:none}del{background:#fbd9d9}.gap{color:#999;font-size:.85em}";

    /// <summary>
    /// Filters the stories and their table-of-contents entries (same order) by the search box: a story stays when its
    /// title, one of its outlets or its wire contains the query, ignoring case.
    /// </summary>
    private const string Script =
        "(()=>{const q=document.getElementById('q'),n=document.getElementById('n'),"
        + "s=[...document.querySelectorAll('section.story')],t=[...document.querySelectorAll('#toc li')],"
        + "k=s.map(e=>[...e.querySelectorAll('h2,.src,.wire')].map(x=>x.textContent).join('\\n').toLowerCase());"
        + "function f(){const v=q.value.trim().toLowerCase();let c=0;"
        + "s.forEach((e,i)=>{const h=v!==''&&!k[i].includes(v);if(e.hidden!==h){e.hidden=h;t[i].hidden=h;}if(!h)c++;});"
        + "n.textContent=c+' of '+s.length+' stories';}"
        + "q.addEventListener('input',f);f();})();";

    /// <summary>The policy that lets the page run its own script and nothing else, and load nothing at all.</summary>
    private static readonly string s_policy =
        $"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Script)))}'; base-uri 'none'; form-action 'none'";

    /// <param name="output">Where the page goes.</param>
    /// <param name="report">The run.</param>
    /// <param name="top">How many stories to list, biggest first; null lists them all.</param>
    public static void Write(TextWriter output, RunReport report, int? top)
    {
        List<Cluster> multi = Listing.Stories(report.Clusters);
        var shown = top is { } limit ? multi.Take(limit).ToList() : multi;
        RunStatistics s = report.Statistics;
        var inv = CultureInfo.InvariantCulture;

        output.Write("<!DOCTYPE html>\n<html dir=\"");
        output.Write(MostlyRightToLeft(shown) ? "rtl" : "ltr");
        output.Write("\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"");
        output.Write(s_policy);
        output.Write("\">\n<meta name=\"viewport\" content=\"width=device-width\">\n<title>Syndicate report</title>\n<style>");
        output.Write(Style);
        output.Write("</style>\n</head>\n<body>\n<header>\n<h1>Syndicate report</h1>\n<p class=\"meta\"><span dir=\"ltr\">");
        output.Write(string.Create(inv, $"{s.Articles:N0} articles, {s.Clusters:N0} stories: {multi.Count:N0} carried by several copies, {s.Clusters - multi.Count:N0} by one article (not listed). {s.Duplicates:N0} duplicates, {s.NearDuplicates:N0} near-duplicates, {s.Partials:N0} partial copies."));
        if (s.Errors > 0)
        {
            output.Write(string.Create(inv, $" {s.Errors:N0} input errors skipped."));
        }

        output.Write("</span></p>\n");
        if (report.Texts.Count == 0 && shown.Count > 0)
        {
            output.Write("<p class=\"meta\"><span dir=\"ltr\">Read from a store, which keeps the canonical copy's text only: the copies are listed without a word diff (<code>syndicate cluster --format html</code> on the input shows them).</span></p>\n");
        }

        if (shown.Count < multi.Count)
        {
            output.Write(string.Create(inv, $"<p class=\"warn\"><span dir=\"ltr\">Only the {shown.Count:N0} biggest of the {multi.Count:N0} stories with several copies are listed (--top {shown.Count}); {multi.Count - shown.Count:N0} are left out.</span></p>\n"));
        }

        output.Write("</header>\n<div id=\"bar\"><input type=\"search\" id=\"q\" placeholder=\"Filter by title, outlet or wire\" aria-label=\"Filter stories by title, outlet or wire\" dir=\"auto\"> <span id=\"n\" class=\"meta\" dir=\"ltr\"></span></div>\n");

        output.Write("<nav id=\"toc\">\n<h2>Contents</h2>\n<ol>\n");
        foreach (Cluster c in shown)
        {
            output.Write(string.Create(inv, $"<li><a href=\"#s{c.Id}\" dir=\"auto\">"));
            output.Write(E(Shorten(Title(c), TocTitleLength)));
            output.Write(string.Create(inv, $"</a> <span class=\"meta\">({c.Members.Count})</span></li>\n"));
        }

        output.Write("</ol>\n</nav>\n");
        var words = new WordTable();
        foreach (Cluster c in shown)
        {
            WriteStory(output, c, report, words);
        }

        output.Write("<script>");
        output.Write(Script);
        output.Write("</script>\n</body>\n</html>\n");
    }

    private static void WriteStory(TextWriter output, Cluster c, RunReport report, WordTable words)
    {
        var inv = CultureInfo.InvariantCulture;
        output.Write(string.Create(inv, $"<section class=\"story\" id=\"s{c.Id}\">\n<h2 dir=\"auto\">"));
        output.Write(E(Title(c)));
        output.Write(string.Create(inv, $"</h2>\n<p class=\"meta\"><span dir=\"ltr\"><a href=\"#s{c.Id}\">story {c.Id}</a> · wire: <span class=\"wire\">"));
        output.Write(E(c.Wire ?? "unknown"));
        output.Write(string.Create(inv, $"</span> · {c.Members.Count} {(c.Members.Count == 1 ? "copy" : "copies")} from {c.OutletCount} {(c.OutletCount == 1 ? "outlet" : "outlets")}"));
        if (c.Carriers.Count > 0)
        {
            output.Write(string.Create(inv, $", carried inside {c.Carriers.Count} more {(c.Carriers.Count == 1 ? "article" : "articles")}"));
        }

        output.Write(" · <a href=\"#toc\">contents</a></span></p>\n");

        ClusterMember? canonicalMember = c.Members.FirstOrDefault(m => m.Id == c.CanonicalId);
        string canonicalText = Shown(report.Texts.TryGetValue(c.CanonicalId, out Article? canonical) ? canonical.Body : c.CanonicalOriginalText ?? c.CanonicalText ?? "");
        output.Write("<p class=\"meta\"><span dir=\"ltr\">canonical ");
        WriteMember(output, canonicalMember, c.CanonicalId, c.CanonicalId);
        output.Write("</span></p>\n<div class=\"text\" dir=\"auto\">");
        output.Write(E(canonicalText));
        output.Write("</div>\n<ol class=\"copies\">\n");

        List<Word> canonicalWords = words.Split(canonicalText);
        foreach (ClusterMember m in c.Members)
        {
            if (m.Id == c.CanonicalId)
            {
                continue;
            }

            output.Write("<li><span dir=\"ltr\">");
            WriteMember(output, m, m.Id, c.CanonicalId);
            output.Write("</span>");
            if (report.Texts.TryGetValue(m.Id, out Article? copy))
            {
                output.Write("<div class=\"diff\" dir=\"auto\">");
                string copyText = Shown(copy.Body);
                WriteDiff(output, canonicalText, canonicalWords, copyText, words.Split(copyText));
                output.Write("</div>");
            }

            output.Write("</li>\n");
        }

        output.Write("</ol>\n");
        if (c.Carriers.Count > 0)
        {
            output.Write("<p class=\"meta\"><span dir=\"ltr\">also carried inside:</span></p>\n<ul class=\"carriers\">\n");
            foreach (Carrier carrier in c.Carriers)
            {
                output.Write("<li><span dir=\"ltr\"><code>");
                output.Write(E(carrier.Id));
                output.Write("</code>");
                WriteSourceAndTime(output, carrier.Source, carrier.Published);

                output.Write(string.Create(inv, $" · <a href=\"#s{carrier.ClusterId}\">story {carrier.ClusterId}</a> · {ArticleResult.RelationName(carrier.Relation)} {carrier.Similarity.ToString("0.00", inv)} to <code>"));
                output.Write(E(carrier.MatchedId));
                output.Write("</code></span></li>\n");
            }

            output.Write("</ul>\n");
        }

        output.Write("</section>\n");
    }

    /// <summary>A text as the reader should see it: a body served as HTML shows its text, not its tags.</summary>
    private static string Shown(string body) => HtmlText.ContainsMarkup(body) ? HtmlText.ToText(body) : body;

    /// <summary>" · outlet · time", the time to the minute when known.</summary>
    private static void WriteSourceAndTime(TextWriter output, string source, DateTimeOffset? published)
    {
        output.Write(" · <span class=\"src\">");
        output.Write(E(source));
        output.Write("</span>");
        if (published is { } time)
        {
            output.Write(" · ");
            output.Write(time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>One line about a member: id, outlet, time, its relation and link.</summary>
    private static void WriteMember(TextWriter output, ClusterMember? m, string id, string canonicalId)
    {
        output.Write("<code>");
        output.Write(E(id));
        output.Write("</code>");
        if (m is null)
        {
            return;
        }

        WriteSourceAndTime(output, m.Source, m.Published);

        if (m.Relation != Relation.Original)
        {
            output.Write(" · ");
            output.Write(ArticleResult.RelationName(m.Relation));
            output.Write(' ');
            output.Write(m.Similarity.ToString("0.00", CultureInfo.InvariantCulture));
            if (m.MatchedId is { } matched && matched != canonicalId)
            {
                output.Write(" to <code>");
                output.Write(E(matched));
                output.Write("</code>");
            }
        }

        if (m.Url is { } url && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            output.Write(" · <a href=\"");
            output.Write(E(url));
            output.Write("\" rel=\"noopener noreferrer\">link</a>");
        }
    }

    private static string Title(Cluster c) => c.CanonicalTitle is { Length: > 0 } title ? title : c.CanonicalId;

    private static string Shorten(string text, int max)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
    }

    /// <summary>
    /// True when most listed stories open their title (or text) in a right-to-left script: the first strong
    /// character decides, as the Unicode bidirectional algorithm does for a paragraph.
    /// </summary>
    private static bool MostlyRightToLeft(List<Cluster> stories)
    {
        int rtl = 0, ltr = 0;
        foreach (Cluster c in stories)
        {
            switch (FirstStrong(c.CanonicalTitle) ?? FirstStrong(c.CanonicalText))
            {
                case true:
                    rtl++;
                    break;
                case false:
                    ltr++;
                    break;
            }
        }

        return rtl > ltr;
    }

    private static bool? FirstStrong(string? text)
    {
        foreach (char ch in text ?? "")
        {
            if (IsRightToLeft(ch))
            {
                return true;
            }

            if (char.IsLetter(ch))
            {
                return false;
            }
        }

        return null;
    }

    /// <summary>Hebrew, Arabic, Syriac, Thaana, N'Ko and the Arabic presentation forms.</summary>
    private static bool IsRightToLeft(char ch) =>
        ch is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

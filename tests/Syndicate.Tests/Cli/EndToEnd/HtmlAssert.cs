using System.Text.RegularExpressions;

namespace Syndicate.Tests.Cli.EndToEnd;

internal static class HtmlAssert
{
    /// <summary>
    /// No script but the report's own inline one, pinned by a Content-Security-Policy that allows nothing else, and
    /// nothing fetched from elsewhere; the only URLs are the members' own links and anchors within the page.
    /// </summary>
    public static void SelfContained(string html)
    {
        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
        Assert.Contains("<script>", html, StringComparison.Ordinal);
        Assert.Matches(new Regex("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'none'\">"), html);
        Assert.DoesNotMatch(new Regex(@"<(link|img|iframe|object|embed|video|audio|source|svg|base|form)\b", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"(@import|url\s*\()", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase), html);
        foreach (Match attribute in Regex.Matches(html, @"<(\w+)[^>]*\s(src|href|action|srcset|poster|data)\s*=\s*""([^""]*)""", RegexOptions.IgnoreCase))
        {
            Assert.Equal("a", attribute.Groups[1].Value);
            Assert.Equal("href", attribute.Groups[2].Value);
            Assert.Matches("^(https?://|#[a-z0-9]+$)", attribute.Groups[3].Value);
        }
    }
}

using System.Text.RegularExpressions;

namespace Syndicate.Tests.Cli.EndToEnd;

internal static class HtmlAssert
{
    /// <summary>No script of any kind and nothing fetched from elsewhere; the only URLs are the members' own links.</summary>
    public static void SelfContained(string html)
    {
        Assert.DoesNotMatch(new Regex("<script", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"<(link|img|iframe|object|embed|video|audio|source)\b", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"(@import|url\s*\()", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase), html);
        foreach (Match attribute in Regex.Matches(html, @"<(\w+)[^>]*\s(src|href|action|srcset|poster|data)\s*=\s*""([^""]*)""", RegexOptions.IgnoreCase))
        {
            Assert.Equal("a", attribute.Groups[1].Value);
            Assert.Equal("href", attribute.Groups[2].Value);
            Assert.Matches("^https?://", attribute.Groups[3].Value);
        }
    }
}

using System.Text.Json;
using Microsoft.Playwright;
using Syndicate.Tests.Cli.EndToEnd;

namespace Syndicate.Tests.Cli.Report;

/// <summary>
/// The html report opened in a real browser (headless Chromium): direction, search, anchors, and hostile text that must
/// stay text.
/// </summary>
public sealed class HtmlReportBrowserTests(Chromium chromium, BundledReport bundled) : IClassFixture<Chromium>, IClassFixture<BundledReport>
{
    [ChromiumFact]
    public async Task ArabicCorpus_RendersRightToLeft()
    {
        IPage page = await OpenAsync(bundled.Html);

        Assert.Equal("rtl", await page.EvaluateAsync<string>("document.documentElement.dir"));
        Assert.Equal("rtl", await page.EvaluateAsync<string>("getComputedStyle(document.body).direction"));
        // Every title and text block is laid out right to left, and so starts at the right edge of its box.
        Assert.True(await page.EvaluateAsync<bool>(
            "[...document.querySelectorAll('section.story h2, section.story .text')].every(e => getComputedStyle(e).direction === 'rtl')"));
        Assert.True(await page.EvaluateAsync<bool>(
            "(() => { const h = document.querySelector('section.story h2'); const r = document.createRange(); r.selectNodeContents(h);"
            + " const t = r.getBoundingClientRect(), b = h.getBoundingClientRect(); return b.right - t.right < 2 && t.left - b.left > 2; })()"));
    }

    [ChromiumFact]
    public async Task Search_FiltersStoriesByTitleOutletOrWire()
    {
        (string html, JsonElement report) = (bundled.Html, bundled.Report);
        var stories = report.GetProperty("clusters").EnumerateArray().Where(c => c.GetProperty("size").GetInt32() > 1).ToList();
        IPage page = await OpenAsync(html);
        Assert.Equal(stories.Count, await VisibleStoriesAsync(page, null));

        JsonElement second = stories.OrderByDescending(c => c.GetProperty("size").GetInt32()).ThenBy(c => c.GetProperty("id").GetInt64()).ElementAt(1);
        string title = second.GetProperty("title").GetString()!;
        string outlet = second.GetProperty("members")[1].GetProperty("source").GetString()!;
        string? wire = stories.Select(c => c.GetProperty("wire").GetString()).FirstOrDefault(w => w is not null);
        string[] queries = wire is null ? [title[..Math.Min(20, title.Length)], outlet.ToUpperInvariant()] : [title[..Math.Min(20, title.Length)], outlet.ToUpperInvariant(), wire];
        foreach (string query in queries)
        {
            // The oracle: the stories whose title, one of whose outlets, or whose wire holds the query, ignoring case.
            long[] expected = stories
                .Where(c => Holds(c.GetProperty("title").GetString(), query)
                    || Holds(c.GetProperty("wire").GetString(), query)
                    || c.GetProperty("members").EnumerateArray().Any(m => Holds(m.GetProperty("source").GetString(), query)))
                .Select(c => c.GetProperty("id").GetInt64())
                .Order()
                .ToArray();
            Assert.NotEmpty(expected);
            Assert.True(expected.Length < stories.Count, $"the query '{query}' should leave some stories out");

            Assert.Equal(expected.Length, await VisibleStoriesAsync(page, query));
            long[] shown = (await page.EvaluateAsync<string[]>("[...document.querySelectorAll('section.story:not([hidden])')].map(s => s.id)"))
                .Select(id => long.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray();
            Assert.Equal(expected, shown);
            // The table of contents follows the filter.
            Assert.Equal(expected.Length, await page.EvaluateAsync<int>("[...document.querySelectorAll('#toc li')].filter(l => !l.hidden).length"));
            Assert.Contains($"{expected.Length} of {stories.Count} stories", await page.InnerTextAsync("#n"), StringComparison.Ordinal);
        }

        Assert.Equal(0, await VisibleStoriesAsync(page, "no story holds this"));
        Assert.Equal(stories.Count, await VisibleStoriesAsync(page, ""));
    }

    [ChromiumFact]
    public async Task TableOfContents_LinksReachEveryStory()
    {
        IPage page = await OpenAsync(bundled.Html);

        string[] targets = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('#toc a')].map(a => a.getAttribute('href'))");
        string[] sections = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('section.story')].map(s => '#' + s.id)");
        Assert.Equal(sections, targets);
        Assert.Equal(sections.Length, sections.Distinct(StringComparer.Ordinal).Count());

        // Following an entry halfway down the list scrolls its story to the top of the window, below the search bar.
        Assert.True(targets.Length >= 10, "the bundled corpus should make a long report");
        string target = targets[targets.Length / 2];
        await page.ClickAsync($"#toc a[href='{target}']");
        Assert.Equal(target, await page.EvaluateAsync<string>("location.hash"));
        double top = await page.EvaluateAsync<double>($"document.querySelector('{target}').getBoundingClientRect().top");
        double bar = await page.EvaluateAsync<double>("document.getElementById('bar').getBoundingClientRect().bottom");
        Assert.InRange(top, bar - 1, bar + 80);

        // Each story links back to the contents.
        await page.ClickAsync($"{target} a[href='#toc']");
        Assert.Equal("#toc", await page.EvaluateAsync<string>("location.hash"));
    }

    [ChromiumFact]
    public async Task HostileText_InEveryField_CreatesNoElement_AndRunsNothing()
    {
        using var dir = new TempDirectory();
        string[] payloads =
        [
            "<script>window.pwned = 'script'</script>",
            "\"><img src=x onerror=\"window.pwned='img'\">",
            "'><svg onload=window.pwned='svg'>",
            "</style><script>window.pwned = 'style'</script>",
            "</script><script>window.pwned = 'script-end'</script>",
            "javascript:window.pwned='url'",
            "--><script>window.pwned = 'comment'</script>",
        ];
        string hostile = string.Join(' ', payloads);
        string body = "Officials said the plan for the river bridge will be built over three years by a consortium of local firms "
            + "and paid for by the regional budget. The minister added that work starts in the spring once the final survey "
            + "of the site is complete, and that the old crossing stays open until then. " + hostile;
        var lines = new List<string>();
        for (int i = 0; i < payloads.Length; i++)
        {
            string copy = i == 0 ? body : body + " Reporting by staff " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ". " + payloads[i];
            lines.Add(JsonSerializer.Serialize(new
            {
                id = payloads[i] + "#" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                source = payloads[(i + 1) % payloads.Length],
                url = i % 2 == 0 ? payloads[5] : "https://example.com/" + payloads[i],
                published = "2022-01-18T06:00:00Z",
                title = payloads[(i + 2) % payloads.Length] + " bridge plan",
                body = copy,
            }));
        }

        string input = dir.Write("hostile.jsonl", string.Join('\n', lines) + "\n");
        string path = dir.File("report.html");
        SyndicateCli.Run("cluster", input, "--format", "html", "--out", path).ExpectClean();
        IPage page = await chromium.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await page.GotoAsync(new Uri(path).AbsoluteUri);

        Assert.Equal(1, await VisibleStoriesAsync(page, null));
        Assert.Equal("ltr", await page.EvaluateAsync<string>("document.documentElement.dir"));
        Assert.Null(await page.EvaluateAsync<string?>("window.pwned ?? null"));
        Assert.Empty(dialogs);
        // The page's own script ran (the counter is filled in) and is the only one.
        Assert.Equal(1, await page.EvaluateAsync<int>("document.scripts.length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('img, svg, iframe, object, embed, link, meta[http-equiv=refresh], base, form').length"));
        Assert.Equal(1, await page.EvaluateAsync<int>("document.querySelectorAll('style').length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("[...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"));
        Assert.True(await page.EvaluateAsync<bool>(
            "[...document.querySelectorAll('a[href]')].every(a => a.getAttribute('href').startsWith('#') || a.protocol === 'https:' || a.protocol === 'http:')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("[...document.querySelectorAll('a')].filter(a => a.protocol === 'javascript:').length"));
        Assert.DoesNotContain(errors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
        // The hostile text is there, as text: in the title, the ids, the outlets and the body.
        string text = await page.InnerTextAsync("body");
        foreach (string payload in payloads)
        {
            Assert.Contains(payload, text, StringComparison.Ordinal);
        }

        // Typing hostile text in the search box creates nothing either.
        Assert.Equal(1, await VisibleStoriesAsync(page, payloads[1]));
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('img, svg').length"));
        Assert.Null(await page.EvaluateAsync<string?>("window.pwned ?? null"));
    }

    private static bool Holds(string? field, string query) => field is not null && field.Contains(query, StringComparison.OrdinalIgnoreCase);

    private async Task<IPage> OpenAsync(string html)
    {
        IPage page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(html).AbsoluteUri);
        return page;
    }

    /// <summary>Types <paramref name="query"/> into the search box (null: leaves it) and counts the stories left.</summary>
    private static async Task<int> VisibleStoriesAsync(IPage page, string? query)
    {
        if (query is not null)
        {
            await page.FillAsync("#q", query);
        }

        return await page.EvaluateAsync<int>("[...document.querySelectorAll('section.story')].filter(s => s.offsetParent !== null).length");
    }
}

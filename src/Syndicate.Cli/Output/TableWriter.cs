using System.Globalization;
using Spectre.Console;
using Syndicate.Clustering;

namespace Syndicate.Cli.Output;

/// <summary>
/// The <c>table</c> format: stories with more than one copy (counting articles of other stories that carry them),
/// biggest first; singletons summarised.
/// </summary>
internal static class TableWriter
{
    /// <summary>Stories listed when <c>--top</c> is not given.</summary>
    public const int DefaultTop = 25;

    /// <summary>Title characters worth keeping before an optional column is given up for them.</summary>
    private const int MinTitleWidth = 24;

    public static void Write(IAnsiConsole console, RunReport report, int limit)
    {
        List<Cluster> multi = Listing.Stories(report.Clusters);
        var shown = multi.Take(limit).ToList();
        Layout layout = Layout.Fit(console.Profile.Width, shown);

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("[bold]#[/]").RightAligned().NoWrap());
        table.AddColumn(layout.Narrow ? "[bold]title[/]" : "[bold]canonical title[/]");
        if (layout.Wire)
        {
            table.AddColumn(new TableColumn("[bold]wire[/]").NoWrap());
        }

        table.AddColumn(new TableColumn("[bold]copies[/]").RightAligned().NoWrap());
        if (layout.Outlets)
        {
            table.AddColumn(new TableColumn("[bold]outlets[/]").RightAligned().NoWrap());
        }

        if (layout.FirstSeen)
        {
            table.AddColumn(new TableColumn("[bold]first seen[/]").NoWrap());
        }

        table.AddColumn(new TableColumn(layout.Narrow ? "[bold]id[/]" : "[bold]canonical id[/]").NoWrap());

        foreach (Cluster c in shown)
        {
            var cells = new List<string>
            {
                c.Id.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(Shorten(c.CanonicalTitle ?? FirstWords(c.CanonicalText) ?? "", layout.TitleWidth)),
            };
            if (layout.Wire)
            {
                cells.Add(Markup.Escape(TerminalText.Neutralize(c.Wire ?? "-")));
            }

            // Copies of its own, and "+n" articles of other stories that carry it.
            cells.Add(c.Carriers.Count == 0
                ? c.Members.Count.ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{c.Members.Count}+{c.Carriers.Count}"));
            if (layout.Outlets)
            {
                cells.Add(c.OutletCount.ToString(CultureInfo.InvariantCulture));
            }

            if (layout.FirstSeen)
            {
                DateTimeOffset? first = c.Members.Where(m => m.Published is not null).Select(m => m.Published).Min();
                cells.Add(first?.ToString(layout.Time ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-");
            }

            cells.Add(Markup.Escape(ShortenMiddle(c.CanonicalId, layout.IdWidth)));
            table.AddRow(cells.ToArray());
        }

        if (multi.Count > 0 && limit > 0)
        {
            console.Write(table);
        }
        else if (multi.Count == 0)
        {
            console.MarkupLine("No story was carried by several copies.");
        }

        RunStatistics s = report.Statistics;
        int singletons = report.Clusters.Count - multi.Count;
        if (multi.Count > limit)
        {
            console.MarkupLine(CultureInfo.InvariantCulture, "[grey]… and {0} more stories with several copies (use --format json for all)[/]", multi.Count - limit);
        }

        int carriers = report.Clusters.SelectMany(c => c.Carriers).Select(c => c.Id).Distinct(StringComparer.Ordinal).Count();
        console.MarkupLine(CultureInfo.InvariantCulture,
            "{0} articles → {1} stories: [bold]{2}[/] carried by several copies, {3} singletons. {4} duplicates, {5} near-duplicates, {6} partial copies{9}{7}{8}.",
            s.Articles, s.Clusters, multi.Count, singletons, s.Duplicates, s.NearDuplicates, s.Partials,
            s.Evicted > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {s.Evicted} articles left the window before the end (stories counted as held at the end)") : "",
            s.Errors > 0 ? $", [yellow]{s.Errors} input errors skipped[/]" : "",
            carriers > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {carriers} articles also carry other stories (copies \"n+k\": k of them carry that story)") : "");
    }

    /// <summary>
    /// Which columns fit a terminal line. The story number, title, copy count and canonical id are always shown (the id
    /// is what <c>explain</c> takes); the time of day, then the outlet count, the wire and the first-seen date are given
    /// up in that order while the title would get fewer than <see cref="MinTitleWidth"/> characters. Titles are cut to
    /// what is left, since Spectre wraps a cell that does not fit, which with a wrapped title doubles the table's height.
    /// </summary>
    private sealed record Layout(bool Narrow, bool Time, bool Outlets, bool Wire, bool FirstSeen, int TitleWidth, int IdWidth)
    {
        public static Layout Fit(int width, List<Cluster> shown)
        {
            bool narrow = width < 120;
            int number = Math.Max(1, shown.Select(c => c.Id.ToString(CultureInfo.InvariantCulture).Length).DefaultIfEmpty(1).Max());
            int longestId = shown.Select(c => TerminalText.Neutralize(c.CanonicalId).Length).DefaultIfEmpty(2).Max();
            // An id longer than a third of the line keeps its start and end (ids seldom differ only in the middle).
            int idWidth = Math.Min(longestId, Math.Max(16, width / 3));
            int wire = Math.Max(4, shown.Select(c => TerminalText.Neutralize(c.Wire ?? "-").Length).DefaultIfEmpty(1).Max());
            var layout = new Layout(narrow, Time: true, Outlets: true, Wire: true, FirstSeen: true, 0, idWidth);
            while (true)
            {
                // Each column takes its content plus a space either side and a border; the table one more border.
                int columns = 4 + (layout.Wire ? 1 : 0) + (layout.Outlets ? 1 : 0) + (layout.FirstSeen ? 1 : 0);
                int used = number + 6 + Math.Max(narrow ? 2 : 12, idWidth)
                    + (layout.Wire ? wire : 0) + (layout.Outlets ? 7 : 0) + (layout.FirstSeen ? (layout.Time ? 16 : 10) : 0);
                int title = width - used - (3 * columns) - 1;
                Layout? fewer = layout switch
                {
                    { Time: true } => layout with { Time = false },
                    { Outlets: true } => layout with { Outlets = false },
                    { Wire: true } => layout with { Wire = false },
                    { FirstSeen: true } => layout with { FirstSeen = false },
                    _ => null,
                };
                if (title >= MinTitleWidth || fewer is null)
                {
                    return layout with { TitleWidth = Math.Clamp(title, narrow ? 5 : 16, 60) };
                }

                layout = fewer;
            }
        }
    }

    private static string ShortenMiddle(string text, int max)
    {
        text = TerminalText.Neutralize(text);
        if (text.Length <= max)
        {
            return text;
        }

        int head = (max - 1) / 2;
        return string.Concat(text.AsSpan(0, head), "…", text.AsSpan(text.Length - (max - 1 - head)));
    }

    private static string? FirstWords(string? text) => text is null ? null : text.Split('\n', 2)[0];

    private static string Shorten(string text, int max)
    {
        // Control characters are shown, not obeyed (a title may carry escape sequences or bidirectional overrides).
        text = TerminalText.Neutralize(text.ReplaceLineEndings(" ").Trim());
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
    }
}

using System.Globalization;
using Spectre.Console;
using Syndicate.Clustering;

namespace Syndicate.Cli.Output;

/// <summary>The <c>table</c> format: stories with more than one copy, biggest first; singletons summarised.</summary>
internal static class TableWriter
{
    public static void Write(IAnsiConsole console, RunReport report, int limit)
    {
        var multi = report.Clusters.Where(c => c.Members.Count > 1)
            .OrderByDescending(c => c.Members.Count)
            .ThenBy(c => c.Id)
            .ToList();
        var shown = multi.Take(limit).ToList();
        // Fit a terminal line: every column but the title keeps its width on one line, the canonical id only when there
        // is room, and titles are cut to what is left (Spectre wraps a cell that does not fit, which with a wrapped
        // title doubles the table's height).
        int width = console.Profile.Width;
        bool showId = width >= 120;
        int wireWidth = shown.Select(c => TerminalText.Neutralize(c.Wire ?? "-").Length).DefaultIfEmpty(4).Max();
        int idWidth = showId ? shown.Select(c => TerminalText.Neutralize(c.CanonicalId).Length).DefaultIfEmpty(12).Max() : 0;
        int fixedWidth = 4 + Math.Max(4, wireWidth) + 6 + 7 + 16 + idWidth;
        int columns = showId ? 7 : 6;
        int titleWidth = Math.Clamp(width - fixedWidth - (3 * columns) - 1, 16, 60);

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("[bold]#[/]").RightAligned().NoWrap());
        table.AddColumn("[bold]canonical title[/]");
        table.AddColumn(new TableColumn("[bold]wire[/]").NoWrap());
        table.AddColumn(new TableColumn("[bold]copies[/]").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("[bold]outlets[/]").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("[bold]first seen[/]").NoWrap());
        if (showId)
        {
            table.AddColumn(new TableColumn("[bold]canonical id[/]").NoWrap());
        }

        foreach (Cluster c in shown)
        {
            DateTimeOffset? first = c.Members.Where(m => m.Published is not null).Select(m => m.Published).Min();
            var cells = new List<string>
            {
                c.Id.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(Shorten(TerminalText.Neutralize((c.CanonicalTitle ?? FirstWords(c.CanonicalText) ?? "").ReplaceLineEndings(" ")), titleWidth)),
                Markup.Escape(TerminalText.Neutralize(c.Wire ?? "-")),
                c.Members.Count.ToString(CultureInfo.InvariantCulture),
                c.OutletCount.ToString(CultureInfo.InvariantCulture),
                first?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-",
            };
            if (showId)
            {
                cells.Add(Markup.Escape(TerminalText.Neutralize(c.CanonicalId)));
            }

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

        console.MarkupLine(CultureInfo.InvariantCulture,
            "{0} articles → {1} stories: [bold]{2}[/] carried by several copies, {3} singletons. {4} duplicates, {5} near-duplicates, {6} partial copies{7}{8}.",
            s.Articles, s.Clusters, multi.Count, singletons, s.Duplicates, s.NearDuplicates, s.Partials,
            s.Evicted > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {s.Evicted} articles left the window before the end (stories counted as held at the end)") : "",
            s.Errors > 0 ? $", [yellow]{s.Errors} input errors skipped[/]" : "");
    }

    private static string? FirstWords(string? text) => text is null ? null : text.Split('\n', 2)[0];

    private static string Shorten(string text, int max)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
    }
}

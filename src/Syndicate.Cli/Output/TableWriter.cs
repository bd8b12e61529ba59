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
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("[bold]#[/]").RightAligned());
        table.AddColumn("[bold]canonical title[/]");
        table.AddColumn("[bold]wire[/]");
        table.AddColumn(new TableColumn("[bold]copies[/]").RightAligned());
        table.AddColumn(new TableColumn("[bold]outlets[/]").RightAligned());
        table.AddColumn("[bold]first seen[/]");
        table.AddColumn("[bold]canonical id[/]");
        foreach (Cluster c in multi.Take(limit))
        {
            DateTimeOffset? first = c.Members.Where(m => m.Published is not null).Select(m => m.Published).Min();
            table.AddRow(
                c.Id.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(Shorten(c.CanonicalTitle ?? FirstWords(c.CanonicalText) ?? "", 60)),
                Markup.Escape(c.Wire ?? "-"),
                c.Members.Count.ToString(CultureInfo.InvariantCulture),
                c.OutletCount.ToString(CultureInfo.InvariantCulture),
                first?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape(c.CanonicalId));
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
            "{0} articles → {1} stories: [bold]{2}[/] carried by several copies, {3} singletons. {4} duplicates, {5} near-duplicates, {6} partial copies{7}.",
            s.Articles, s.Clusters, multi.Count, singletons, s.Duplicates, s.NearDuplicates, s.Partials,
            s.Errors > 0 ? $", [yellow]{s.Errors} input errors skipped[/]" : "");
    }

    private static string? FirstWords(string? text) => text is null ? null : text.Split('\n', 2)[0];

    private static string Shorten(string text, int max)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
    }
}

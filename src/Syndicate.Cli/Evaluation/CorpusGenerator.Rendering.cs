using System.Globalization;
using Syndicate.Sketches;

namespace Syndicate.Cli.Evaluation;

internal sealed partial class CorpusGenerator
{
    private static GeneratedArticle RenderWireCopy(
        GenerationState state, Wire wire, City city, string title, IReadOnlyList<string> paragraphs, DateTimeOffset published)
    {
        var credit = Datelines.Credit(wire.Style, wire, WireNameForm.ArabicShort);
        var dateline = Datelines.Format(wire.Style, credit, city, wire.ArabicShort, published);
        var lines = new List<string>();
        AddWithDateline(lines, wire.Style, dateline, paragraphs);
        var body = string.Join("\n\n", lines);
        return new GeneratedArticle(state.NewId(), wire.Code, state.Url(wire.UrlPattern, published), published, title, body);
    }

    /// <summary>An outlet's copy: header, repeated title, dateline, story, read-also box, credit, footer and widgets.</summary>
    /// <param name="wire">The wire carried, or <see langword="null"/> for the outlet's own story.</param>
    private static GeneratedArticle RenderOutletCopy(
        GenerationState state,
        SplitMix64 rng,
        Outlet outlet,
        Wire? wire,
        City city,
        string title,
        IReadOnlyList<string> paragraphs,
        DateTimeOffset published,
        bool continues)
    {
        var inv = CultureInfo.InvariantCulture;
        var year = published.Year.ToString(inv);
        var lines = new List<string>();
        if (outlet.Header is not null)
        {
            lines.Add(outlet.Header);
        }

        if (outlet.RepeatsTitle)
        {
            lines.Add(title);
        }

        // An outlet's own story has no wire to credit: it is datelined with the outlet's name instead, and the
        // outlet-and-wire form of the Urdu Point sites falls back to the plain city form.
        var style = wire is null && outlet.Style == DatelineStyle.OutletSlashWire ? DatelineStyle.CityDashWire : outlet.Style;
        var credit = wire is null ? outlet.Name : Datelines.Credit(style, wire, outlet.WireName);
        var dateline = Datelines.Format(style, credit, city, outlet.Name, published);
        var storyStart = lines.Count;
        AddWithDateline(lines, style, dateline, paragraphs);

        if (outlet.ReadAlso && paragraphs.Count >= 3 && rng.Chance(0.7))
        {
            var at = storyStart + rng.NextInt(2, paragraphs.Count - 1);
            lines.Insert(at, ReadAlsoPrefix + state.OtherHeadline(title));
        }

        if (continues)
        {
            lines.Add(ContinuesLine);
        }

        if (wire is not null && outlet.CreditLine is not null)
        {
            lines.Add(string.Format(inv, outlet.CreditLine, wire.NameIn(outlet.WireName), wire.Russian));
        }

        if (outlet.FollowUs is not null)
        {
            lines.Add(outlet.FollowUs);
        }

        var copyright = outlet.Copyright?.Replace("{year}", year, StringComparison.Ordinal);
        if (outlet.CommentsWidget)
        {
            // Scrapers that drop the page's markup glue the widget's label onto the next text on the page: the
            // copyright line or the first headline of the "more stories" sidebar.
            var following = copyright ?? state.OtherHeadline(title);
            if (rng.Chance(0.75))
            {
                lines.Add(CommentsWidget + following);
            }
            else
            {
                lines.Add(CommentsWidget);
                lines.Add(following);
            }

            copyright = null;
        }

        if (copyright is not null)
        {
            lines.Add(copyright);
        }

        var body = string.Join(outlet.ParagraphSeparator, lines);
        return new GeneratedArticle(state.NewId(), outlet.Code, state.Url(outlet.UrlPattern, published), published, title, body);
    }

    private static void AddWithDateline(List<string> lines, DatelineStyle style, string dateline, IReadOnlyList<string> paragraphs)
    {
        if (Datelines.IsOwnLine(style))
        {
            lines.Add(dateline);
            lines.AddRange(paragraphs);
            return;
        }

        lines.Add(dateline + " " + paragraphs[0]);
        for (var i = 1; i < paragraphs.Count; i++)
        {
            lines.Add(paragraphs[i]);
        }
    }
}

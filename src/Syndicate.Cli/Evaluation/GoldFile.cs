using System.Text.Json;

namespace Syndicate.Cli.Evaluation;

/// <summary>
/// A gold file read and checked: either story labels (<c>id, story, kind, wire, original, borrowedFrom</c>, what
/// <c>syndicate generate</c> writes) or link labels (<c>id, kind, link</c> with kinds <c>source</c>, <c>wd</c>,
/// <c>pd</c>, <c>nd</c>, the COUNTER scheme).
/// </summary>
/// <remarks>
/// The scheme is recognised from the first label: a <c>link</c> field or a COUNTER kind makes it a link file. A line
/// of the other scheme later on, a repeated id, or a link to an id that is not a source text of the same file is an
/// error naming the line.
/// </remarks>
internal sealed class GoldFile
{
    private const string StoryLabel = "a gold label {\"id\", \"story\", \"kind\", ...}";
    private const string LinkLabelText = "a link label {\"id\", \"kind\": source|wd|pd|nd, \"link\"}";

    private GoldFile(IReadOnlyList<GoldRecord>? stories, IReadOnlyList<LinkLabel>? links)
    {
        Stories = stories;
        Links = links;
    }

    /// <summary>The story labels, or <see langword="null"/> for a link file.</summary>
    public IReadOnlyList<GoldRecord>? Stories { get; }

    /// <summary>The link labels, or <see langword="null"/> for a story file.</summary>
    public IReadOnlyList<LinkLabel>? Links { get; }

    public IEnumerable<string> Ids => Stories?.Select(s => s.Id) ?? Links!.Select(l => l.Id);

    public static GoldFile FromStories(IReadOnlyList<GoldRecord> stories) => new(stories, null);

    public static GoldFile FromLinks(IReadOnlyList<LinkLabel> links) => new(null, links);

    /// <exception cref="Input.InputException">The file cannot be read or is not a gold file.</exception>
    public static GoldFile Read(string path)
    {
        List<GoldRecord>? stories = null;
        List<LinkLabel>? links = null;
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach ((long line, JsonElement value) in LabelFile.ReadObjects(path))
        {
            bool linkLine = value.TryGetProperty("link", out _)
                || (value.TryGetProperty("kind", out JsonElement kindField) && kindField.ValueKind == JsonValueKind.String
                    && LinkKinds.IsLinkKind(kindField.GetString()!));
            if (stories is null && links is null)
            {
                if (linkLine)
                {
                    links = [];
                }
                else
                {
                    stories = [];
                }
            }

            string id;
            if (links is not null)
            {
                if (!linkLine && value.TryGetProperty("kind", out _))
                {
                    throw LabelFile.Fail(path, line, $"expected {LinkLabelText} like the lines above it; found a story label");
                }

                id = LabelFile.RequireString(path, line, value, "id", LinkLabelText);
                string kind = LabelFile.RequireString(path, line, value, "kind", LinkLabelText);
                if (!LinkKinds.IsLinkKind(kind))
                {
                    throw LabelFile.Fail(path, line, $"expected {LinkLabelText}; kind '{kind}' is none of source, wd, pd, nd");
                }

                string? link = kind == LinkKinds.Source
                    ? LabelFile.OptionalString(path, line, value, "link", LinkLabelText)
                    : LabelFile.RequireString(path, line, value, "link", LinkLabelText);
                if (kind == LinkKinds.Source && link is not null)
                {
                    throw LabelFile.Fail(path, line, $"expected {LinkLabelText}; a source text links to nothing");
                }

                links.Add(new LinkLabel(id, kind, link, LabelFile.OptionalString(path, line, value, "story", LinkLabelText)));
            }
            else
            {
                if (linkLine)
                {
                    throw LabelFile.Fail(path, line, $"expected {StoryLabel} like the lines above it; found a link label");
                }

                id = LabelFile.RequireString(path, line, value, "id", StoryLabel);
                stories!.Add(new GoldRecord(
                    id,
                    LabelFile.RequireString(path, line, value, "story", StoryLabel),
                    LabelFile.RequireString(path, line, value, "kind", StoryLabel),
                    LabelFile.OptionalString(path, line, value, "wire", StoryLabel),
                    LabelFile.OptionalBoolean(path, line, value, "original", StoryLabel),
                    LabelFile.OptionalString(path, line, value, "borrowedFrom", StoryLabel)));
            }

            if (!lines.TryAdd(id, line))
            {
                throw LabelFile.Fail(path, line, $"id '{id}' is labelled twice (first on line {lines[id]})");
            }
        }

        if (links is not null)
        {
            var sources = links.Where(l => l.Kind == LinkKinds.Source).Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
            foreach (LinkLabel label in links)
            {
                if (label.Link is not null && !sources.Contains(label.Link))
                {
                    throw LabelFile.Fail(path, lines[label.Id], $"link '{label.Link}' names no text of kind 'source' in this file");
                }
            }

            return FromLinks(links);
        }

        return stories is null ? throw LabelFile.Fail(path, 0, "holds no gold labels") : FromStories(stories);
    }

    /// <summary>Story labels from a stream (the bundled sample's), read as leniently as before.</summary>
    public static GoldFile ReadStories(Stream stream) => FromStories(CorpusJsonl.ReadGold(stream));
}

using System.Globalization;
using Syndicate.Sketches;

namespace Syndicate.Cli.Evaluation;

/// <summary>What one <see cref="CorpusGenerator.Generate"/> run accumulates: the articles, their ids, and the headlines widgets quote.</summary>
internal sealed class GenerationState
{
    private readonly SplitMix64 _rng;
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> _headlines;

    public GenerationState(SplitMix64 rng, IReadOnlyList<string> headlines)
    {
        _rng = rng;
        _headlines = headlines;
    }

    public List<(GeneratedArticle Article, GoldRecord Gold)> Entries { get; } = [];

    /// <summary>An opaque article id (48 random bits), so that ids carry no hint of the story or the kind.</summary>
    public string NewId()
    {
        while (true)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"a{_rng.NextUInt64() & 0xFFFF_FFFF_FFFFUL:x12}");
            if (_ids.Add(id))
            {
                return id;
            }
        }
    }

    public string Url(string pattern, DateTimeOffset published) => pattern
        .Replace("{date}", published.ToString("yyyyMMdd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{n}", _rng.NextInt(1_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Another story's headline, for "read also" boxes and sidebars.</summary>
    public string OtherHeadline(string title)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var headline = _headlines[_rng.NextInt(_headlines.Count)];
            if (!string.Equals(headline, title, StringComparison.Ordinal))
            {
                return headline;
            }
        }

        return _headlines[0];
    }

    public void Add(GeneratedArticle article, GoldRecord gold) => Entries.Add((article, gold));
}

using System.Globalization;
using Syndicate.Sketches;

namespace Syndicate.Cli.Evaluation;

/// <summary>
/// Builds a labelled syndication corpus from clean base stories: each syndicated story is published by a wire and
/// carried by several outlets, each wrapping it in its own furniture and some editing it; hard negatives (other stories
/// of the same wire that reuse a story's background paragraphs) and unrelated distractors are mixed in.
/// </summary>
/// <remarks>
/// Every draw comes from one <see cref="SplitMix64"/> seeded with <see cref="GeneratorOptions.Seed"/>; each story draws
/// from its own forked stream, so the output is a pure function of the options and the base stories.
/// </remarks>
internal sealed partial class CorpusGenerator
{
    private const string ContinuesLine = "(تستمر)";
    private const string CommentsWidget = "أفكارك وتعليقاتك";
    private const string ReadAlsoPrefix = "اقرأ أيضا: ";

    private readonly GeneratorOptions _options;

    public CorpusGenerator(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Stories);
        ArgumentOutOfRangeException.ThrowIfNegative(options.HardNegativeRate);
        ArgumentOutOfRangeException.ThrowIfNegative(options.DistractorRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MinOutlets);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxOutlets, options.MinOutlets);
        _options = options;
    }

    /// <summary>Generates the corpus.</summary>
    /// <param name="bases">
    /// The stories to syndicate, each used at most once. When there are fewer than the options ask for, the numbers of
    /// syndicated stories, hard negatives and distractors are scaled down in proportion.
    /// </param>
    public GeneratedCorpus Generate(IReadOnlyList<BaseStory> bases)
    {
        ArgumentNullException.ThrowIfNull(bases);
        if (bases.Count < 2)
        {
            throw new ArgumentException("At least two base stories are needed.", nameof(bases));
        }

        var rng = new SplitMix64(_options.Seed);
        var pool = bases.ToList();
        rng.Shuffle(pool);
        var (syndicatedCount, hardNegativeCount, distractorCount) = Allocate(pool.Count);

        var state = new GenerationState(rng.Fork(), pool.Select(b => b.Title).ToList());
        var next = 0;
        var time = _options.Start;
        var syndicated = new List<(string Story, BaseStory Base, Wire Wire, City City, DateTimeOffset Published)>();
        for (var i = 0; i < syndicatedCount; i++)
        {
            var storyRng = rng.Fork();
            var story = StoryId(syndicated.Count + 1);
            var wire = storyRng.Pick(Wire.All);
            var city = storyRng.Chance(0.8) ? wire.Home : storyRng.Pick(City.All);
            AddSyndicatedStory(state, storyRng, story, pool[next], wire, city, time);
            syndicated.Add((story, pool[next], wire, city, time));
            next++;
            time = time.AddMinutes(rng.NextInt(20, 120));
        }

        var borrowable = syndicated.Where(s => s.Base.Paragraphs.Count >= 2).ToList();
        for (var i = 0; i < hardNegativeCount && borrowable.Count > 0; i++)
        {
            var storyRng = rng.Fork();
            var from = storyRng.Pick(borrowable);
            var published = from.Published.AddMinutes(storyRng.NextInt(60, 30 * 60));
            AddHardNegative(state, storyRng, StoryId(syndicatedCount + i + 1), pool[next], from.Story, from.Base, from.Wire, from.City, published);
            next++;
        }

        // Template instances take no base story of their own: they are a syndicated story's text, days later.
        var templates = (int)Math.Round(syndicatedCount * _options.TemplateRate, MidpointRounding.AwayFromZero);
        var numbered = syndicated.ToList();
        var templateId = syndicatedCount + hardNegativeCount + distractorCount;
        for (var i = 0; i < templates && numbered.Count > 0;)
        {
            var storyRng = rng.Fork();
            var from = storyRng.Pick(numbered);
            numbered.Remove(from);
            var published = from.Published.AddHours(storyRng.NextInt(48, 240));
            if (TryAddTemplateInstance(state, storyRng, StoryId(templateId + i + 1), from.Story, from.Base, from.Wire, from.City, published))
            {
                i++;
            }
        }

        var end = time;
        for (var i = 0; i < distractorCount; i++)
        {
            var storyRng = rng.Fork();
            var published = _options.Start.AddMinutes(storyRng.NextInt(0, Math.Max(1, (int)(end - _options.Start).TotalMinutes)));
            AddDistractor(state, storyRng, StoryId(syndicatedCount + hardNegativeCount + i + 1), pool[next], published);
            next++;
        }

        // Last, so that a corpus's other articles are the same with or without them.
        var compilations = (int)Math.Round(syndicatedCount * _options.CompilationRate, MidpointRounding.AwayFromZero);
        var carriers = syndicated.Where(s => s.Base.Paragraphs.Count >= 2).ToList();
        for (int made = 0, attempt = 0; made < compilations && attempt < 4 * compilations && carriers.Count >= 2; attempt++)
        {
            var storyRng = rng.Fork();
            var lead = storyRng.Pick(carriers);
            var sameDay = carriers.Where(s => s.Story != lead.Story && Math.Abs((s.Published - lead.Published).TotalHours) <= 12).ToList();
            if (sameDay.Count == 0)
            {
                continue;
            }

            var carried = storyRng.Pick(sameDay);
            // After both stories' originals (an outlet copy stands in for a missing wire copy, up to ten hours on).
            var after = state.Entries.Where(e => e.Gold.Original && (e.Gold.Story == lead.Story || e.Gold.Story == carried.Story)).Max(e => e.Article.Published);
            if (TryAddCompilation(state, storyRng, lead.Story, lead.Base, carried.Story, carried.Base, carried.Wire, carried.City, after.AddMinutes(storyRng.NextInt(60, 8 * 60))))
            {
                made++;
            }
        }

        state.Entries.Sort((a, b) =>
        {
            var byTime = a.Article.Published.CompareTo(b.Article.Published);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.Article.Id, b.Article.Id);
        });
        return new GeneratedCorpus(state.Entries.Select(e => e.Article).ToList(), state.Entries.Select(e => e.Gold).ToList());
    }

    private (int Syndicated, int HardNegatives, int Distractors) Allocate(int available)
    {
        var syndicated = _options.Stories;
        var hardNegatives = (int)Math.Round(_options.Stories * _options.HardNegativeRate, MidpointRounding.AwayFromZero);
        var distractors = (int)Math.Round(_options.Stories * _options.DistractorRate, MidpointRounding.AwayFromZero);
        var total = syndicated + hardNegatives + distractors;
        if (total <= available)
        {
            return (syndicated, hardNegatives, distractors);
        }

        hardNegatives = (int)((long)available * hardNegatives / total);
        distractors = (int)((long)available * distractors / total);
        return (available - hardNegatives - distractors, hardNegatives, distractors);
    }

    private static string StoryId(int number) => string.Create(CultureInfo.InvariantCulture, $"s{number:000}");
}

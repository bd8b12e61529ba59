using Syndicate.Sketches;

namespace Syndicate.Cli.Evaluation;

internal sealed partial class CorpusGenerator
{
    private void AddSyndicatedStory(GenerationState state, SplitMix64 rng, string story, BaseStory baseStory, Wire wire, City city, DateTimeOffset published)
    {
        var outlets = Outlet.All.ToList();
        rng.Shuffle(outlets);
        var count = rng.NextInt(_options.MinOutlets, Math.Min(_options.MaxOutlets, outlets.Count));
        var wireMissing = rng.Chance(_options.MissingWireCopyRate);

        if (!wireMissing)
        {
            var wireCopy = RenderWireCopy(state, wire, city, baseStory.Title, baseStory.Paragraphs, published);
            state.Add(wireCopy, new GoldRecord(wireCopy.Id, story, GoldKinds.Original, wire.Name, original: true));
        }

        // Delays in seconds: most copies within ninety minutes, the rest up to ten hours. Distinct, so that
        // "the earliest copy" is well defined when the wire copy is missing.
        var delays = new SortedSet<int>();
        while (delays.Count < count)
        {
            delays.Add(rng.Chance(0.6) ? rng.NextInt(60, 90 * 60) : rng.NextInt(90 * 60, 10 * 60 * 60));
        }

        var index = 0;
        foreach (var delay in delays)
        {
            var outlet = outlets[index];
            var isFirst = index == 0;
            index++;

            // Without the wire copy, the earliest outlet copy stands in as the original, so it is kept verbatim.
            var standsInForWire = wireMissing && isFirst;
            var roll = rng.NextDouble();
            var kind = standsInForWire || (baseStory.Paragraphs.Count < 2 && roll < _options.PartialRate)
                ? GoldKinds.Reprint
                : roll < _options.PartialRate ? GoldKinds.Partial
                : roll < _options.PartialRate + _options.EditedRate ? GoldKinds.Edited
                : GoldKinds.Reprint;

            var title = baseStory.Title;
            IReadOnlyList<string> paragraphs = baseStory.Paragraphs;
            var continues = false;
            switch (kind)
            {
                case GoldKinds.Edited:
                    (title, paragraphs) = Edit(rng, title, baseStory.Paragraphs);
                    paragraphs = Reword(rng, paragraphs);
                    break;
                case GoldKinds.Partial:
                    paragraphs = baseStory.Paragraphs.Take(rng.NextInt(1, Math.Min(3, baseStory.Paragraphs.Count - 1))).ToList();
                    continues = rng.Chance(0.7);
                    break;
                default:
                    break;
            }

            if (!standsInForWire && rng.Chance(_options.HeadlineRewriteRate))
            {
                title = TextVariants.RewriteHeadline(title, paragraphs[0], outlet.Name, rng);
            }

            var copy = RenderOutletCopy(state, rng, outlet, wire, city, title, paragraphs, published.AddSeconds(delay), continues);
            state.Add(copy, new GoldRecord(copy.Id, story, kind, wire.Name, original: standsInForWire));
        }
    }

    /// <summary>The variants real outlets add to an edited copy: a rewritten opening, respaced Arabic script.</summary>
    private IReadOnlyList<string> Reword(SplitMix64 rng, IReadOnlyList<string> source)
    {
        // Each draw only when its rate is set, so that a corpus generated without them is unchanged.
        var paragraphs = source.ToList();
        if (_options.RewrittenOpeningRate > 0 && rng.Chance(_options.RewrittenOpeningRate))
        {
            paragraphs[0] = TextVariants.RewriteOpening(paragraphs[0], rng);
        }

        if (_options.RespacedRate > 0 && rng.Chance(_options.RespacedRate))
        {
            for (var i = 0; i < paragraphs.Count; i++)
            {
                paragraphs[i] = TextVariants.Respace(paragraphs[i], rng);
            }
        }

        return paragraphs;
    }

    /// <summary>
    /// The wire's next instance of a template: the same text days later with other numbers, a story of its own. False
    /// when the story has too few numbers for the instances to differ as real ones do (word Jaccard below 0.9).
    /// </summary>
    private static bool TryAddTemplateInstance(GenerationState state, SplitMix64 rng, string story, string of, BaseStory baseStory, Wire wire, City city, DateTimeOffset published)
    {
        var title = TextVariants.ChangeNumbers(baseStory.Title, rng);
        var paragraphs = baseStory.Paragraphs.Select(p => TextVariants.ChangeNumbers(p, rng)).ToList();
        if (TextVariants.WordShingleJaccard(string.Join(' ', baseStory.Paragraphs), string.Join(' ', paragraphs)) >= 0.9)
        {
            return false;
        }

        var copy = RenderWireCopy(state, wire, city, title, paragraphs, published);
        state.Add(copy, new GoldRecord(copy.Id, story, GoldKinds.HardNegative, wire.Name, original: true, of));
        return true;
    }

    private static (string Title, IReadOnlyList<string> Paragraphs) Edit(SplitMix64 rng, string title, IReadOnlyList<string> source)
    {
        var paragraphs = source.ToList();
        if (paragraphs.Count >= 3 && rng.Chance(0.5))
        {
            paragraphs.RemoveAt(rng.NextInt(1, paragraphs.Count - 1));
        }

        var wordEdits = 0;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (rng.Chance(0.35))
            {
                paragraphs[i] = TextVariants.DropWords(paragraphs[i], rng);
                wordEdits++;
            }

            if (rng.Chance(0.25))
            {
                paragraphs[i] = TextVariants.InsertWords(paragraphs[i], rng);
                wordEdits++;
            }
        }

        if (wordEdits == 0)
        {
            var i = rng.NextInt(paragraphs.Count);
            paragraphs[i] = TextVariants.InsertWords(paragraphs[i], rng);
        }

        var orthography = TextVariants.PickOrthography(rng);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            paragraphs[i] = TextVariants.ApplyOrthography(paragraphs[i], orthography, rng);
        }

        if (rng.Chance(0.5))
        {
            title = TextVariants.ApplyOrthography(title, orthography, rng);
        }

        return (title, paragraphs);
    }

    private void AddHardNegative(
        GenerationState state,
        SplitMix64 rng,
        string story,
        BaseStory baseStory,
        string borrowedFrom,
        BaseStory lender,
        Wire wire,
        City city,
        DateTimeOffset published)
    {
        // The wire's background paragraphs close a story, so they are borrowed from the lender's tail, as the two
        // Kremlin phone-call seeds share their closing paragraphs on the NATO security-guarantee talks.
        var own = rng.Chance(_options.ShortHardNegativeRate)
            ? baseStory.Paragraphs.Take(rng.NextInt(1, 2)).ToList()
            : baseStory.Paragraphs.ToList();
        // At most half the lender (and at most three paragraphs): the borrowed part is background, not the news.
        var borrowed = rng.NextInt(1, Math.Clamp(lender.Paragraphs.Count / 2, 1, 3));
        var paragraphs = own.Concat(lender.Paragraphs.Skip(lender.Paragraphs.Count - borrowed)).ToList();

        var copy = rng.Chance(0.5)
            ? RenderWireCopy(state, wire, city, baseStory.Title, paragraphs, published)
            : RenderOutletCopy(state, rng, rng.Pick(Outlet.All), wire, city, baseStory.Title, paragraphs, published, continues: false);
        state.Add(copy, new GoldRecord(copy.Id, story, GoldKinds.HardNegative, wire.Name, original: true, borrowedFrom));
    }

    /// <summary>
    /// An outlet's roundup: the lead story's first one or two paragraphs under its headline, then the carried story's
    /// text from its opening (its last paragraph sometimes dropped), as SaudiNewsNet's outlets carry a release inside a
    /// regional roundup. A copy of the carried story, credited to its wire, naming the lead story. False when the lead's
    /// first paragraph alone is as long as the carried text: the roundup would then be mostly the lead story.
    /// </summary>
    private static bool TryAddCompilation(
        GenerationState state,
        SplitMix64 rng,
        string leadStory,
        BaseStory lead,
        string story,
        BaseStory carried,
        Wire wire,
        City city,
        DateTimeOffset published)
    {
        // The carried item keeps its opening: a roundup quotes a release from its start, and may drop its last paragraph.
        var keep = carried.Paragraphs.Count >= 3 && rng.Chance(0.5) ? carried.Paragraphs.Count - 1 : carried.Paragraphs.Count;
        var carriedParagraphs = carried.Paragraphs.Take(keep).ToList();
        var carriedLength = carriedParagraphs.Sum(p => p.Length);
        var leadParagraphs = lead.Paragraphs.Take(rng.NextInt(1, Math.Min(2, lead.Paragraphs.Count - 1))).ToList();
        while (leadParagraphs.Count > 0 && leadParagraphs.Sum(p => p.Length) >= carriedLength)
        {
            leadParagraphs.RemoveAt(leadParagraphs.Count - 1);
        }

        if (leadParagraphs.Count == 0)
        {
            return false;
        }

        var copy = RenderOutletCopy(state, rng, rng.Pick(Outlet.All), wire, city, lead.Title, [.. leadParagraphs, .. carriedParagraphs], published, continues: false);
        state.Add(copy, new GoldRecord(copy.Id, story, GoldKinds.Compilation, wire.Name, original: false, leadStory));
        return true;
    }

    private static void AddDistractor(GenerationState state, SplitMix64 rng, string story, BaseStory baseStory, DateTimeOffset published)
    {
        var outlet = rng.Pick(Outlet.All);
        var copy = RenderOutletCopy(state, rng, outlet, wire: null, outlet.City, baseStory.Title, baseStory.Paragraphs, published, continues: false);
        state.Add(copy, new GoldRecord(copy.Id, story, GoldKinds.Distractor, wire: null, original: true));
    }
}

namespace Syndicate.Cli.Evaluation;

/// <summary>
/// The committed synthetic corpus (<c>fixtures/synthetic/corpus.jsonl</c> and <c>gold.jsonl</c>): generated from the
/// project's own base stories (<c>fixtures/synthetic/base-stories.jsonl</c>) and the bundled seeds only, so that it
/// carries no third-party text.
/// </summary>
internal static class SyntheticFixture
{
    public const string BaseStoriesPath = "fixtures/synthetic/base-stories.jsonl";
    public const string SeedsPath = "fixtures/seeds";
    public const string CorpusPath = "fixtures/synthetic/corpus.jsonl";
    public const string GoldPath = "fixtures/synthetic/gold.jsonl";

    /// <summary>
    /// 46 base stories (44 written for the project and 2 seeds), every one used: 32 syndicated, 7 hard negatives,
    /// 7 distractors; at least 4 outlets a story.
    /// </summary>
    public static GeneratorOptions Options { get; } = new()
    {
        Seed = 20220118,
        Stories = 32,
        HardNegativeRate = 0.22,
        DistractorRate = 0.22,
        MinOutlets = 4,
        MaxOutlets = 15,

        // The committed sample predates these variants and stays as it was tuned on; generated corpora have them.
        RespacedRate = 0,
        RewrittenOpeningRate = 0,
        TemplateRate = 0,
        CompilationRate = 0,
    };

    public static IReadOnlyList<BaseStory> LoadBases(string repositoryRoot) =>
    [
        .. BaseStoryLoader.LoadJsonl(Path.Combine(repositoryRoot, BaseStoriesPath)),
        .. BaseStoryLoader.LoadSeeds(Path.Combine(repositoryRoot, SeedsPath)),
    ];

    public static GeneratedCorpus Generate(string repositoryRoot) => new CorpusGenerator(Options).Generate(LoadBases(repositoryRoot));
}

using System.CommandLine;
using System.Globalization;
using Syndicate.Cli.Evaluation;
using Syndicate.Cli.Input;

namespace Syndicate.Cli.Commands;

/// <summary><c>syndicate generate --out DIR</c>: writes a seeded syndication corpus with gold labels.</summary>
internal static class GenerateCommand
{
    /// <summary>The most stories one run may ask for: far beyond any base corpus, and within memory.</summary>
    private const int MaxStories = 1_000_000;

    public static Command Create()
    {
        var output = new Option<string>("--out", "-o") { Description = "Directory for corpus.jsonl and gold.jsonl.", Required = true };
        var stories = new Option<int>("--stories") { Description = "Syndicated stories to simulate.", DefaultValueFactory = _ => 200 };
        var seed = new Option<ulong>("--seed") { Description = "Generator seed: the same seed gives the same corpus.", DefaultValueFactory = _ => 1UL };
        var data = new Option<string?>("--data") { Description = "Directory of real news (*.jsonl.gz) to take base stories from; default: shared/data when found, else the bundled fixtures." };
        var file = new Option<string?>("--data-file") { Description = "Which file of --data to read base stories from.", DefaultValueFactory = _ => BaseStoryLoader.DefaultSharedFile };
        var command = new Command("generate", "Write a seeded syndication corpus with gold labels: a wire copy and 2–15 outlets per story (datelines, footers, edits, partial copies, headline rewrites, respacing, rewritten openings), compilations that carry a story inside a roundup, later instances of a template, hard negatives that reuse other stories' background, and distractors.")
        {
            output, stories, seed, data, file,
        };
        command.SetAction(result => CliRunner.Guard(() =>
        {
            int count = result.GetValue(stories);
            if (count is < 1 or > MaxStories)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--stories must be from 1 to {MaxStories}, got {count}."));
            }

            string outDir = result.GetValue(output)!;
            if (string.IsNullOrWhiteSpace(outDir))
            {
                throw new UsageException("--out: expected a directory, got an empty path.");
            }

            string? dataOption = result.GetValue(data);
            if (dataOption is not null && !Directory.Exists(dataOption))
            {
                throw new UsageException($"--data: directory not found: {dataOption}");
            }

            var options = new GeneratorOptions { Seed = result.GetValue(seed), Stories = count };
            // Base stories for the syndicated stories plus hard negatives and distractors.
            int needed = (int)Math.Ceiling(count * (1 + options.HardNegativeRate + options.DistractorRate)) + 1;
            string? dir = dataOption ?? BaseStoryLoader.FindSharedData();
            IReadOnlyList<BaseStory> bases;
            try
            {
                bases = dir is not null
                    ? BaseStoryLoader.LoadSharedData(dir, needed, options.Seed, result.GetValue(file))
                    : SyntheticFixture.LoadBases(FindRoot());
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                throw new InputException(new InputError(dir ?? "fixtures/synthetic", 0, "cannot read base stories: " + e.Message, endsInput: true));
            }

            if (bases.Count < 2)
            {
                throw new InputException(new InputError(dir ?? "fixtures/synthetic", 0, string.Create(CultureInfo.InvariantCulture, $"{bases.Count} articles fit to be base stories (150 to 800 words in at least 3 paragraphs); at least 2 are needed"), endsInput: true));
            }

            GeneratedCorpus corpus = new CorpusGenerator(options).Generate(bases);
            try
            {
                Directory.CreateDirectory(outDir);
                CorpusJsonl.Write(corpus, Path.Combine(outDir, "corpus.jsonl"), Path.Combine(outDir, "gold.jsonl"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                throw new OutputException($"cannot write {outDir}: {e.Message}");
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"syndicate: wrote {corpus.Articles.Count} articles from {bases.Count} base stories ({(dir is null ? "bundled fixtures" : dir)}) to {outDir}"));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string FindRoot()
    {
        string? d = AppContext.BaseDirectory;
        while (d is not null && !File.Exists(Path.Combine(d, "fixtures", "synthetic", "base-stories.jsonl")))
        {
            d = Path.GetDirectoryName(d);
        }

        return d ?? throw new UsageException("no base stories found: pass --data DIR with news .jsonl.gz files.");
    }
}

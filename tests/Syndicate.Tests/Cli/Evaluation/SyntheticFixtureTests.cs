using Syndicate.Cli.Evaluation;

namespace Syndicate.Tests.Cli.Evaluation;

/// <summary>
/// The committed corpus under <c>fixtures/synthetic</c> must be exactly what the generator makes from the committed base
/// stories. Set <c>SYNDICATE_REGENERATE_FIXTURES=1</c> to rewrite it after changing the generator or the base stories.
/// </summary>
public sealed class SyntheticFixtureTests
{
    [Fact]
    public void Committed_fixture_matches_the_generator()
    {
        var root = RepositoryPaths.Root;
        var corpus = SyntheticFixture.Generate(root);
        var corpusPath = Path.Combine(root, SyntheticFixture.CorpusPath);
        var goldPath = Path.Combine(root, SyntheticFixture.GoldPath);

        if (Environment.GetEnvironmentVariable("SYNDICATE_REGENERATE_FIXTURES") == "1")
        {
            CorpusJsonl.Write(corpus, corpusPath, goldPath);
        }

        using var corpusStream = new MemoryStream();
        CorpusJsonl.WriteCorpus(corpusStream, corpus.Articles);
        using var goldStream = new MemoryStream();
        CorpusJsonl.WriteGold(goldStream, corpus.Gold);
        Assert.Equal(corpusStream.ToArray(), File.ReadAllBytes(corpusPath));
        Assert.Equal(goldStream.ToArray(), File.ReadAllBytes(goldPath));
    }

    [Fact]
    public void Committed_fixture_round_trips()
    {
        var root = RepositoryPaths.Root;
        using var corpusFile = File.OpenRead(Path.Combine(root, SyntheticFixture.CorpusPath));
        var articles = CorpusJsonl.ReadCorpus(corpusFile);
        var gold = CorpusJsonl.ReadGold(Path.Combine(root, SyntheticFixture.GoldPath));
        Assert.Equal(articles.Select(a => a.Id), gold.Select(g => g.Id));
    }
}

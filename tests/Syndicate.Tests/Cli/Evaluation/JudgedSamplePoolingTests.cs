using System.Globalization;
using Syndicate.Cli.Evaluation;
using Syndicate.Cli.Input;

namespace Syndicate.Tests.Cli.Evaluation;

/// <summary>
/// Two disjoint samples of one frame (the first judged sample and a held-out one) pooled into one stratified sample:
/// the estimates equal those of one file holding every pair, and samples that cannot be pooled are errors naming the
/// file.
/// </summary>
public sealed class JudgedSamplePoolingTests
{
    private static readonly ArticlePrediction[] s_predictions =
    [
        new("ad792c4eb97d7", "1", true, Source: "mena"), new("aa17ec202f090", "1", false, Source: "almasryalyoum"),
        new("a69597561ab48", "2", true, Source: "pakistanpoint"), new("ab9e435061e14", "2", false, Source: "youm7"),
        new("a445cb3ec3afa", "3", true, Source: "aa"), new("a52670b5ac3ca", "4", true, Source: "sputnik"),
    ];

    [Fact]
    public void Pooled_samples_estimate_as_one_file_holding_every_pair()
    {
        using var temp = new TempDirectory();
        JudgedSample whole = JudgedSample.Load(JudgedFixture.Write(temp));
        using var split = new TempDirectory();
        string first = JudgedFixture.Write(split, [JudgedFixture.LinkedSame, JudgedFixture.ApartDifferent]);
        string held = WriteHeldOut(split, [JudgedFixture.LinkedRelated, JudgedFixture.ApartSame]);

        JudgedSample pooled = JudgedSample.PoolByCorpus([JudgedSample.Load(first), JudgedSample.Load(held)]).Single();

        Assert.Equal([first, held], pooled.PairsFiles);
        Assert.Equal(4, pooled.Pairs.Count);
        Assert.Equal([3, 3], pooled.Strata.Select(s => s.Sampled));
        Assert.Equal([10L, 100L], pooled.Strata.Select(s => s.Pairs));
        JudgedReport expected = JudgedReport.Build(whole, s_predictions);
        JudgedReport actual = JudgedReport.Build(pooled, s_predictions);
        Assert.Equal(expected.Estimates, actual.Estimates);
        Assert.Equal(expected.Strata, actual.Strata);
        Assert.Contains($"4 pairs in 2 strata ({first} + {held})", actual.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_stands_for_its_pairs_files_then_those_of_its_subdirectories()
    {
        using var temp = new TempDirectory();
        string held = WriteHeldOut(temp, [JudgedFixture.LinkedRelated, JudgedFixture.ApartSame]);
        string first = JudgedFixture.Write(temp, [JudgedFixture.LinkedSame, JudgedFixture.ApartDifferent]);
        temp.Write("judged/notes.jsonl", "{}\n");
        string directory = Path.GetDirectoryName(first)!;

        // The directory's own file before the subdirectory's, whatever the order they were written in: the order of
        // naming them one by one, so the pooled sample is the same.
        Assert.Equal([first, held], JudgedSample.ExpandPaths(directory));
        Assert.Equal([first], JudgedSample.ExpandPaths(first));
        JudgedSample pooled = JudgedSample.PoolByCorpus([.. JudgedSample.ExpandPaths(directory).Select(JudgedSample.Load)]).Single();
        Assert.Equal([first, held], pooled.PairsFiles);

        using var empty = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(empty.Path, "holdout"));
        InputException e = Assert.Throws<InputException>(() => JudgedSample.ExpandPaths(empty.Path));
        Assert.Equal(empty.Path + ": is a directory with no *.pairs.jsonl file in it or below it", e.Message);
    }

    [Fact]
    public void A_pair_judged_in_both_samples_is_an_error_naming_both_files()
    {
        using var temp = new TempDirectory();
        string first = JudgedFixture.Write(temp, [JudgedFixture.LinkedSame, JudgedFixture.ApartDifferent]);
        string held = WriteHeldOut(temp, [JudgedFixture.ApartSame, JudgedFixture.LinkedSame]);

        InputException e = Assert.Throws<InputException>(() => JudgedSample.PoolByCorpus([JudgedSample.Load(first), JudgedSample.Load(held)]));

        Assert.Contains("holdout/synthetic.pairs.jsonl:2: pair ad792c4eb97d7 / aa17ec202f090 is also judged in", e.Message, StringComparison.Ordinal);
        Assert.Contains(first + " (line 1)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Samples_of_other_strata_or_another_frame_are_not_pooled()
    {
        using var temp = new TempDirectory();
        string first = JudgedFixture.Write(temp, [JudgedFixture.LinkedSame], frame: false);
        string held = WriteHeldOut(temp, [JudgedFixture.ApartSame], linkedPairs: 11, frame: "none.tsv.gz");

        InputException strata = Assert.Throws<InputException>(() => JudgedSample.PoolByCorpus([JudgedSample.Load(first), JudgedSample.Load(held)]));
        Assert.Contains("holdout/synthetic.strata.json: cannot be pooled with", strata.Message, StringComparison.Ordinal);
        Assert.Contains("its strata (linked 11, apart 100) differ", strata.Message, StringComparison.Ordinal);

        using var other = new TempDirectory();
        string withFrame = JudgedFixture.Write(other, [JudgedFixture.LinkedSame]);
        string noFrame = WriteHeldOut(other, [JudgedFixture.ApartSame], frame: "none.tsv.gz");
        InputException frame = Assert.Throws<InputException>(() => JudgedSample.PoolByCorpus([JudgedSample.Load(withFrame), JudgedSample.Load(noFrame)]));
        Assert.Contains("its frame is absent", frame.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Samples_of_different_corpora_stay_apart()
    {
        using var temp = new TempDirectory();
        JudgedSample a = JudgedSample.Load(JudgedFixture.Write(temp));
        JudgedSample b = JudgedSample.Load(JudgedFixture.Write(temp, corpus: "second"));

        Assert.Equal(["synthetic", "second"], JudgedSample.PoolByCorpus([a, b]).Select(s => s.Corpus));
    }

    /// <summary>The committed held-out samples are drawn from the committed frames, apart from the first samples and from each other.</summary>
    [Theory]
    [InlineData("snn", 1150)]
    [InlineData("ant", 455)]
    public void The_committed_held_out_samples_lie_in_the_frame_and_apart_from_the_first_and_each_other(string corpus, int pooledPairs)
    {
        JudgedSample first = JudgedSample.Load(TestData.FixturePath("judged", corpus + ".pairs.jsonl"));
        JudgedSample held = JudgedSample.Load(TestData.FixturePath("judged", "holdout", corpus + ".pairs.jsonl"));
        JudgedSample held2 = JudgedSample.Load(TestData.FixturePath("judged", "holdout2", corpus + ".pairs.jsonl"));
        JudgedSample held3 = JudgedSample.Load(TestData.FixturePath("judged", "holdout3", corpus + ".pairs.jsonl"));
        JudgedSample held4 = JudgedSample.Load(TestData.FixturePath("judged", "holdout4", corpus + ".pairs.jsonl"));
        JudgedSample held5 = JudgedSample.Load(TestData.FixturePath("judged", "holdout5", corpus + ".pairs.jsonl"));
        JudgedSample held6 = JudgedSample.Load(TestData.FixturePath("judged", "holdout6", corpus + ".pairs.jsonl"));

        JudgedSample pooled = JudgedSample.Pool([first, held, held2, held3, held4, held5, held6]);

        Assert.Equal(pooledPairs, pooled.Pairs.Count);
        Assert.Equal(first.FramePath, held2.FramePath);
        Assert.Equal(first.FramePath, held3.FramePath);
        Assert.Equal(first.FramePath, held4.FramePath);
        Assert.Equal(first.FramePath, held5.FramePath);
        Assert.Equal(first.FramePath, held6.FramePath);
        Assert.Empty(held.Warnings);
        Assert.Empty(held2.Warnings);
        Assert.Empty(held3.Warnings);
        Assert.Empty(held4.Warnings);
        Assert.Empty(held5.Warnings);
        Assert.Empty(held6.Warnings);
    }

    /// <summary>A held-out sample in <c>judged/holdout/</c> whose strata file names the frame one folder up.</summary>
    private static string WriteHeldOut(TempDirectory temp, string[] pairs, long linkedPairs = 10, string frame = "../synthetic.frame.tsv.gz")
    {
        int linked = pairs.Count(p => p.Contains("\"linked\"", StringComparison.Ordinal));
        temp.Write(
            "judged/holdout/synthetic.strata.json",
            "{\"corpus\": \"synthetic\", \"corpusFile\": \"corpus.jsonl\", \"frame\": \"" + frame + "\", \"seed\": 2, \"strata\": {"
            + "\"linked\": {\"definition\": \"pairs the engine links\", \"pairs\": " + linkedPairs.ToString(CultureInfo.InvariantCulture) + ", \"sampled\": " + linked.ToString(CultureInfo.InvariantCulture) + "}, "
            + "\"apart\": {\"definition\": \"pairs it keeps apart\", \"pairs\": 100, \"sampled\": " + (pairs.Length - linked).ToString(CultureInfo.InvariantCulture) + "}}}");
        return temp.Write("judged/holdout/synthetic.pairs.jsonl", string.Join('\n', pairs) + "\n");
    }
}

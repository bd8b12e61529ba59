using Syndicate.Cli.Evaluation;
using Syndicate.Cli.Input;

namespace Syndicate.Tests.Cli.Evaluation;

public sealed class JudgedSampleTests
{
    private static readonly ArticlePrediction[] s_predictions =
    [
        new("ad792c4eb97d7", "1", true, Source: "mena"), new("aa17ec202f090", "1", false, Source: "almasryalyoum"),
        new("a69597561ab48", "2", true, Source: "pakistanpoint"), new("ab9e435061e14", "2", false, Source: "youm7"),
        new("a445cb3ec3afa", "3", true, Source: "aa"), new("a52670b5ac3ca", "4", true, Source: "sputnik"),
        new("other", "2", false, Source: "youm7"),
    ];

    [Fact]
    public void Loads_pairs_strata_and_frame()
    {
        using var temp = new TempDirectory();
        JudgedSample sample = JudgedSample.Load(JudgedFixture.Write(temp));

        Assert.Equal("synthetic", sample.Corpus);
        Assert.Equal("corpus.jsonl", sample.CorpusFile);
        Assert.Equal(["linked", "apart"], sample.Strata.Select(s => s.Name));
        Assert.Equal(4, sample.Pairs.Count);
        Assert.Equal(110, sample.Frame!.Count);
        Assert.Empty(sample.Warnings);
    }

    [Fact]
    public void Report_estimates_on_the_hand_computed_fixture()
    {
        using var temp = new TempDirectory();
        JudgedReport report = JudgedReport.Build(JudgedSample.Load(JudgedFixture.Write(temp)), s_predictions);

        Assert.Equal(5.0, report.Estimates.TruePositives, 1e-12);
        Assert.Equal(55.0, report.Estimates.Same, 1e-12);
        Assert.Equal(10.0, report.Estimates.Linked, 1e-12);
        Assert.Equal(5.0 / 55, report.Estimates.Recall, 1e-12);
        Assert.Equal(0.5, report.Estimates.Precision, 1e-12);

        // Cluster 2 holds three articles from two sources: pakistanpoint with each youm7 copy, 2 pairs; cluster 1 one.
        Assert.Equal(3, report.CrossSourceLinked);
        // T̂P = 5 exceeds L = 3 only because the fixture's frame is padded with pairs of ids outside the corpus; the
        // conservative ratio is capped at 1.
        Assert.Equal(1.0, report.ConservativePrecision, 1e-12);
        Assert.Equal(2, report.FrameLinked);
        Assert.Equal([new StratumCounts("linked", 10, 2, 1, 2, 1, "pairs the engine links"), new StratumCounts("apart", 100, 2, 1, 0, 0, "pairs it keeps apart")], report.Strata);
        Assert.Equal(("a445cb3ec3afa", "a52670b5ac3ca"), (report.Missed.Single().A, report.Missed.Single().B));
        Assert.Equal(PairLabel.Related, report.WronglyLinked.Single().Label);
        Assert.Contains("rewrite, opening changed", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Pairs_with_an_article_not_read_count_as_not_linked_and_are_reported()
    {
        using var temp = new TempDirectory();
        ArticlePrediction[] predictions = [.. s_predictions.Where(p => p.Id != "aa17ec202f090")];

        JudgedReport report = JudgedReport.Build(JudgedSample.Load(JudgedFixture.Write(temp)), predictions, unreadableInputs: 1);

        Assert.Equal(1, report.PairsNotRead);
        Assert.Equal(0.0, report.Estimates.TruePositives);
        Assert.Contains("; 1 unreadable input records; 1 with an article not read, counted as not linked", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_frame_the_strata_file_gives_the_sizes_and_a_warning_says_so()
    {
        using var temp = new TempDirectory();
        JudgedSample sample = JudgedSample.Load(JudgedFixture.Write(temp, frame: false));

        Assert.Null(sample.Frame);
        Assert.Contains(sample.Warnings, w => w.Contains("frame checks skipped", StringComparison.Ordinal));
        Assert.Equal(-1, JudgedReport.Build(sample, s_predictions).FrameLinked);
    }

    [Fact]
    public void Fewer_judged_pairs_than_sampled_is_a_warning_and_the_weights_use_the_judged_count()
    {
        using var temp = new TempDirectory();
        JudgedSample sample = JudgedSample.Load(JudgedFixture.Write(temp, [JudgedFixture.LinkedSame, JudgedFixture.ApartDifferent, JudgedFixture.ApartSame]));

        Assert.Contains(sample.Warnings, w => w.Contains("stratum 'linked' has 1 judged pairs", StringComparison.Ordinal));
        // Linked: weight 10/1; apart: 100/2. T̂P = 10, Ŝ = 10 + 50, L̂ = 10.
        FrameTotals totals = JudgedReport.Build(sample, s_predictions).Estimates;
        Assert.Equal((10.0, 60.0, 10.0), (totals.TruePositives, totals.Same, totals.Linked));
    }

    [Theory]
    [InlineData("""{"corpus":"synthetic","a":"p","b":"q","stratum":"linked","label":"same"}""", "synthetic.pairs.jsonl:5: pair p / q is not in the frame")]
    [InlineData("""{"corpus":"synthetic","a":"x1","b":"y1","stratum":"apart","label":"same"}""", "synthetic.pairs.jsonl:5: pair x1 / y1 is in stratum 'linked' of the frame, not 'apart'")]
    [InlineData("""{"corpus":"synthetic","a":"aa17ec202f090","b":"ad792c4eb97d7","stratum":"linked","label":"same"}""", "synthetic.pairs.jsonl:5: pair aa17ec202f090 / ad792c4eb97d7 is judged twice (first on line 1)")]
    [InlineData("""{"corpus":"synthetic","a":"x1","b":"y1","stratum":"nowhere","label":"same"}""", "synthetic.pairs.jsonl:5: stratum 'nowhere' is not defined")]
    [InlineData("""{"corpus":"synthetic","a":"x1","b":"y1","stratum":"linked","label":"maybe"}""", "synthetic.pairs.jsonl:5: expected a judged pair")]
    [InlineData("""{"corpus":"other","a":"x1","b":"y1","stratum":"linked","label":"same"}""", "synthetic.pairs.jsonl:5: corpus 'other' differs")]
    [InlineData("""{"id":"x1","source":"s","body":"text"}""", "synthetic.pairs.jsonl:5: expected a judged pair {\"corpus\", \"a\", \"b\", \"stratum\", \"label\": same|related|different, \"reason\"}; this line has no 'corpus' (it looks like an article")]
    public void A_bad_pair_is_an_error_naming_its_line(string extra, string message)
    {
        using var temp = new TempDirectory();
        string path = JudgedFixture.Write(temp, [.. JudgedFixture.Pairs, extra]);

        InputException e = Assert.Throws<InputException>(() => JudgedSample.Load(path));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stratum_size_that_differs_from_the_frame_is_an_error()
    {
        using var temp = new TempDirectory();
        string path = JudgedFixture.Write(temp, apartPairs: 99, frameApartPairs: 100);

        InputException e = Assert.Throws<InputException>(() => JudgedSample.Load(path));

        Assert.Contains("synthetic.strata.json: stratum 'apart' has 99 pairs, but the frame", e.Message, StringComparison.Ordinal);
        Assert.Contains("lists 100", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Predictions_without_sources_give_no_conservative_precision()
    {
        using var temp = new TempDirectory();
        ArticlePrediction[] predictions = [.. s_predictions.Select(p => p with { Source = null })];

        JudgedReport report = JudgedReport.Build(JudgedSample.Load(JudgedFixture.Write(temp)), predictions);

        Assert.Equal(-1, report.CrossSourceLinked);
        Assert.True(double.IsNaN(report.ConservativePrecision));
        Assert.Contains("conservative P     n/a  95% CI n/a-n/a  (T̂P / L: not available, the predictions name no sources)", report.ToText(), StringComparison.Ordinal);
        Assert.Equal(0.5, report.Estimates.Precision, 1e-12);
    }

    [Fact]
    public void Samples_of_two_corpora_combine_by_adding_their_totals()
    {
        using var temp = new TempDirectory();
        JudgedReport first = JudgedReport.Build(JudgedSample.Load(JudgedFixture.Write(temp)), s_predictions);
        JudgedReport second = JudgedReport.Build(JudgedSample.Load(JudgedFixture.Write(temp, corpus: "other", apartPairs: 200, pairs: [.. JudgedFixture.Pairs, .. PadApart(100)])), s_predictions);

        CombinedJudgedEstimate combined = CombinedJudgedEstimate.Of([first, second], onePrediction: false)!;

        // Second: linked weight 5 as before; apart weight 200/102 over 1 SAME missed pair. T̂P = 5 + 5, Ŝ = 55 + 5 +
        // 200/102, L̂ = 10 + 10.
        Assert.Equal(10.0, combined.Estimates.TruePositives, 1e-9);
        Assert.Equal(60 + (200.0 / 102), combined.Estimates.Same, 1e-9);
        Assert.Equal(20.0, combined.Estimates.Linked, 1e-9);
        Assert.Equal(6, combined.CrossSourceLinked);
        Assert.Equal(3, CombinedJudgedEstimate.Of([first, second], onePrediction: true)!.CrossSourceLinked);
        Assert.Null(CombinedJudgedEstimate.Of([first], onePrediction: false));
        Assert.Null(CombinedJudgedEstimate.Of([first, first], onePrediction: false));
    }

    // Judged DIFFERENT pairs of the padding ids of the fixture's frame ("u{i}", "v{i}", stratum apart).
    private static IEnumerable<string> PadApart(int count) =>
        Enumerable.Range(0, count).Select(i => $"{{\"corpus\":\"synthetic\",\"a\":\"u{i}\",\"b\":\"v{i}\",\"stratum\":\"apart\",\"label\":\"different\"}}");

    [Fact]
    public void Cross_source_pairs_leave_out_pairs_of_one_source()
    {
        ArticlePrediction[] predictions = [new("a", "1", true, Source: "x"), new("b", "1", false, Source: "x"), new("c", "1", false, Source: "y"), new("d", "2", true, Source: "z")];

        // C(3,2) = 3 pairs in cluster 1, minus the (a, b) pair of source x.
        Assert.Equal(2, JudgedReport.CountCrossSourceLinked(predictions));
        Assert.Equal(-1, JudgedReport.CountCrossSourceLinked([new("a", "1", true), new("b", "1", false)]));
    }
}

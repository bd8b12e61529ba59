using System.Text.Json;
using Syndicate.Tests.Cli.Evaluation;

namespace Syndicate.Tests.Cli.EndToEnd;

/// <summary><c>syndicate eval</c> with link labels, judged pairs, and the files and options it must refuse.</summary>
public sealed class EvalTests
{
    private static readonly string s_corpus = TestData.FixturePath("synthetic", "corpus.jsonl");

    // Link labels over the bundled sample, which the engine clusters exactly by gold story: ad792c4eb97d7 is the MENA
    // original of story s002, aa17ec202f090 and ae6f6b7f3aebb its reprints; a445cb3ec3afa is the original of s003 and
    // a24922f362480 its partial copy; a52670b5ac3ca (story s004) is "written apart" about s002's event.
    private const string LinkGold = """
        {"id": "ad792c4eb97d7", "story": "p1", "kind": "source", "original": true}
        {"id": "aa17ec202f090", "story": "p1", "kind": "wd", "link": "ad792c4eb97d7"}
        {"id": "ae6f6b7f3aebb", "story": "p1", "kind": "pd", "link": "ad792c4eb97d7"}
        {"id": "a445cb3ec3afa", "story": "p2", "kind": "source", "original": true}
        {"id": "a24922f362480", "story": "p2", "kind": "wd", "link": "a445cb3ec3afa"}
        {"id": "a52670b5ac3ca", "story": "n1", "kind": "nd", "link": "ad792c4eb97d7"}
        {"id": "a69597561ab48", "story": "p3", "kind": "source", "original": true}
        {"id": "nowhere00001", "story": "p3", "kind": "pd", "link": "a69597561ab48"}
        """;

    [Fact]
    public void Link_labels_give_link_rates_per_kind_and_pairwise_scores()
    {
        using var temp = new TempDirectory();
        string gold = temp.Write("links.jsonl", LinkGold);

        CliResult result = SyndicateCli.Run("eval", "--gold", gold, s_corpus).Expect(0);

        Assert.Contains("link rate wd         1.0000  (wd 2/2)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("link rate pd         0.5000  (pd 1/2; 1 not read, counted as not linked)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("link rate nd         0.0000  (nd 0/1)", result.Stdout, StringComparison.Ordinal);
        // Positives: the three linked wd/pd texts of four; the reprints' pair within story p1 is not scored.
        Assert.Contains("pairwise             P 1.0000  R 0.7500  F1 0.8571  (3/3 predicted pairs, 4 wd+pd links; 1 pairs within one story not scored)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_labels_in_json()
    {
        using var temp = new TempDirectory();
        string gold = temp.Write("links.jsonl", LinkGold);

        CliResult result = SyndicateCli.Run("eval", "--gold", gold, s_corpus, "--format", "json").Expect(0);

        using var json = JsonDocument.Parse(result.Stdout);
        JsonElement pd = json.RootElement.GetProperty("linkRate").GetProperty("pd");
        Assert.Equal((1, 2, 1), (pd.GetProperty("linked").GetInt32(), pd.GetProperty("total").GetInt32(), pd.GetProperty("notRead").GetInt32()));
        Assert.Equal(0.75, json.RootElement.GetProperty("pairwise").GetProperty("recall").GetDouble(), 1e-12);
        Assert.Equal(0, json.RootElement.GetProperty("unreadableInputs").GetInt32());
    }

    [Theory]
    [InlineData("--min-link-rate", "wd=1,pd=0.5", 0, "")]
    [InlineData("--min-link-rate", "wd=1,pd=0.6", 5, "link rate of pd 0.5000 (1/2) is below --min-link-rate pd=0.6")]
    [InlineData("--max-link-rate", "nd=0", 0, "")]
    [InlineData("--min-f1", "0.86", 5, "pairwise F1 0.8571 is below --min-f1 0.86")]
    public void Link_rate_gates_exit_5_when_not_met(string option, string value, int exitCode, string message)
    {
        using var temp = new TempDirectory();
        string gold = temp.Write("links.jsonl", LinkGold);

        CliResult result = SyndicateCli.Run("eval", "--gold", gold, s_corpus, option, value).Expect(exitCode);

        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_labels_score_another_tools_predictions()
    {
        using var temp = new TempDirectory();
        string gold = temp.Write("links.jsonl", LinkGold);
        string predictions = temp.Write("p.jsonl", """
            {"id": "ad792c4eb97d7", "cluster": 1}
            {"id": "aa17ec202f090", "cluster": 1}
            {"id": "a52670b5ac3ca", "cluster": 1}
            """);

        CliResult result = SyndicateCli.Run("eval", "--gold", gold, "--predictions", predictions, "--max-link-rate", "nd=0.05").Expect(5);

        Assert.Contains("(nd 1/1)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("link rate of nd 1.0000 (1/1) is above --max-link-rate nd=0.05", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Judged_pairs_estimate_precision_and_recall_with_the_stratum_weights()
    {
        using var temp = new TempDirectory();
        string pairs = JudgedFixture.Write(temp);

        CliResult result = SyndicateCli.Run("eval", "--judged", pairs, s_corpus).Expect(0);

        // T̂P = 5, Ŝ = 55, L̂ = 10 (see JudgedFixture).
        Assert.Contains("  recall             0.0909", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("(T̂P 5.0 / Ŝ 55.0 SAME pairs in the frame)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  precision          0.5000", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  linked                         10     2     1      2     1", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("    a445cb3ec3afa a52670b5ac3ca  apart  same  rewrite, opening changed", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("    a69597561ab48 ab9e435061e14  linked  related  follow-up", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Judged_pairs_read_their_corpus_from_the_data_directory_and_write_json()
    {
        using var temp = new TempDirectory();
        string pairs = JudgedFixture.Write(temp, corpusFile: "corpus.jsonl");

        CliResult result = SyndicateCli.Run("eval", "--judged", pairs, "--data", TestData.FixturePath("synthetic"), "--format", "json").Expect(0);

        using var json = JsonDocument.Parse(result.Stdout);
        JsonElement judged = json.RootElement.GetProperty("judged")[0];
        Assert.Equal(0.5, judged.GetProperty("precision").GetProperty("estimate").GetDouble(), 1e-12);
        Assert.Equal(5.0 / 55, judged.GetProperty("recall").GetProperty("estimate").GetDouble(), 1e-12);
        JsonElement interval = judged.GetProperty("recall");
        Assert.True(interval.GetProperty("lower95").GetDouble() <= interval.GetProperty("upper95").GetDouble());
        Assert.Equal(2, judged.GetProperty("frameLinked").GetInt64());
        Assert.Equal("a445cb3ec3afa", judged.GetProperty("missed")[0].GetProperty("a").GetString());
    }

    [Fact]
    public void Two_judged_samples_are_reported_each_and_combined()
    {
        using var temp = new TempDirectory();
        string first = JudgedFixture.Write(temp);
        string second = JudgedFixture.Write(temp, corpus: "other");

        CliResult result = SyndicateCli.Run("eval", "--judged", first, "--judged", second, s_corpus, "--format", "json").Expect(0);

        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(2, json.RootElement.GetProperty("judged").GetArrayLength());
        JsonElement combined = json.RootElement.GetProperty("judgedCombined");
        // Twice the same sample: T̂P = 10, Ŝ = 110, L̂ = 20; L counted once, as both were scored on one run.
        Assert.Equal(10.0 / 110, combined.GetProperty("recall").GetProperty("estimate").GetDouble(), 1e-12);
        Assert.Equal(0.5, combined.GetProperty("precision").GetProperty("estimate").GetDouble(), 1e-12);
        Assert.Equal(json.RootElement.GetProperty("judged")[0].GetProperty("crossSourceLinked").GetInt64(), combined.GetProperty("crossSourceLinked").GetInt64());
    }

    [Theory]
    [InlineData("--min-precision", "0.5", 0, "")]
    [InlineData("--min-precision", "0.6", 5, "synthetic: estimated precision 0.5000 is below --min-precision 0.6")]
    [InlineData("--min-recall", "0.1", 5, "synthetic: estimated recall 0.0909 is below --min-recall 0.1")]
    public void Judged_gates_exit_5_when_not_met(string option, string value, int exitCode, string message)
    {
        using var temp = new TempDirectory();
        string pairs = JudgedFixture.Write(temp);

        CliResult result = SyndicateCli.Run("eval", "--judged", pairs, s_corpus, option, value).Expect(exitCode);

        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Judged_pairs_whose_corpus_is_missing_say_where_they_looked()
    {
        using var temp = new TempDirectory();
        string pairs = JudgedFixture.Write(temp, corpusFile: "absent.jsonl.gz");

        CliResult result = SyndicateCli.Run("eval", "--judged", pairs, "--data", temp.Path).Expect(1);

        Assert.Contains("corpus absent.jsonl.gz not found in " + temp.Path, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.ErrorLines);
        result.ExpectNoStackTrace();
    }

    [Fact]
    public void A_corpus_given_as_gold_is_one_error_line()
    {
        CliResult result = SyndicateCli.Run("eval", "--gold", s_corpus, s_corpus).Expect(1);

        Assert.Equal([s_corpus + ":1: expected a gold label {\"id\", \"story\", \"kind\", ...}; this line has no 'story' (it looks like an article: is this the corpus?)"], result.ErrorLines.Select(l => l.Replace("syndicate: ", "", StringComparison.Ordinal)));
        result.ExpectNoStackTrace();
    }

    [Fact]
    public void A_gzipped_corpus_given_as_gold_is_one_error_line()
    {
        using var temp = new TempDirectory();
        string corpus = temp.WriteGzip("corpus.jsonl.gz", File.ReadAllText(s_corpus));

        CliResult result = SyndicateCli.Run("eval", "--gold", corpus, corpus).Expect(1);

        Assert.Single(result.ErrorLines);
        Assert.Contains(corpus + ":1: expected a gold label", result.Stderr, StringComparison.Ordinal);
        result.ExpectNoStackTrace();
    }

    [Fact]
    public void A_gold_file_given_as_predictions_is_one_error_line()
    {
        string gold = TestData.FixturePath("synthetic", "gold.jsonl");

        CliResult result = SyndicateCli.Run("eval", "--gold", gold, "--predictions", gold).Expect(1);

        Assert.Single(result.ErrorLines);
        Assert.Contains(gold + ":1: expected a prediction", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("(it looks like a gold label)", result.Stderr, StringComparison.Ordinal);
        result.ExpectNoStackTrace();
    }

    [Fact]
    public void A_gold_file_that_shares_no_id_with_the_inputs_is_an_error()
    {
        using var temp = new TempDirectory();
        string gold = temp.Write("links.jsonl", """
            {"id": "u1", "kind": "source"}
            {"id": "u2", "kind": "wd", "link": "u1"}
            """);

        CliResult result = SyndicateCli.Run("eval", "--gold", gold, s_corpus).Expect(1);

        Assert.Contains(gold + ": shares no article id with the inputs", result.Stderr, StringComparison.Ordinal);
        result.ExpectNoStackTrace();
    }

    [Fact]
    public void Empty_predictions_share_no_id_with_the_gold()
    {
        using var temp = new TempDirectory();
        string gold = temp.Write("links.jsonl", LinkGold);
        string predictions = temp.Write("empty.jsonl", "");

        CliResult result = SyndicateCli.Run("eval", "--gold", gold, "--predictions", predictions).Expect(1);

        Assert.Equal("syndicate: " + gold + ": shares no article id with " + predictions + ": is it the gold of another corpus?", result.ErrorLines.Single());
    }

    [Fact]
    public void A_gold_file_without_inputs_scores_standard_input_not_the_bundled_sample()
    {
        using var temp = new TempDirectory();
        string gold = temp.Write("mine.jsonl", LinkGold);

        // Standard input is not a terminal here, so it is the input; empty, it shares no id with the gold.
        CliResult result = SyndicateCli.Run("eval", "--gold", gold).Expect(1);

        Assert.Equal("syndicate: " + gold + ": shares no article id with the inputs (<stdin>): is it the gold of another corpus?", result.ErrorLines.Single());
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void A_corpus_piped_to_eval_is_scored_against_its_gold()
    {
        string corpus = File.ReadAllText(TestData.FixturePath("synthetic", "corpus.jsonl"));

        CliResult result = SyndicateCli.RunWithInput(corpus, "eval", "--gold", TestData.FixturePath("synthetic", "gold.jsonl"), "--min-f1", "1").Expect(0);

        Assert.Contains("pairwise             P 1.0000  R 1.0000  F1 1.0000", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("bundled sample", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_explains_the_estimator_and_the_exit_codes()
    {
        string help = SyndicateCli.Run("eval", "--help").Expect(0).Stdout;

        Assert.Contains("Each judged pair stands for N_h/n_h frame pairs of its stratum (Horvitz-Thompson weights", help, StringComparison.Ordinal);
        Assert.Contains("stratified bootstrap with a fixed seed", help, StringComparison.Ordinal);
        Assert.Contains("eval: a --gold, --predictions or --judged file could not be read or is not what the option expects", help, StringComparison.Ordinal);
        Assert.Contains("--min-link-rate, --max-link-rate, --min-precision, --min-recall) was not met", help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--min-f1", "1.01", "--min-f1 must be a number from 0 to 1, got 1.01")]
    [InlineData("--min-f1", "-0.5", "--min-f1 must be a number from 0 to 1, got -0.5")]
    [InlineData("--min-precision", "2", "--min-precision must be a number from 0 to 1, got 2")]
    [InlineData("--min-recall", "-1", "--min-recall must be a number from 0 to 1, got -1")]
    [InlineData("--max-hard-negative-merges", "-1", "--max-hard-negative-merges must be 0 or more, got -1")]
    [InlineData("--min-link-rate", "wd=1.5", "--min-link-rate: the rate for wd must be a number from 0 to 1, got '1.5'")]
    [InlineData("--max-link-rate", "zz=0.1", "--max-link-rate: kind 'zz' is none of wd, pd, nd")]
    [InlineData("--min-link-rate", "wd=0.5", "--min-link-rate and --max-link-rate apply to labels given with --gold")]
    [InlineData("--min-precision", "0.5", "--min-precision and --min-recall apply to --judged pairs")]
    public void Option_ranges_are_checked(string option, string value, string message)
    {
        CliResult result = SyndicateCli.Run("eval", option, value).Expect(2);

        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.ErrorLines);
        result.ExpectNoStackTrace();
    }

    [Fact]
    public void Link_rate_thresholds_are_refused_with_story_labels()
    {
        CliResult result = SyndicateCli.Run("eval", s_corpus, "--gold", TestData.FixturePath("synthetic", "gold.jsonl"), "--min-link-rate", "wd=0.5").Expect(2);

        Assert.Contains("--min-link-rate and --max-link-rate apply to link labels", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}

using Syndicate.Tests.Cli.EndToEnd;

namespace Syndicate.Tests.Engine;

/// <summary>
/// Quality gates on real, labelled data: the judged SaudiNewsNet and ANT pairs (<c>fixtures/judged</c>) and COUNTER's
/// development half. The bounds sit just under what the default engine scores (see the README's quality table), so a
/// change that loses real reprints or merges real template series fails here. Skipped without the shared corpora.
/// </summary>
public sealed class RealDataQualityTests
{
    [SharedDataFact("saudinewsnet.jsonl.gz")]
    public void SaudiNewsNet_judged_pairs_keep_their_precision_and_recall()
    {
        SyndicateCli.Run("eval", "--judged", "fixtures/judged/saudinewsnet.pairs.jsonl", "--data", SharedData.Directory,
            "--min-precision", "0.92", "--min-recall", "0.58").Expect(0);
    }

    [SharedDataFact("ant-multisource.jsonl.gz")]
    public void ANT_judged_pairs_keep_their_precision_and_recall()
    {
        SyndicateCli.Run("eval", "--judged", "fixtures/judged/ant.pairs.jsonl", "--data", SharedData.Directory,
            "--min-precision", "0.85", "--min-recall", "0.48").Expect(0);
    }

    [SharedDataFact("counter-urdu-dev/corpus.jsonl.gz", "counter-urdu-dev/gold.jsonl")]
    public void COUNTER_links_wholly_derived_texts_and_keeps_independent_ones_apart()
    {
        SyndicateCli.Run("eval", "--gold", SharedData.File("counter-urdu-dev", "gold.jsonl"), SharedData.File("counter-urdu-dev", "corpus.jsonl.gz"),
            "--min-link-rate", "wd=0.64,pd=0.08", "--max-link-rate", "nd=0.05").Expect(0);
    }
}

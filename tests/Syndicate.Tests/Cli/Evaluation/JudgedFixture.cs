using System.Globalization;
using System.Text;

namespace Syndicate.Tests.Cli.Evaluation;

/// <summary>
/// A small judged sample over the bundled synthetic corpus, written to a temporary folder in the layout of
/// <c>fixtures/judged</c>: <c>synthetic.pairs.jsonl</c>, <c>synthetic.strata.json</c>, <c>synthetic.frame.tsv.gz</c>.
/// </summary>
/// <remarks>
/// The engine clusters the bundled sample exactly by gold story, so whether it links a pair is known: stories s002
/// (original ad792c4eb97d7, reprint aa17ec202f090), s001 (a69597561ab48, edited ab9e435061e14), s003 (original
/// a445cb3ec3afa) and s004 (original a52670b5ac3ca). Stratum "linked" (N = 10, 2 judged, weight 5): a SAME pair the
/// engine links, and a pair it links that is judged RELATED. Stratum "apart" (N = 100, 2 judged, weight 50): a pair it
/// keeps apart judged DIFFERENT, and one judged SAME that it misses. So T̂P = 5, Ŝ = 5 + 50 = 55, L̂ = 10: recall
/// 5/55, precision 5/10. The frame pads each stratum with pairs of ids that are not in the corpus (x/y for "linked", u/v
/// for "apart").
/// </remarks>
internal static class JudgedFixture
{
    public const string LinkedSame = """{"corpus":"synthetic","a":"ad792c4eb97d7","b":"aa17ec202f090","stratum":"linked","label":"same","reason":"reprint of the MENA copy"}""";
    public const string LinkedRelated = """{"corpus":"synthetic","a":"a69597561ab48","b":"ab9e435061e14","stratum":"linked","label":"related","reason":"follow-up"}""";
    public const string ApartDifferent = """{"corpus":"synthetic","a":"ad792c4eb97d7","b":"a445cb3ec3afa","stratum":"apart","label":"different","reason":"other events"}""";
    public const string ApartSame = """{"corpus":"synthetic","a":"a445cb3ec3afa","b":"a52670b5ac3ca","stratum":"apart","label":"same","reason":"rewrite, opening changed"}""";

    public static string[] Pairs { get; } = [LinkedSame, LinkedRelated, ApartDifferent, ApartSame];

    /// <summary>Writes the three files and returns the path of the pairs file.</summary>
    public static string Write(TempDirectory temp, IEnumerable<string>? pairs = null, long linkedPairs = 10, long apartPairs = 100, bool frame = true, string corpusFile = "corpus.jsonl", string corpus = "synthetic", long? frameApartPairs = null)
    {
        string linked = string.Create(CultureInfo.InvariantCulture, $"\"linked\": {{\"definition\": \"pairs the engine links\", \"pairs\": {linkedPairs}, \"sampled\": 2}}");
        string apart = string.Create(CultureInfo.InvariantCulture, $"\"apart\": {{\"definition\": \"pairs it keeps apart\", \"pairs\": {apartPairs}, \"sampled\": 2}}");
        temp.Write(
            $"judged/{corpus}.strata.json",
            $"{{\"corpus\": \"{corpus}\", \"corpusFile\": \"{corpusFile}\", \"frame\": \"{corpus}.frame.tsv.gz\", \"seed\": 1,\n \"strata\": {{{linked},\n {apart}}}}}\n");
        if (frame)
        {
            var tsv = new StringBuilder("a\tb\tstratum\n");
            tsv.Append("ad792c4eb97d7\taa17ec202f090\tlinked\na69597561ab48\tab9e435061e14\tlinked\n");
            tsv.Append("ad792c4eb97d7\ta445cb3ec3afa\tapart\na52670b5ac3ca\ta445cb3ec3afa\tapart\n");
            for (int i = 0; i < 8; i++)
            {
                tsv.Append(CultureInfo.InvariantCulture, $"x{i}\ty{i}\tlinked\n");
            }

            for (int i = 0; i < (frameApartPairs ?? apartPairs) - 2; i++)
            {
                tsv.Append(CultureInfo.InvariantCulture, $"u{i}\tv{i}\tapart\n");
            }

            temp.WriteGzip($"judged/{corpus}.frame.tsv.gz", tsv.ToString());
        }

        string lines = string.Join('\n', (pairs ?? Pairs).Select(p => p.Replace("\"corpus\":\"synthetic\"", $"\"corpus\":\"{corpus}\"", StringComparison.Ordinal)));
        return temp.Write($"judged/{corpus}.pairs.jsonl", lines + "\n");
    }
}

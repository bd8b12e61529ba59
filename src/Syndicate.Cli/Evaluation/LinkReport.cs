using System.Globalization;
using System.Text;

namespace Syndicate.Cli.Evaluation;

/// <summary>Of the texts of one kind, how many the tool put in the same cluster as their agency text.</summary>
/// <param name="Kind">One of <see cref="LinkKinds.Linked"/>.</param>
/// <param name="Total">Labelled texts of this kind.</param>
/// <param name="Linked">Those predicted in the cluster of their <c>link</c> text.</param>
/// <param name="NotRead">Those with no prediction (the text, or its agency text, was not read); counted as not linked.</param>
internal readonly record struct LinkRate(string Kind, int Total, int Linked, int NotRead)
{
    /// <summary><see cref="Linked"/> / <see cref="Total"/>; 0 when there are none.</summary>
    public double Rate => Total == 0 ? 0.0 : (double)Linked / Total;
}

/// <summary>
/// Scores predictions against link labels (the COUNTER scheme, see <see cref="LinkKinds"/>): the link rate of each
/// kind, and pairwise precision, recall and F1 whose positives are the wholly and partially derived texts paired with
/// their agency text.
/// </summary>
/// <remarks>
/// <para>A text is linked when it and its <c>link</c> text have predictions in one cluster; a text that was not read
/// (or whose agency text was not read) is not linked.</para>
/// <para>Pairwise: every pair of labelled texts in one predicted cluster is a predicted pair. It is a true positive
/// when it is a <c>wd</c> or <c>pd</c> text with its link, a false positive when its two texts are of different gold
/// stories (an <c>nd</c> text's story is its own, so an <c>nd</c> text with its link is one), and otherwise (two
/// copies of one agency text, or two texts derived from it) not scored: the labels neither pair nor separate them.
/// Recall is true positives over the <c>wd</c> and <c>pd</c> texts. A file without stories gives every source its
/// own story, with its derived texts.</para>
/// </remarks>
internal sealed class LinkReport
{
    private LinkReport()
    {
    }

    /// <summary>Labelled texts.</summary>
    public int Texts { get; private init; }

    /// <summary>Labelled texts of kind <c>source</c>.</summary>
    public int Sources { get; private init; }

    /// <summary>Labelled texts without a prediction.</summary>
    public int MissingPredictions { get; private init; }

    /// <summary>Predictions whose id is not labelled.</summary>
    public int UnknownPredictions { get; private init; }

    /// <summary>Input records the reader could not use (reported on stderr by the run), or -1 when unknown.</summary>
    public int UnreadableInputs { get; private init; }

    public IReadOnlyList<LinkRate> Rates { get; private init; } = [];

    public PairwiseScores Pairwise { get; private init; }

    /// <summary>Predicted pairs inside one gold story that are not a text with its link, left out of the scores.</summary>
    public long UnscoredPairs { get; private init; }

    public LinkRate Rate(string kind) => Rates.First(r => r.Kind == kind);

    /// <param name="labels">The link labels, as <see cref="GoldFile.Read"/> checked them.</param>
    /// <param name="predictions">The tool's predictions; a repeated id keeps its first line.</param>
    /// <param name="unreadableInputs">Input records the run could not read, or -1 when unknown.</param>
    public static LinkReport Build(IReadOnlyList<LinkLabel> labels, IReadOnlyList<ArticlePrediction> predictions, int unreadableInputs)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predictions);
        var byId = labels.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var cluster = new Dictionary<string, string>(StringComparer.Ordinal);
        var labelled = new Dictionary<string, ArticlePrediction>(StringComparer.Ordinal);
        int unknown = 0;
        foreach (ArticlePrediction prediction in predictions)
        {
            if (!byId.ContainsKey(prediction.Id))
            {
                unknown++;
            }
            else if (cluster.TryAdd(prediction.Id, prediction.Cluster))
            {
                labelled.Add(prediction.Id, prediction);
            }
        }

        // Linked: in one cluster, or one carries the other's story (a roundup); see PredictedLinks.
        var links = new PredictedLinks(labelled);
        bool Together(string a, string b) => links.Linked(a, b);

        var rates = new List<LinkRate>();
        foreach (string kind in LinkKinds.Linked)
        {
            int total = 0, linked = 0, notRead = 0;
            foreach (LinkLabel label in labels)
            {
                if (label.Kind != kind)
                {
                    continue;
                }

                total++;
                if (!cluster.ContainsKey(label.Id) || !cluster.ContainsKey(label.Link!))
                {
                    notRead++;
                }
                else if (Together(label.Id, label.Link!))
                {
                    linked++;
                }
            }

            rates.Add(new LinkRate(kind, total, linked, notRead));
        }

        // A story key per text: the file's own, else the agency text's id (a source's own, a derived text's link).
        string StoryOf(LinkLabel l) => l.Story ?? (l.Kind == LinkKinds.NonDerived ? "nd:" + l.Id : l.Link ?? l.Id);

        long truePositives = 0, falsePositives = 0, unscored = 0;
        void Score(LinkLabel x, LinkLabel y)
        {
            if ((LinkKinds.IsDerived(x.Kind) && x.Link == y.Id) || (LinkKinds.IsDerived(y.Kind) && y.Link == x.Id))
            {
                truePositives++;
            }
            else if (!string.Equals(StoryOf(x), StoryOf(y), StringComparison.Ordinal)
                || x.Kind == LinkKinds.NonDerived || y.Kind == LinkKinds.NonDerived)
            {
                falsePositives++;
            }
            else
            {
                unscored++;
            }
        }

        foreach (IGrouping<string, string> members in cluster.GroupBy(p => p.Value, p => p.Key, StringComparer.Ordinal))
        {
            string[] ids = [.. members];
            for (int i = 0; i < ids.Length; i++)
            {
                for (int j = i + 1; j < ids.Length; j++)
                {
                    Score(byId[ids[i]], byId[ids[j]]);
                }
            }
        }

        foreach ((string a, string b) in links.CarriedPairs())
        {
            Score(byId[a], byId[b]);
        }

        long positives = labels.Count(l => LinkKinds.IsDerived(l.Kind));
        long predictedPairs = truePositives + falsePositives;
        double precision = predictedPairs == 0 ? 1.0 : (double)truePositives / predictedPairs;
        double recall = positives == 0 ? 1.0 : (double)truePositives / positives;
        double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
        return new LinkReport
        {
            Texts = labels.Count,
            Sources = labels.Count(l => l.Kind == LinkKinds.Source),
            MissingPredictions = labels.Count - cluster.Count,
            UnknownPredictions = unknown,
            UnreadableInputs = unreadableInputs,
            Rates = rates,
            Pairwise = new PairwiseScores(truePositives, predictedPairs, positives, precision, recall, f1),
            UnscoredPairs = unscored,
        };
    }

    /// <summary>A plain-text summary, one metric a line.</summary>
    public string ToText()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        string unreadable = UnreadableInputs < 0 ? "" : string.Create(inv, $", {UnreadableInputs} unreadable input records");
        sb.AppendLine(inv, $"texts                {Texts} ({Sources} agency texts, {MissingPredictions} not read{unreadable}, {UnknownPredictions} unlabelled predictions)");
        foreach (LinkRate rate in Rates)
        {
            string notRead = rate.NotRead == 0 ? "" : string.Create(inv, $"; {rate.NotRead} not read, counted as not linked");
            sb.AppendLine(inv, $"link rate {rate.Kind,-10} {rate.Rate:F4}  ({rate.Kind} {rate.Linked}/{rate.Total}{notRead})");
        }

        sb.AppendLine(inv, $"pairwise             P {Pairwise.Precision:F4}  R {Pairwise.Recall:F4}  F1 {Pairwise.F1:F4}  ({Pairwise.TruePositivePairs}/{Pairwise.PredictedPairs} predicted pairs, {Pairwise.GoldPairs} wd+pd links; {UnscoredPairs} pairs within one story not scored)");
        return sb.ToString();
    }
}

namespace Syndicate.Cli.Evaluation;

/// <summary>Pair-counting precision, recall and F1: which same-cluster pairs of the prediction are same-story pairs in the gold.</summary>
/// <param name="TruePositivePairs">Pairs in one predicted cluster and one gold story.</param>
/// <param name="PredictedPairs">Pairs in one predicted cluster.</param>
/// <param name="GoldPairs">Pairs in one gold story.</param>
/// <param name="Precision"><paramref name="TruePositivePairs"/> / <paramref name="PredictedPairs"/>; 1 when no pair is predicted.</param>
/// <param name="Recall"><paramref name="TruePositivePairs"/> / <paramref name="GoldPairs"/>; 1 when the gold has no pair.</param>
/// <param name="F1">The harmonic mean of precision and recall; 0 when both are 0.</param>
internal readonly record struct PairwiseScores(
    long TruePositivePairs,
    long PredictedPairs,
    long GoldPairs,
    double Precision,
    double Recall,
    double F1);

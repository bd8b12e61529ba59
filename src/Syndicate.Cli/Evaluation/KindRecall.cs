namespace Syndicate.Cli.Evaluation;

/// <summary>For one copy kind: how many copies were placed in the same predicted cluster as their story's original.</summary>
/// <param name="Kind">One of <see cref="GoldKinds"/>.</param>
/// <param name="Total">Copies of this kind whose story has an original in the corpus.</param>
/// <param name="Found">Those in the original's predicted cluster.</param>
internal readonly record struct KindRecall(string Kind, int Total, int Found)
{
    /// <summary><see cref="Found"/> / <see cref="Total"/>; 1 when there are none.</summary>
    public double Recall => Total == 0 ? 1.0 : (double)Found / Total;
}

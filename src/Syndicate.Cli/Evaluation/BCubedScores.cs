namespace Syndicate.Cli.Evaluation;

/// <summary>B-cubed precision, recall and F1 (Bagga &amp; Baldwin 1998), averaged over items.</summary>
/// <param name="Precision">The mean over items of |predicted cluster ∩ gold story| / |predicted cluster|.</param>
/// <param name="Recall">The mean over items of |predicted cluster ∩ gold story| / |gold story|.</param>
/// <param name="F1">The harmonic mean of the two means; 0 when both are 0.</param>
internal readonly record struct BCubedScores(double Precision, double Recall, double F1);

using System.Globalization;

namespace Syndicate.Cli.Evaluation;

/// <summary>Parses and checks the per-kind link-rate gates, <c>--min-link-rate wd=0.85,pd=0.35</c>.</summary>
internal static class RateGates
{
    /// <summary>Kind → rate in [0, 1]; <see langword="null"/> when <paramref name="text"/> is.</summary>
    /// <exception cref="FormatException">The text is not a list of KIND=RATE with known kinds and rates in [0, 1]; the message says why.</exception>
    public static IReadOnlyDictionary<string, double>? Parse(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        var gates = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            string[] pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || pair[0].Length == 0)
            {
                throw new FormatException($"{option}: expected KIND=RATE[,KIND=RATE...] such as wd=0.85,pd=0.35, got '{text}'");
            }

            if (!LinkKinds.Linked.Contains(pair[0]))
            {
                throw new FormatException($"{option}: kind '{pair[0]}' is none of {string.Join(", ", LinkKinds.Linked)}");
            }

            if (!double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double rate) || !(rate >= 0 && rate <= 1))
            {
                throw new FormatException($"{option}: the rate for {pair[0]} must be a number from 0 to 1, got '{pair[1]}'");
            }

            if (!gates.TryAdd(pair[0], rate))
            {
                throw new FormatException($"{option}: kind '{pair[0]}' is given twice");
            }
        }

        return gates;
    }
}

using System.Globalization;
using System.Text;

namespace Syndicate.Cli.Output;

/// <summary>
/// The <c>csv</c> format: one row per input article, the jsonl columns, RFC 4180 quoting; <c>carries</c> lists the
/// cluster ids of the other stories the article carries, separated by spaces (empty for most articles).
/// </summary>
internal static class CsvWriter
{
    public static void Write(TextWriter output, IEnumerable<ArticleResult> results)
    {
        output.Write("id,cluster,canonical,relation,similarity,source,wire,carries\n");
        var sb = new StringBuilder();
        foreach (ArticleResult r in results)
        {
            sb.Clear();
            Field(sb, r.Id).Append(',');
            sb.Append(r.Cluster.ToString(CultureInfo.InvariantCulture)).Append(',');
            sb.Append(r.Canonical ? "true" : "false").Append(',');
            sb.Append(ArticleResult.RelationName(r.Relation)).Append(',');
            sb.Append(Math.Round(r.Similarity, 4).ToString(CultureInfo.InvariantCulture)).Append(',');
            Field(sb, r.Source).Append(',');
            Field(sb, r.Wire ?? string.Empty).Append(',');
            if (r.Carries is { } carries)
            {
                sb.AppendJoin(' ', carries);
            }

            sb.Append('\n');
            output.Write(sb);
        }
    }

    private static StringBuilder Field(StringBuilder sb, string value)
    {
        // Quote when needed; also defuse spreadsheet formula injection for cells starting with = + - @.
        bool formula = value.Length > 0 && value[0] is '=' or '+' or '-' or '@';
        if (!formula && value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return sb.Append(value);
        }

        sb.Append('"');
        if (formula)
        {
            sb.Append('\'');
        }

        sb.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        return sb.Append('"');
    }
}

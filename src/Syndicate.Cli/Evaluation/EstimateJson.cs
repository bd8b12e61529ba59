using System.Text.Json;

namespace Syndicate.Cli.Evaluation;

/// <summary>How an estimate with its 95% interval is written in eval's JSON: <c>{ estimate, lower95, upper95 }</c>, NaN as null.</summary>
internal static class EstimateJson
{
    public static void Write(Utf8JsonWriter writer, string name, double value, Interval interval)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject(name);
        WriteNumberOrNull(writer, "estimate", value);
        WriteNumberOrNull(writer, "lower95", interval.Lower);
        WriteNumberOrNull(writer, "upper95", interval.Upper);
        writer.WriteEndObject();
    }

    public static void WriteNumberOrNull(Utf8JsonWriter writer, string name, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsNaN(value))
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, value);
        }
    }
}

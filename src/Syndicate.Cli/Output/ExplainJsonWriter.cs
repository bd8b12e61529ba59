using System.Text.Encodings.Web;
using System.Text.Json;
using Syndicate.Clustering;

namespace Syndicate.Cli.Output;

/// <summary>
/// <c>explain --format json</c>: one JSON object with every signal of a <see cref="PairExplanation"/>, each threshold
/// and the decision.
/// </summary>
/// <remarks>
/// The schema (documented in the README) is a contract: <c>{"first", "second", "relation", "related", "rewrite",
/// "exactCopy", "exact", "slots", "jaccard", "containment", "lead", "time", "rewriteScore"}</c>, with
/// <c>relation</c> spelled as in every other output (<c>original</c> when the pair is not linked, else
/// <c>duplicate</c>, <c>near-duplicate</c> or <c>partial</c>). Numbers are not rounded.
/// </remarks>
internal static class ExplainJsonWriter
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static void Write(Stream output, PairExplanation e)
    {
        using (var w = new Utf8JsonWriter(output, s_options))
        {
            w.WriteStartObject();
            WriteArticle(w, "first", e.First);
            WriteArticle(w, "second", e.Second);
            w.WriteString("relation", ArticleResult.RelationName(e.Relation));
            w.WriteBoolean("related", e.IsRelated);
            w.WriteBoolean("rewrite", e.IsRewrite);
            w.WriteBoolean("exactCopy", e.IsExactCopy);

            w.WriteStartObject("exact");
            w.WriteNumber("sharedShingles", e.SharedShingles);
            w.WriteNumber("jaccard", e.ExactJaccard);
            w.WriteNumber("containment", e.ExactContainment);
            w.WriteEndObject();

            w.WriteStartObject("slots");
            w.WriteNumber("equal", e.EqualSlots);
            w.WriteNumber("total", e.SignatureLength);
            w.WriteEndObject();

            w.WriteStartObject("jaccard");
            w.WriteNumber("estimate", e.Jaccard);
            w.WriteNumber("threshold", e.SimilarityThreshold);
            w.WriteNumber("candidateProbability", e.CandidateProbability);
            w.WriteEndObject();

            w.WriteStartObject("containment");
            w.WriteNumber("estimate", e.Containment);
            w.WriteNumber("threshold", e.ContainmentThreshold);
            w.WriteNumber("minPartialShingles", e.MinPartialShingles);
            w.WriteNumber("similarLengthRatio", e.SimilarLengthRatio);
            w.WriteNumber("minRewriteContainment", e.MinRewriteContainment);
            w.WriteEndObject();

            w.WriteStartObject("lead");
            w.WriteNumber("agreement", e.LeadAgreement);
            w.WriteNumber("minAgreement", e.MinLeadAgreement);
            w.WriteNumber("containment", e.LeadContainment);
            w.WriteNumber("minContainment", e.MinLeadContainment);
            w.WriteNumber("headContainment", e.HeadContainment);
            w.WriteNumber("minHeadContainment", e.MinHeadContainment);
            w.WriteNumber("minRewrittenOpeningScore", e.MinRewrittenOpeningScore);
            w.WriteNumber("carriedContainment", e.CarriedLeadContainment);
            w.WriteNumber("minCarriedContainment", e.MinCarriedLeadContainment);
            w.WriteNumber("characterContainment", e.CharacterContainment);
            w.WriteNumber("minCarriedCharacterContainment", e.MinCarriedCharacterContainment);
            w.WriteNumber("wordingContainment", e.WordingContainment);
            w.WriteNumber("unequalLengthRatio", e.UnequalLengthRatio);
            w.WriteNumber("minUnequalWordingContainment", e.MinUnequalWordingContainment);
            w.WriteEndObject();

            w.WriteStartObject("time");
            WriteNullable(w, "hoursApart", e.HoursApart);
            w.WriteNumber("templateGapHours", e.TemplateGapHours);
            w.WriteEndObject();

            w.WriteStartObject("numbers");
            WriteNullable(w, "agreement", e.NumberAgreement);
            w.WriteNumber("minAgreementAcrossGap", e.MinGapNumberAgreement);
            w.WriteNumber("repeatJaccard", e.RepeatJaccard);
            WriteNullable(w, "figureContainment", e.FigureContainment);
            w.WriteNumber("minFigureContainment", e.MinFigureContainment);
            w.WriteNumber("minFigures", e.MinFigures);
            w.WriteEndObject();

            w.WriteStartObject("rewriteScore");
            w.WriteNumber("score", e.RewriteScore);
            w.WriteNumber("threshold", e.RewriteThreshold);
            w.WriteNumber("bias", e.RewriteBias);
            w.WriteStartArray("signals");
            foreach (ExplainedSignal signal in e.RewriteSignals)
            {
                w.WriteStartObject();
                w.WriteString("name", signal.Name);
                w.WriteNumber("value", signal.Value);
                w.WriteNumber("weight", signal.Weight);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    private static void WriteArticle(Utf8JsonWriter w, string name, ExplainedArticle a)
    {
        w.WriteStartObject(name);
        w.WriteString("id", a.Id);
        w.WriteString("source", a.Source);
        WriteNullable(w, "wire", a.Wire);
        WriteNullable(w, "dateline", a.Dateline);
        w.WriteBoolean("continuationMarker", a.HadContinuationMarker);
        w.WriteNumber("shingles", a.Shingles);
        w.WriteNumber("distinctShingles", a.DistinctShingles);
        w.WriteNumber("leadValues", a.LeadValues);
        w.WriteString("cleanedText", a.CleanedText);
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}

using System.Globalization;
using System.Text.Json;
using Syndicate.Cli.Input;

namespace Syndicate.Cli.Evaluation;

/// <summary>One article whose wire was judged by its readers.</summary>
/// <param name="Id">The article id.</param>
/// <param name="Stratum">The stratum it was drawn from.</param>
/// <param name="Wire">The agency the readers credit (an agency's English name), or null for none.</param>
/// <param name="Reason">The readers' one-line reason.</param>
/// <param name="Line">Its line in the labels file.</param>
internal sealed record JudgedWire(string Id, string Stratum, string? Wire, string Reason, long Line);

/// <summary>
/// A stratified sample of one corpus's articles whose wire was judged by hand (<c>fixtures/wires</c>):
/// <c>&lt;corpus&gt;.wires.jsonl</c> (one article a line: corpus, id, stratum, wire, reason) and the
/// <c>strata.json</c> beside it (each corpus's file and each stratum's size and number of articles drawn).
/// </summary>
internal sealed class WireSample
{
    /// <summary>What a labels file is named by: <c>&lt;corpus&gt;.wires.jsonl</c>.</summary>
    public const string Suffix = ".wires.jsonl";

    /// <summary>The label that says the article credits no agency.</summary>
    public const string NoWire = "none";

    private const string Expected = "a judged wire (corpus, id, stratum, wire, reason)";

    private WireSample(string corpus, string corpusFile, string labelsPath, string strataPath, IReadOnlyDictionary<string, long> strata, IReadOnlyList<JudgedWire> articles, IReadOnlyList<string>? labelsPaths = null)
    {
        Corpus = corpus;
        CorpusFile = corpusFile;
        LabelsPath = labelsPath;
        StrataPath = strataPath;
        Strata = strata;
        Articles = articles;
        LabelsPaths = labelsPaths ?? [labelsPath];
    }

    public string Corpus { get; }

    /// <summary>The corpus's file name in the data directory.</summary>
    public string CorpusFile { get; }

    /// <summary>The labels file (the first of <see cref="LabelsPaths"/> for a pooled sample).</summary>
    public string LabelsPath { get; }

    /// <summary>Every labels file whose articles this sample holds: one, or several pooled by <see cref="Pool"/>.</summary>
    public IReadOnlyList<string> LabelsPaths { get; }

    public string StrataPath { get; }

    /// <summary>N_h of each stratum, in the order strata.json lists them.</summary>
    public IReadOnlyDictionary<string, long> Strata { get; }

    public IReadOnlyList<JudgedWire> Articles { get; }

    /// <summary>The labels files a path names: the file itself, or every <c>*.wires.jsonl</c> of a directory, in ordinal order.</summary>
    public static IReadOnlyList<string> ExpandPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Directory.Exists(path))
        {
            return [path];
        }

        string[] files = [.. Directory.EnumerateFiles(path, "*" + Suffix).Order(StringComparer.Ordinal)];
        return files.Length > 0 ? files : throw LabelFile.Fail(path, 0, $"holds no *{Suffix} file");
    }

    /// <summary>Reads a labels file and the <c>strata.json</c> beside it.</summary>
    /// <exception cref="InputException">A file is missing or malformed; the error names the file and the line.</exception>
    public static WireSample Load(string labelsPath)
    {
        ArgumentNullException.ThrowIfNull(labelsPath);
        string strataPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(labelsPath)) ?? ".", "strata.json");
        if (!File.Exists(strataPath))
        {
            throw LabelFile.Fail(labelsPath, 0, "no strata.json beside it: the stratum sizes the estimates are weighted by");
        }

        using JsonDocument strataJson = ReadJson(strataPath);
        var articles = new List<JudgedWire>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string? corpus = null;
        foreach ((long line, JsonElement value) in LabelFile.ReadObjects(labelsPath))
        {
            string lineCorpus = LabelFile.RequireString(labelsPath, line, value, "corpus", Expected);
            if (corpus is not null && lineCorpus != corpus)
            {
                throw LabelFile.Fail(labelsPath, line, $"corpus '{lineCorpus}' in a file of corpus '{corpus}'");
            }

            corpus = lineCorpus;
            string id = LabelFile.RequireString(labelsPath, line, value, "id", Expected);
            if (!ids.Add(id))
            {
                throw LabelFile.Fail(labelsPath, line, $"id \"{id}\" is judged twice");
            }

            string wire = LabelFile.RequireString(labelsPath, line, value, "wire", Expected);
            articles.Add(new JudgedWire(
                id,
                LabelFile.RequireString(labelsPath, line, value, "stratum", Expected),
                wire == NoWire ? null : wire,
                LabelFile.OptionalString(labelsPath, line, value, "reason", Expected) ?? string.Empty,
                line));
        }

        if (corpus is null)
        {
            throw LabelFile.Fail(labelsPath, 0, "holds no judged article");
        }

        if (!strataJson.RootElement.TryGetProperty("corpora", out JsonElement corpora) || !corpora.TryGetProperty(corpus, out JsonElement entry)
            || !entry.TryGetProperty("file", out JsonElement file) || file.ValueKind != JsonValueKind.String
            || !entry.TryGetProperty("strata", out JsonElement strataElement) || strataElement.ValueKind != JsonValueKind.Object)
        {
            throw LabelFile.Fail(strataPath, 0, $"expected corpora.{corpus} with a 'file' and its 'strata'");
        }

        var strata = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (JsonProperty stratum in strataElement.EnumerateObject())
        {
            if (!stratum.Value.TryGetProperty("population", out JsonElement population) || !population.TryGetInt64(out long n) || n < 0
                || !stratum.Value.TryGetProperty("sampled", out JsonElement sampled) || !sampled.TryGetInt32(out int drawn))
            {
                throw LabelFile.Fail(strataPath, 0, $"stratum '{stratum.Name}' of {corpus} needs a 'population' and a 'sampled' count");
            }

            int judged = articles.Count(a => a.Stratum == stratum.Name);
            if (judged != drawn)
            {
                throw LabelFile.Fail(labelsPath, 0, $"stratum '{stratum.Name}' has {judged} judged articles, but strata.json says {drawn} were drawn");
            }

            strata[stratum.Name] = n;
        }

        if (articles.FirstOrDefault(a => !strata.ContainsKey(a.Stratum)) is { } stray)
        {
            throw LabelFile.Fail(labelsPath, stray.Line, $"stratum '{stray.Stratum}' is not one of {corpus}'s in strata.json");
        }

        return new WireSample(corpus, file.GetString()!, labelsPath, strataPath, strata, articles);
    }

    /// <summary>
    /// The samples with those of one corpus pooled into one (<see cref="Pool"/>), in the order each corpus first appears.
    /// </summary>
    /// <exception cref="InputException">Two samples of one corpus cannot be pooled; the message says why.</exception>
    public static IReadOnlyList<WireSample> PoolByCorpus(IReadOnlyList<WireSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return [.. samples.GroupBy(s => s.Corpus, StringComparer.Ordinal).Select(g => g.Count() == 1 ? g.First() : Pool([.. g]))];
    }

    /// <summary>
    /// Several disjoint samples of one corpus's strata taken as one. A later sample is drawn from what the earlier ones
    /// left of a stratum (its <c>strata.json</c> gives that remainder as the stratum's population), and a simple random
    /// sample of a stratum together with one of its remainder is a simple random sample of their combined size: the
    /// articles are pooled, each stratum's N_h is its whole population and n_h the articles judged in it. A sample may
    /// leave a stratum out (the third sample draws only articles that name an agency).
    /// </summary>
    /// <exception cref="InputException">The samples are of different corpus files, judge an article twice, or a
    /// stratum's populations do not follow from one another; the message names the file (and the line).</exception>
    public static WireSample Pool(IReadOnlyList<WireSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("no sample to pool", nameof(samples));
        }

        WireSample first = samples[0];
        var articles = new List<JudgedWire>(first.Articles);
        var judgedIn = first.Articles.ToDictionary(a => a.Id, a => (first.LabelsPath, a.Line), StringComparer.Ordinal);
        foreach (WireSample other in samples.Skip(1))
        {
            if (other.Corpus != first.Corpus || other.CorpusFile != first.CorpusFile)
            {
                throw LabelFile.Fail(other.StrataPath, 0, $"cannot be pooled with {first.LabelsPath}, another sample of corpus '{first.Corpus}': drawn from {other.CorpusFile}, not {first.CorpusFile}");
            }

            foreach (JudgedWire article in other.Articles)
            {
                if (!judgedIn.TryAdd(article.Id, (other.LabelsPath, article.Line)))
                {
                    (string file, long line) = judgedIn[article.Id];
                    throw LabelFile.Fail(other.LabelsPath, article.Line, string.Create(CultureInfo.InvariantCulture, $"id \"{article.Id}\" is also judged in {file} (line {line}): pooled samples must be disjoint"));
                }

                articles.Add(article);
            }
        }

        // Each stratum's samples, the largest population first: each later one must be what the one before it left.
        var strata = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string name in samples.SelectMany(s => s.Strata.Keys).Distinct(StringComparer.Ordinal))
        {
            WireSample[] holding = [.. samples.Where(s => s.Strata.ContainsKey(name)).OrderByDescending(s => s.Strata[name])];
            for (int i = 1; i < holding.Length; i++)
            {
                WireSample before = holding[i - 1], after = holding[i];
                long left = before.Strata[name] - before.Articles.Count(a => a.Stratum == name);
                if (after.Strata[name] != left)
                {
                    throw LabelFile.Fail(after.StrataPath, 0, string.Create(CultureInfo.InvariantCulture, $"cannot be pooled with {before.StrataPath}: stratum '{name}' of {first.Corpus} has a population of {after.Strata[name]}, not the {left} that sample leaves (a later sample is drawn from the rest of the stratum)"));
                }
            }

            strata[name] = holding[0].Strata[name];
        }

        return new WireSample(first.Corpus, first.CorpusFile, first.LabelsPath, first.StrataPath, strata, articles, [.. samples.Select(s => s.LabelsPath)]);
    }

    private static JsonDocument ReadJson(string path)
    {
        try
        {
            using Stream stream = LabelFile.Open(path);
            return JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw LabelFile.Fail(path, (e.LineNumber ?? -1) + 1, "not JSON: " + e.Message);
        }
    }
}

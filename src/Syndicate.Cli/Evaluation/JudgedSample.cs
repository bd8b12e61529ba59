using System.Globalization;
using System.Text.Json;

namespace Syndicate.Cli.Evaluation;

/// <summary>A judgement of one pair of articles.</summary>
internal enum PairLabel
{
    /// <summary>One story from one source text: a reprint, an edited, trimmed or partial reprint, a rewrite of the wire copy.</summary>
    Same,

    /// <summary>The same event written apart, or a follow-up.</summary>
    Related,

    /// <summary>Different stories.</summary>
    Different,
}

/// <summary>One line of a judged-pairs file.</summary>
internal sealed record JudgedPair(string A, string B, string Stratum, PairLabel Label, string Reason, long Line);

/// <summary>A stratum of the sampling frame as its strata file describes it.</summary>
/// <param name="Name">The stratum's name.</param>
/// <param name="Definition">How its pairs were chosen.</param>
/// <param name="Pairs">N_h, the frame pairs in it.</param>
/// <param name="Sampled">n_h as the strata file declares it.</param>
internal sealed record StratumDefinition(string Name, string Definition, long Pairs, int Sampled);

/// <summary>
/// A judged sample of article pairs: <c>&lt;corpus&gt;.pairs.jsonl</c> (one judged pair a line), the
/// <c>&lt;corpus&gt;.strata.json</c> beside it (the corpus file, the seed and every stratum's size N_h and sample size
/// n_h) and, when present, the frame <c>&lt;corpus&gt;.frame.tsv.gz</c> (<c>a \t b \t stratum</c> per frame pair).
/// </summary>
/// <remarks>
/// Everything is checked on loading, and a problem is an error naming the file and line: a pair outside the frame or
/// in another stratum than the frame says, a stratum size that differs from the frame's count, a repeated pair, an
/// unknown stratum or label. Milder problems (fewer judged pairs in a stratum than the strata file declares, a frame
/// that is not there) are <see cref="Warnings"/>.
/// </remarks>
internal sealed class JudgedSample
{
    private const string PairExpected = "a judged pair {\"corpus\", \"a\", \"b\", \"stratum\", \"label\": same|related|different, \"reason\"}";

    private JudgedSample(string pairsPath, string strataPath, string corpus, string corpusFile, IReadOnlyList<StratumDefinition> strata, IReadOnlyList<JudgedPair> pairs, IReadOnlyList<(string A, string B)>? frame, IReadOnlyList<string> warnings, string? framePath = null, IReadOnlyList<string>? pairsFiles = null)
    {
        PairsPath = pairsPath;
        PairsFiles = pairsFiles ?? [pairsPath];
        FramePath = framePath;
        StrataPath = strataPath;
        Corpus = corpus;
        CorpusFile = corpusFile;
        Strata = strata;
        Pairs = pairs;
        Frame = frame;
        Warnings = warnings;
    }

    /// <summary>The judged-pairs file (the first of <see cref="PairsFiles"/> for a pooled sample).</summary>
    public string PairsPath { get; }

    /// <summary>Every judged-pairs file whose pairs this sample holds: one, or several pooled by <see cref="Pool"/>.</summary>
    public IReadOnlyList<string> PairsFiles { get; }

    /// <summary>The full path of the frame file that was read, or <see langword="null"/> when it is absent.</summary>
    public string? FramePath { get; }

    public string StrataPath { get; }

    /// <summary>The corpus name (<c>saudinewsnet</c>).</summary>
    public string Corpus { get; }

    /// <summary>The corpus file name the pairs were drawn from, relative to the data directory.</summary>
    public string CorpusFile { get; }

    public IReadOnlyList<StratumDefinition> Strata { get; }

    public IReadOnlyList<JudgedPair> Pairs { get; }

    /// <summary>Every frame pair, or <see langword="null"/> when the frame file is absent.</summary>
    public IReadOnlyList<(string A, string B)>? Frame { get; }

    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// The pairs files one <c>--judged</c> argument names: the file itself; for a directory, its <c>*.pairs.jsonl</c>
    /// files in ordinal order, then those of each subdirectory in ordinal order, depth first. <c>fixtures/judged</c> so
    /// gives each corpus's first sample, then <c>holdout</c>, <c>holdout2</c> and on, as naming them one by one does.
    /// </summary>
    /// <exception cref="Input.InputException">The directory holds no pairs file; the message names it.</exception>
    public static IReadOnlyList<string> ExpandPaths(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Directory.Exists(path))
        {
            return [path];
        }

        var files = new List<string>();
        CollectPairsFiles(path, files);
        return files.Count > 0
            ? files
            : throw LabelFile.Fail(path, 0, "is a directory with no *.pairs.jsonl file in it or below it");
    }

    private static void CollectPairsFiles(string directory, List<string> files)
    {
        files.AddRange(Directory.GetFiles(directory, "*" + PairsSuffix).Where(f => f.EndsWith(PairsSuffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        foreach (string subdirectory in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            CollectPairsFiles(subdirectory, files);
        }
    }

    private const string PairsSuffix = ".pairs.jsonl";

    /// <exception cref="Input.InputException">A file cannot be read or is inconsistent; the message names it and the line.</exception>
    public static JudgedSample Load(string pairsPath)
    {
        string? corpus = null;
        var pairs = new List<JudgedPair>();
        var seen = new Dictionary<(string, string), long>();
        foreach ((long line, JsonElement value) in LabelFile.ReadObjects(pairsPath))
        {
            string name = LabelFile.RequireString(pairsPath, line, value, "corpus", PairExpected);
            if (corpus is not null && name != corpus)
            {
                throw LabelFile.Fail(pairsPath, line, $"corpus '{name}' differs from '{corpus}' of the lines above: one file holds one corpus's pairs");
            }

            corpus = name;
            string a = LabelFile.RequireString(pairsPath, line, value, "a", PairExpected);
            string b = LabelFile.RequireString(pairsPath, line, value, "b", PairExpected);
            string stratum = LabelFile.RequireString(pairsPath, line, value, "stratum", PairExpected);
            string labelText = LabelFile.RequireString(pairsPath, line, value, "label", PairExpected);
            PairLabel label = labelText.ToLowerInvariant() switch
            {
                "same" => PairLabel.Same,
                "related" => PairLabel.Related,
                "different" => PairLabel.Different,
                _ => throw LabelFile.Fail(pairsPath, line, $"expected {PairExpected}; label '{labelText}' is none of same, related, different"),
            };
            if (a == b)
            {
                throw LabelFile.Fail(pairsPath, line, $"pairs an article with itself ('{a}')");
            }

            if (!seen.TryAdd(Key(a, b), line))
            {
                throw LabelFile.Fail(pairsPath, line, $"pair {a} / {b} is judged twice (first on line {seen[Key(a, b)]})");
            }

            pairs.Add(new JudgedPair(a, b, stratum, label, LabelFile.OptionalString(pairsPath, line, value, "reason", PairExpected) ?? "", line));
        }

        if (corpus is null)
        {
            throw LabelFile.Fail(pairsPath, 0, "holds no judged pairs");
        }

        string directory = Path.GetDirectoryName(Path.GetFullPath(pairsPath))!;
        string strataPath = Path.Combine(directory, corpus + ".strata.json");
        var warnings = new List<string>();
        (string corpusFile, string? frameName, List<StratumDefinition> strata) = ReadStrata(strataPath, corpus);
        var byName = strata.ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (JudgedPair pair in pairs)
        {
            if (!byName.ContainsKey(pair.Stratum))
            {
                throw LabelFile.Fail(pairsPath, pair.Line, $"stratum '{pair.Stratum}' is not defined in {strataPath}");
            }
        }

        List<(string A, string B)>? frame = null;
        string? framePath = frameName is null ? null : Path.Combine(directory, frameName);
        if (framePath is null || !File.Exists(framePath))
        {
            warnings.Add($"{strataPath}: frame {framePath ?? "(not named)"} not found: stratum sizes taken from the strata file, frame checks skipped");
        }
        else
        {
            frame = ReadFrame(framePath, strataPath, byName, pairs, pairsPath);
        }

        foreach (StratumDefinition stratum in strata)
        {
            int judged = pairs.Count(p => p.Stratum == stratum.Name);
            if (judged != stratum.Sampled)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{pairsPath}: stratum '{stratum.Name}' has {judged} judged pairs, {strataPath} says {stratum.Sampled} were sampled; the weights use {judged}"));
            }

            if (judged == 0 && stratum.Pairs > 0)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{pairsPath}: stratum '{stratum.Name}' ({stratum.Pairs} frame pairs) has no judged pair and is left out of the estimates"));
            }
        }

        return new JudgedSample(pairsPath, strataPath, corpus, corpusFile, strata, pairs, frame, warnings, frame is null ? null : Path.GetFullPath(framePath!));
    }

    /// <summary>
    /// The samples with those of one corpus pooled into one (<see cref="Pool"/>), in the order each corpus first appears.
    /// </summary>
    /// <exception cref="Input.InputException">Two samples of one corpus cannot be pooled; the message says why.</exception>
    public static IReadOnlyList<JudgedSample> PoolByCorpus(IReadOnlyList<JudgedSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return [.. samples.GroupBy(s => s.Corpus, StringComparer.Ordinal).Select(g => g.Count() == 1 ? g.First() : Pool([.. g]))];
    }

    /// <summary>
    /// Several disjoint samples of one frame taken as one: a simple random sample of a stratum and another drawn from the
    /// stratum's remaining pairs together form a simple random sample of their combined size, so the pairs are pooled
    /// and each stratum's n_h is the sum (a held-out sample and the first one, for instance).
    /// </summary>
    /// <exception cref="Input.InputException">The samples are of different corpus files, frames or strata, or judge
    /// a pair twice; the message names the file (and the line).</exception>
    public static JudgedSample Pool(IReadOnlyList<JudgedSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("no sample to pool", nameof(samples));
        }

        JudgedSample first = samples[0];
        var pairs = new List<JudgedPair>(first.Pairs);
        var judgedIn = first.Pairs.ToDictionary(p => Key(p.A, p.B), p => (first.PairsPath, p.Line));
        var sampled = first.Strata.ToDictionary(s => s.Name, s => s.Sampled, StringComparer.Ordinal);
        foreach (JudgedSample other in samples.Skip(1))
        {
            string cannot = $"cannot be pooled with {first.PairsPath}, another sample of corpus '{first.Corpus}'";
            if (other.Corpus != first.Corpus || other.CorpusFile != first.CorpusFile)
            {
                throw LabelFile.Fail(other.StrataPath, 0, $"{cannot}: drawn from {other.CorpusFile}, not {first.CorpusFile}");
            }

            if (other.FramePath != first.FramePath)
            {
                throw LabelFile.Fail(other.StrataPath, 0, $"{cannot}: its frame is {other.FramePath ?? "absent"}, not {first.FramePath ?? "absent"}");
            }

            bool sameStrata = other.Strata.Count == first.Strata.Count
                && other.Strata.All(s => first.Strata.Any(f => f.Name == s.Name && f.Pairs == s.Pairs));
            if (!sameStrata)
            {
                string Describe(JudgedSample x) => string.Join(", ", x.Strata.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} {s.Pairs}")));
                throw LabelFile.Fail(other.StrataPath, 0, $"{cannot}: its strata ({Describe(other)}) differ from {first.StrataPath} ({Describe(first)})");
            }

            foreach (JudgedPair pair in other.Pairs)
            {
                if (!judgedIn.TryAdd(Key(pair.A, pair.B), (other.PairsPath, pair.Line)))
                {
                    (string file, long line) = judgedIn[Key(pair.A, pair.B)];
                    throw LabelFile.Fail(other.PairsPath, pair.Line, string.Create(CultureInfo.InvariantCulture, $"pair {pair.A} / {pair.B} is also judged in {file} (line {line}): pooled samples must be disjoint"));
                }

                pairs.Add(pair);
            }

            foreach (StratumDefinition stratum in other.Strata)
            {
                sampled[stratum.Name] += stratum.Sampled;
            }
        }

        return new JudgedSample(
            first.PairsPath,
            first.StrataPath,
            first.Corpus,
            first.CorpusFile,
            [.. first.Strata.Select(s => s with { Sampled = sampled[s.Name] })],
            pairs,
            first.Frame,
            [.. samples.SelectMany(s => s.Warnings)],
            first.FramePath,
            [.. samples.Select(s => s.PairsPath)]);
    }

    /// <summary>The unordered pair as an ordered key.</summary>
    public static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    private static (string CorpusFile, string? Frame, List<StratumDefinition> Strata) ReadStrata(string path, string corpus)
    {
        const string Expected = "a strata file {\"corpus\", \"corpusFile\", \"frame\", \"strata\": {NAME: {\"definition\", \"pairs\", \"sampled\"}}}";
        JsonDocument document;
        try
        {
            using Stream stream = LabelFile.Open(path);
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw LabelFile.Fail(path, e.LineNumber is { } line ? line + 1 : 0, "expected " + Expected + "; not valid JSON");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw LabelFile.Fail(path, 0, "expected " + Expected);
            }

            string named = LabelFile.RequireString(path, 0, root, "corpus", Expected);
            if (named != corpus)
            {
                throw LabelFile.Fail(path, 0, $"describes corpus '{named}', the pairs are of '{corpus}'");
            }

            string corpusFile = LabelFile.RequireString(path, 0, root, "corpusFile", Expected);
            string? frame = LabelFile.OptionalString(path, 0, root, "frame", Expected);
            if (!root.TryGetProperty("strata", out JsonElement strataElement) || strataElement.ValueKind != JsonValueKind.Object)
            {
                throw LabelFile.Fail(path, 0, "expected " + Expected + "; 'strata' is missing or not an object");
            }

            var strata = new List<StratumDefinition>();
            foreach (JsonProperty stratum in strataElement.EnumerateObject())
            {
                string what = $"stratum '{stratum.Name}' with a \"pairs\" count N_h ≥ 0 and a \"sampled\" count n_h ≥ 0";
                if (stratum.Value.ValueKind != JsonValueKind.Object
                    || !stratum.Value.TryGetProperty("pairs", out JsonElement population) || !population.TryGetInt64(out long n) || n < 0
                    || !stratum.Value.TryGetProperty("sampled", out JsonElement sampled) || !sampled.TryGetInt32(out int s) || s < 0)
                {
                    throw LabelFile.Fail(path, 0, "expected " + what);
                }

                string definition = stratum.Value.TryGetProperty("definition", out JsonElement d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : "";
                strata.Add(new StratumDefinition(stratum.Name, definition, n, s));
            }

            return (corpusFile, frame, strata);
        }
    }

    private static List<(string A, string B)> ReadFrame(string framePath, string strataPath, Dictionary<string, StratumDefinition> strata, List<JudgedPair> pairs, string pairsPath)
    {
        var frame = new List<(string A, string B)>();
        var stratumOf = new Dictionary<(string, string), string>();
        var counts = strata.Keys.ToDictionary(k => k, _ => 0L, StringComparer.Ordinal);
        using (Stream stream = LabelFile.Open(framePath))
        using (var reader = new StreamReader(stream))
        {
            long line = 0;
            while (true)
            {
                string? text;
                try
                {
                    text = reader.ReadLine();
                }
                catch (Exception e) when (e is IOException or InvalidDataException)
                {
                    throw LabelFile.Fail(framePath, line + 1, "cannot be read completely: " + e.Message);
                }

                if (text is null)
                {
                    break;
                }

                line++;
                if (text.Length == 0 || (line == 1 && text == "a\tb\tstratum"))
                {
                    continue;
                }

                string[] fields = text.Split('\t');
                if (fields.Length != 3 || fields[0].Length == 0 || fields[1].Length == 0)
                {
                    throw LabelFile.Fail(framePath, line, "expected a frame pair 'a<TAB>b<TAB>stratum'");
                }

                if (!counts.TryGetValue(fields[2], out long count))
                {
                    throw LabelFile.Fail(framePath, line, $"stratum '{fields[2]}' is not defined in {strataPath}");
                }

                if (!stratumOf.TryAdd(Key(fields[0], fields[1]), fields[2]))
                {
                    throw LabelFile.Fail(framePath, line, $"pair {fields[0]} / {fields[1]} is listed twice");
                }

                counts[fields[2]] = count + 1;
                frame.Add((fields[0], fields[1]));
            }
        }

        foreach ((string name, long count) in counts)
        {
            if (count != strata[name].Pairs)
            {
                throw LabelFile.Fail(strataPath, 0, string.Create(CultureInfo.InvariantCulture, $"stratum '{name}' has {strata[name].Pairs} pairs, but the frame {framePath} lists {count}"));
            }
        }

        foreach (JudgedPair pair in pairs)
        {
            if (!stratumOf.TryGetValue(Key(pair.A, pair.B), out string? stratum))
            {
                throw LabelFile.Fail(pairsPath, pair.Line, $"pair {pair.A} / {pair.B} is not in the frame {framePath}");
            }

            if (stratum != pair.Stratum)
            {
                throw LabelFile.Fail(pairsPath, pair.Line, $"pair {pair.A} / {pair.B} is in stratum '{stratum}' of the frame, not '{pair.Stratum}'");
            }
        }

        return frame;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Syndicate.Attribution;
using Syndicate.Cleaning;
using Syndicate.Cli.Input;
using Syndicate.Clustering;
using Syndicate.Fingerprinting;
using Syndicate.Sketches;
using Syndicate.Text;

namespace Syndicate.Fuzzing;

/// <summary>
/// Runs seeded fuzz cases through every input path (readers, datelines, normalizer, cleaner, engine) and checks that
/// nothing throws but the documented exceptions, that bad records are reported with their input and line, that skip
/// mode goes on and fail mode stops at the first error, and that the engine's state stays valid.
/// </summary>
/// <remarks>
/// Case <c>i</c> of seed <c>s</c> depends on nothing but <c>(s, i)</c> and the engine state built by the cases before
/// it in the same epoch of <see cref="EpochCases"/>, so a failure is reproduced by running from the epoch's start.
/// </remarks>
internal sealed class FuzzRunner
{
    /// <summary>Cases that share one engine before it is replaced by a fresh one.</summary>
    public const int EpochCases = 256;

    private static readonly NormalizationOptions[] s_normalizations =
    [
        NormalizationOptions.Default,
        new() { FoldTehMarbuta = false, FoldHamzaCarriers = false, FoldAlefMaqsura = false },
        new() { FoldHamzaCarriers = false },
    ];

    private readonly ulong _seed;
    private readonly string? _tempDirectory;
    private readonly bool _allowHuge;
    private SyndicationEngine? _engine;
    private List<Article> _added = [];
    private long _currentStart;
    private long _currentCase = -1;

    /// <summary>Creates a runner.</summary>
    /// <param name="seed">The seed every case is derived from.</param>
    /// <param name="tempDirectory">Where inputs may be written as files (some cases go through files); null for streams only.</param>
    /// <param name="allowHuge">Whether some bodies are 10 MB long.</param>
    public FuzzRunner(ulong seed, string? tempDirectory, bool allowHuge = true)
    {
        _seed = seed;
        _tempDirectory = tempDirectory;
        _allowHuge = allowHuge;
    }

    /// <summary>
    /// Runs cases <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> - 1 on a worker thread
    /// while this thread watches for a case that runs longer than <paramref name="caseTimeout"/> (a hang), which stops
    /// the run.
    /// </summary>
    public FuzzStats Run(long start, long count, TimeSpan caseTimeout, Action<FuzzStats>? progress = null, TimeSpan? progressInterval = null)
    {
        var stats = new FuzzStats { StartManagedBytes = GC.GetTotalMemory(forceFullCollection: true) };
        var clock = Stopwatch.StartNew();
        var worker = new Thread(() => RunCases(start, count, stats), 64 << 20) { IsBackground = true, Name = "fuzz" };
        worker.Start();
        TimeSpan interval = progressInterval ?? TimeSpan.FromSeconds(10);
        TimeSpan lastProgress = TimeSpan.Zero;
        while (!worker.Join(TimeSpan.FromMilliseconds(50)))
        {
            long current = Volatile.Read(ref _currentCase);
            long started = Volatile.Read(ref _currentStart);
            if (current >= 0 && Stopwatch.GetElapsedTime(started) > caseTimeout)
            {
                stats.HungCase = current;
                stats.Elapsed = clock.Elapsed;
                return stats; // the worker is a background thread stuck in the hung case
            }

            if (progress is not null && clock.Elapsed - lastProgress >= interval)
            {
                lastProgress = clock.Elapsed;
                lock (stats)
                {
                    stats.Elapsed = clock.Elapsed;
                    progress(stats);
                }
            }
        }

        _engine = null;
        _added = [];
        stats.EndManagedBytes = GC.GetTotalMemory(forceFullCollection: true);
        stats.Elapsed = clock.Elapsed;
        return stats;
    }

    /// <summary>When set, every reader case's input is written here as <c>case-N.ext</c>, to reproduce a failure by hand.</summary>
    public string? DumpDirectory { get; init; }

    /// <summary>The kind of case <paramref name="index"/>, for reporting.</summary>
    public FuzzKind KindOf(long index) => Kind(CaseRandom(index));

    private void RunCases(long start, long count, FuzzStats stats)
    {
        for (long i = start; i < start + count; i++)
        {
            if (_engine is null || (i % EpochCases) == 0)
            {
                _engine = NewEngine(i);
                _added = [];
            }

            SplitMix64 rng = CaseRandom(i);
            FuzzKind kind = Kind(rng);
            long started = Stopwatch.GetTimestamp();
            Volatile.Write(ref _currentStart, started);
            Volatile.Write(ref _currentCase, i);
            lock (stats)
            {
                try
                {
                    RunCase(i, kind, rng, stats);
                }
                catch (Exception e)
                {
                    stats.Failed(i, kind, _seed, e);
                    _engine = null; // an engine that failed a check is not worth continuing with
                }

                stats.CaseDone(i, kind, Stopwatch.GetElapsedTime(started));
                if ((i & 63) == 0)
                {
                    stats.PeakManagedBytes = Math.Max(stats.PeakManagedBytes, GC.GetTotalMemory(forceFullCollection: false));
                }
            }

            Volatile.Write(ref _currentCase, -1);
        }
    }

    private SyndicationEngine NewEngine(long index)
    {
        SplitMix64 rng = CaseRandom(~index);
        var options = new SyndicationOptions { Window = rng.Chance(0.3) ? TimeSpan.FromDays(rng.NextInt(1, 30)) : null };
        return new SyndicationEngine(options);
    }

    private SplitMix64 CaseRandom(long index)
    {
        var mix = new SplitMix64(_seed ^ ((ulong)index * 0xD1B54A32D192ED03UL));
        return new SplitMix64(mix.NextUInt64());
    }

    private static FuzzKind Kind(SplitMix64 rng)
    {
        int roll = rng.NextInt(100);
        return roll switch
        {
            < 20 => FuzzKind.Jsonl,
            < 30 => FuzzKind.Json,
            < 37 => FuzzKind.Rss,
            < 44 => FuzzKind.Atom,
            < 47 => FuzzKind.Text,
            < 50 => FuzzKind.Csv,
            < 65 => FuzzKind.Dateline,
            < 80 => FuzzKind.Normalizer,
            < 90 => FuzzKind.Cleaner,
            _ => FuzzKind.Engine,
        };
    }

    private void RunCase(long index, FuzzKind kind, SplitMix64 rng, FuzzStats stats)
    {
        switch (kind)
        {
            case FuzzKind.Jsonl:
                Read(index, FuzzDocuments.Jsonl(rng, _allowHuge), rng, stats);
                break;
            case FuzzKind.Json:
                Read(index, FuzzDocuments.Json(rng, _allowHuge), rng, stats);
                break;
            case FuzzKind.Rss:
                Read(index, FuzzDocuments.Feed(rng, atom: false, _allowHuge), rng, stats);
                break;
            case FuzzKind.Atom:
                Read(index, FuzzDocuments.Feed(rng, atom: true, _allowHuge), rng, stats);
                break;
            case FuzzKind.Text:
                Read(index, FuzzDocuments.Text(rng, _allowHuge), rng, stats);
                break;
            case FuzzKind.Csv:
                Read(index, FuzzDocuments.Csv(rng, _allowHuge), rng, stats);
                break;
            case FuzzKind.Dateline:
                Dateline(rng);
                break;
            case FuzzKind.Normalizer:
                Normalize(rng);
                break;
            case FuzzKind.Cleaner:
                Clean(rng);
                break;
            default:
                Engine(index, rng, stats);
                break;
        }
    }

    /// <summary>
    /// True when <paramref name="intact"/> may have been refused because an earlier record, a damaged line that came out
    /// valid, took its id with another text or another source (a damaged line can lose its source and keep the body),
    /// and the reader reported the intact one's id as already used.
    /// </summary>
    private static bool IsRefusedForAnEarlierText((string Id, string? Body) intact, List<InputRecord> records, List<InputError> errors)
    {
        if (intact.Body is null)
        {
            return false;
        }

        string refusal = $"id \"{intact.Id}\" was already used by ";
        return records.Any(r => r.Article.Id == intact.Id) && errors.Any(e => e.Message.StartsWith(refusal, StringComparison.Ordinal));
    }

    private void Read(long index, FuzzDocument doc, SplitMix64 rng, FuzzStats stats)
    {
        if (DumpDirectory is not null)
        {
            File.WriteAllBytes(Path.Combine(DumpDirectory, string.Create(CultureInfo.InvariantCulture, $"case-{index}{doc.Extension}")), doc.Bytes);
        }

        string input = "-";
        if (_tempDirectory is not null && rng.Chance(0.1))
        {
            input = Path.Combine(_tempDirectory, "case" + doc.Extension);
            File.WriteAllBytes(input, doc.Bytes);
        }

        var errors = new List<InputError>();
        var skip = new ArticleReader([input], doc.Format, ErrorMode.Skip, errors.Add, new MemoryStream(doc.Bytes, writable: false));
        List<InputRecord> records = skip.Read().ToList();
        stats.Records += records.Count;
        stats.ErrorsReported += errors.Count;
        string display = input == "-" ? "<stdin>" : input;
        foreach (InputError error in errors)
        {
            Require(error.Input == input && error.ToString().StartsWith(display, StringComparison.Ordinal), $"an error does not name its input: {error}");
            Require(error.Line >= 0 && error.Line <= doc.Lines, $"an error names line {error.Line} of {doc.Lines}: {error}");
            Require(error.Message.Length > 0, "an error without a message");
        }

        foreach (InputRecord record in records)
        {
            Require(record.Input == input && record.Line >= 1 && record.Line <= doc.Lines, $"a record placed at {record.Input}:{record.Line} of {doc.Lines} lines");
            Require(record.Article.Id.Length > 0, "a record without an id");
        }

        // A damaged line can come out valid with an intact line's id (a flipped digit), so a match needs the body too.
        // When that line comes first, the reader rightly refuses the intact record after it, reporting its id as already
        // used for another text: the intact record is then excused, as nothing tells the reader which of the two is
        // the damaged one.
        List<(string Id, string? Body)> mustRead = [.. doc.MustRead.Where(m => !IsRefusedForAnEarlierText(m, records, errors))];
        int next = 0;
        foreach (InputRecord record in records)
        {
            if (next < mustRead.Count && record.Article.Id == mustRead[next].Id
                && (mustRead[next].Body is null || mustRead[next].Body == record.Article.Body))
            {
                next++;
            }
        }

        if (next < mustRead.Count)
        {
            (string id, string? body) = mustRead[next];
            InputRecord? same = records.FirstOrDefault(r => r.Article.Id == id);
            string detail = same is null || body is null ? "" : string.Create(CultureInfo.InvariantCulture,
                $"; a record with its id has another body from char {body.AsSpan().CommonPrefixLength(same.Article.Body)}: {Hex(body, body.AsSpan().CommonPrefixLength(same.Article.Body))} became {Hex(same.Article.Body, body.AsSpan().CommonPrefixLength(same.Article.Body))}");
            throw new FuzzFailure($"intact record {id} was not read ({records.Count} records, {errors.Count} errors{(errors.Count > 0 ? ", first: " + errors[0] : "")}){detail}");
        }
        if (doc.Exact)
        {
            Require(errors.Count == 0 && records.Count == doc.MustRead.Count, $"a valid document gave {records.Count} records for {doc.MustRead.Count} and {errors.Count} errors{(errors.Count > 0 ? ", first: " + errors[0] : "")}");
        }

        // Fail mode: the same records up to the first error, then that error as an InputException.
        var fail = new ArticleReader([input], doc.Format, ErrorMode.Fail, _ => throw new FuzzFailure("fail mode called the error callback"), new MemoryStream(doc.Bytes, writable: false));
        var before = new List<InputRecord>();
        InputException? stopped = null;
        try
        {
            foreach (InputRecord record in fail.Read())
            {
                before.Add(record);
            }
        }
        catch (InputException e)
        {
            stopped = e;
        }

        if (stopped is null)
        {
            Require(errors.Count == 0 && before.Count == records.Count, $"fail mode read {before.Count} records without error; skip mode {records.Count} with {errors.Count} errors");
        }
        else
        {
            Require(errors.Count > 0 && stopped.Error.ToString() == errors[0].ToString(), $"fail mode stopped at '{stopped.Error}', skip mode's first error is '{(errors.Count > 0 ? errors[0] : null)}'");
            Require(before.Count <= records.Count, "fail mode read more records than skip mode");
        }

        for (int i = 0; i < before.Count; i++)
        {
            Require(before[i].Article.Id == records[i].Article.Id && before[i].Line == records[i].Line, "fail mode read other records than skip mode");
        }

        // The articles go on into the engine, under ids made unique to this case.
        int take = Math.Min(records.Count, 12);
        for (int i = 0; i < take; i++)
        {
            Article a = records[i].Article;
            AddChecked(new Article(index.ToString(CultureInfo.InvariantCulture) + "/" + a.Id, a.Source, a.Body) { Title = a.Title, Url = a.Url, Published = a.Published }, stats);
        }
    }

    private static void Dateline(SplitMix64 rng)
    {
        string text = FuzzText.Head(rng);
        if (rng.Chance(0.3))
        {
            text += FuzzText.Body(rng, allowHuge: false);
        }

        _ = DatelineParser.Parse(text);
        Dateline? dateline = DatelineParser.Parse(text, WireGazetteer.Default, out int length);
        Require(length >= 0 && length <= Math.Min(text.Length, DatelineParser.MaxHeadLength), $"dateline length {length} out of range for a text of {text.Length}");
        Require(dateline is not null || length == 0, "no dateline but a nonzero length");
    }

    private static void Normalize(SplitMix64 rng)
    {
        string text = rng.NextInt(3) switch
        {
            0 => FuzzText.Noise(rng, rng.NextInt(0, 2000)),
            1 => FuzzText.Prose(rng, rng.NextInt(0, 200)),
            _ => FuzzText.Body(rng, allowHuge: rng.Chance(0.05)),
        };
        NormalizationOptions options = s_normalizations[rng.NextInt(s_normalizations.Length)];
        string normalized = TextNormalizer.Normalize(text, options);
        CheckNormalized(normalized);
        Require(TextNormalizer.Normalize(normalized, options) == normalized, "normalizing twice changes the text");
        if (text.Length <= 100_000)
        {
            char[] buffer = new char[TextNormalizer.GetMaxOutputLength(text.Length)];
            Require(TextNormalizer.TryNormalize(text, buffer, out int written, options), "TryNormalize failed with GetMaxOutputLength chars");
            Require(buffer.AsSpan(0, written).SequenceEqual(normalized), "the span and string overloads disagree");
            if (normalized.Length > 0)
            {
                char[] small = new char[rng.NextInt(normalized.Length)];
                Require(!TextNormalizer.TryNormalize(text, small, out int none, options) && none == 0, "TryNormalize succeeded into a buffer shorter than its output");
            }
        }
    }

    private static void CheckNormalized(string output)
    {
        if (output.Length == 0)
        {
            return;
        }

        Require(output[0] != ' ' && output[^1] != ' ' && !output.Contains("  ", StringComparison.Ordinal), "normalized text has leading, trailing or double spaces");
        for (int i = 0; i < output.Length; i++)
        {
            char c = output[i];
            if (char.IsHighSurrogate(c) && i + 1 < output.Length && char.IsLowSurrogate(output[i + 1]))
            {
                i++;
                continue;
            }

            Require(!char.IsSurrogate(c), $"normalized text holds a lone surrogate at {i}");
            Require(c == ' ' || char.IsLetterOrDigit(c), $"normalized text holds U+{(int)c:X4}");
        }
    }

    private static void Clean(SplitMix64 rng)
    {
        string? title = rng.Chance(0.3) ? null : FuzzText.Damage(rng, FuzzText.Prose(rng, rng.NextInt(0, 12)));
        string body = rng.Chance(0.5) ? FuzzText.Body(rng, allowHuge: false) : (title ?? "") + "\n" + FuzzText.Head(rng) + FuzzText.Body(rng, allowHuge: false);
        CleanedArticle cleaned = ArticleCleaner.Clean(title, body, WireGazetteer.Default);
        Require(cleaned.Body is not null, "the cleaner returned no body");

        // The same body as UTF-8 bytes, some of them damaged: the article made from the bytes is the article made from
        // their decoding, fingerprint and all.
        byte[] utf8 = Encoding.UTF8.GetBytes(body);
        for (int flips = rng.Chance(0.5) ? rng.NextInt(1, 4) : 0; flips > 0 && utf8.Length > 0; flips--)
        {
            utf8[rng.NextInt(utf8.Length)] = (byte)rng.NextInt(256);
        }

        Fingerprint fromText = s_fingerprinter.Compute(new Article("a", "s", Encoding.UTF8.GetString(utf8)) { Title = title });
        Fingerprint fromBytes = s_fingerprinter.Compute(new Article("a", "s", utf8) { Title = title });
        Require(
            fromText.ContentHash == fromBytes.ContentHash && fromText.Signature.AsSpan().SequenceEqual(fromBytes.Signature)
                && fromText.Evidence.AsSpan().SequenceEqual(fromBytes.Evidence) && fromText.Lead.AsSpan().SequenceEqual(fromBytes.Lead)
                && fromText.LineHashes.AsSpan().SequenceEqual(fromBytes.LineHashes) && fromText.Cleaned.Body == fromBytes.Cleaned.Body
                && fromText.Cleaned.Wire?.Name == fromBytes.Cleaned.Wire?.Name && fromText.Cleaned.Dateline?.Text == fromBytes.Cleaned.Dateline?.Text,
            "an article made from UTF-8 bytes fingerprints apart from the one made from their decoding");
    }

    private static readonly Fingerprinter s_fingerprinter = new(SyndicationOptions.Default);

    /// <summary>A random sequence of engine calls, including invalid ones, with the state checked afterwards.</summary>
    private void Engine(long index, SplitMix64 rng, FuzzStats stats)
    {
        SyndicationEngine engine = _engine!;
        int operations = rng.NextInt(1, 30);
        for (int op = 0; op < operations; op++)
        {
            stats.EngineOperations++;
            switch (rng.NextInt(20))
            {
                case < 10:
                    AddChecked(RandomArticle(index, op, rng), stats);
                    break;
                case < 13:
                    Verdict query = engine.Query(RandomArticle(index, op, rng));
                    Require(!query.Inserted, "Query inserted an article");
                    break;
                case < 15:
                    if (_added.Count > 0)
                    {
                        Article victim = _added[rng.NextInt(_added.Count)];
                        bool held = engine.GetClusterOf(victim.Id) is not null;
                        Require(engine.Remove(victim.Id) == held, "Remove disagrees with GetClusterOf");
                        Require(engine.GetClusterOf(victim.Id) is null, "a removed article is still held");
                    }
                    else
                    {
                        Require(!engine.Remove("missing"), "Remove of an unknown id returned true");
                    }

                    break;
                case 15:
                    DateTimeOffset cutoff = rng.NextInt(4) switch
                    {
                        0 => DateTimeOffset.MinValue,
                        1 => DateTimeOffset.MaxValue,
                        _ => RandomTime(rng) ?? DateTimeOffset.UnixEpoch,
                    };
                    int before = engine.Count;
                    int evicted = engine.EvictOlderThan(cutoff);
                    Require(evicted >= 0 && engine.Count == before - evicted, "eviction count does not match");
                    break;
                case 16:
                    ExpectArgumentException(() => engine.Add(null!));
                    ExpectArgumentException(() => engine.Remove(null!));
                    ExpectArgumentException(() => engine.GetClusterOf(null!));
                    ExpectArgumentException(() => engine.Query(null!));
                    ExpectArgumentException(() => new Article("", "s", "b"));
                    ExpectArgumentException(() => new Article("x", null!, "b"));
                    ExpectArgumentException(() => engine.AddRange([RandomArticle(index, op, rng), null!]));
                    break;
                case 17:
                    if (_added.Count > 0)
                    {
                        // Adding an id again changes nothing.
                        Article again = _added[rng.NextInt(_added.Count)];
                        if (engine.GetClusterOf(again.Id) is null)
                        {
                            break; // removed or evicted since
                        }

                        int count = engine.Count;
                        Verdict verdict = engine.Add(new Article(again.Id, "other", FuzzText.Prose(rng, 20)));
                        Require(!verdict.Inserted && engine.Count == count, "adding an existing id changed the engine");
                    }

                    break;
                case 18:
                    var batch = new List<Article>();
                    for (int i = rng.NextInt(0, 6); i > 0; i--)
                    {
                        batch.Add(RandomArticle(index, op * 100 + i, rng));
                    }

                    IReadOnlyList<Verdict> verdicts = engine.AddRange(batch);
                    Require(verdicts.Count == batch.Count, "AddRange returned the wrong number of verdicts");
                    _added.AddRange(batch);
                    break;
                default:
                    _ = engine.GetClusters(rng.NextInt(0, 3));
                    _ = engine.GetStatistics();
                    break;
            }
        }

        EngineInvariants.Check(engine);
    }

    private void AddChecked(Article article, FuzzStats stats)
    {
        stats.EngineOperations++;
        SyndicationEngine engine = _engine!;
        Verdict verdict = engine.Add(article);
        Require(verdict.ArticleId == article.Id, "the verdict is for another article");
        Cluster? cluster = engine.GetClusterOf(article.Id);
        // With a sliding window an article older than the window is evicted as soon as it is added.
        Require(cluster is not null || engine.Options.Window is not null, "an added article is not held");
        if (cluster is not null)
        {
            Require(cluster.Id == verdict.ClusterId && cluster.Members.Any(m => m.Id == article.Id), "the verdict's cluster does not hold the article");
        }

        _added.Add(article);
    }

    private Article RandomArticle(long index, int op, SplitMix64 rng)
    {
        string id = rng.Chance(0.1) ? FuzzText.Noise(rng, rng.NextInt(1, 8)) : string.Create(CultureInfo.InvariantCulture, $"e{index}/{op}/{rng.NextInt(1000)}");
        string body = _added.Count > 0 && rng.Chance(0.4)
            ? FuzzText.Damage(rng, _added[rng.NextInt(_added.Count)].Body) // a reprint
            : FuzzText.Body(rng, _allowHuge && rng.Chance(0.1));
        string source = rng.Chance(0.8) ? rng.Pick(["spa", "sana", "mena", "reuters", "x"]) : FuzzText.Noise(rng, rng.NextInt(0, 5));
        return new Article(id, source, body)
        {
            Title = rng.Chance(0.5) ? FuzzText.Prose(rng, rng.NextInt(0, 8)) : null,
            Url = rng.Chance(0.3) ? FuzzText.Noise(rng, 10) : null,
            Published = RandomTime(rng),
        };
    }

    private static DateTimeOffset? RandomTime(SplitMix64 rng) => rng.NextInt(6) switch
    {
        0 => null,
        1 => DateTimeOffset.MinValue,
        2 => DateTimeOffset.MaxValue,
        _ => new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.FromHours(rng.NextInt(-14, 14))).AddMinutes(rng.NextInt(0, 60 * 24 * 60)),
    };

    private static string Hex(string text, int at) =>
        string.Join(' ', text.Skip(Math.Max(0, at - 2)).Take(6).Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture)));

    private static void ExpectArgumentException(Action action)
    {
        try
        {
            action();
        }
        catch (ArgumentException)
        {
            return;
        }

        throw new FuzzFailure("an invalid argument was accepted");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new FuzzFailure(message);
        }
    }
}

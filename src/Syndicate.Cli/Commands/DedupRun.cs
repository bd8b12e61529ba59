using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Syndicate.Cli.Input;
using Syndicate.Cli.Output;

namespace Syndicate.Cli.Commands;

/// <summary>
/// The loop of <c>syndicate dedup</c>: each article is added (and so journaled), then its line is written and flushed
/// before the next article is read. A write that fails stops the run there, so at most the article whose line failed
/// is journaled undelivered, and re-feeding the input delivers it again with the verdict it got.
/// </summary>
/// <remarks>
/// SIGINT and SIGTERM do not kill the run mid-article: the article in hand is finished (journaled and written), the
/// summary goes to stderr, the state is closed, and the process exits with 130 or 143 (128 + the signal number), as
/// shells expect of a process stopped by a signal. A run waiting for input stops at once; one whose write is blocked by
/// a reader that stopped reading stops after a few seconds. A signal ignored when the process started (SIGINT in a
/// background job of a shell script, or under <c>nohup</c>) stays ignored: the runtime does not handle it.
/// </remarks>
internal sealed class DedupRun : IDisposable
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    /// <summary>How long a signal waits for the article in hand to be written.</summary>
    private static readonly TimeSpan s_stopGrace = TimeSpan.FromSeconds(5);

    private static readonly JsonWriterOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Func<Article, Verdict> _add;
    private readonly IDisposable _engine;
    private readonly Stream _stdout;
    private readonly DedupSummary _summary;
    private readonly bool _talk;
    private readonly Lock _article = new();
    private readonly PosixSignalRegistration[] _signals;
    private bool _progressShown;

    /// <param name="add">Adds an article and returns its verdict once it is stored (journaled, or committed).</param>
    /// <param name="engine">Closed by a signal that finds no article in hand.</param>
    /// <param name="stdout">Where the lines go.</param>
    /// <param name="summary">Counts the run.</param>
    /// <param name="talk">Whether a signal prints the summary.</param>
    public DedupRun(Func<Article, Verdict> add, IDisposable engine, Stream stdout, DedupSummary summary, bool talk)
    {
        _add = add;
        _engine = engine;
        _stdout = stdout;
        _summary = summary;
        _talk = talk;
        _signals = OperatingSystem.IsWindows()
            ? []
            : [PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop)];
    }

    /// <param name="records">The input's records, in order.</param>
    /// <param name="onlyNew">Writes only the verdicts of articles that start a story.</param>
    /// <param name="progress">Writes a progress line to standard error.</param>
    /// <param name="retry">
    /// For a record whose id the state holds for another article, the record to add instead, or null
    /// (<see cref="ArticleReader.RetryHeldForAnotherArticle"/>).
    /// </param>
    /// <param name="onIdReused">Reports a record whose id the state holds for another article, and that has no retry.</param>
    public void Execute(IEnumerable<InputRecord> records, bool onlyNew, bool progress, Func<InputRecord, InputRecord?> retry, Action<InputRecord> onIdReused)
    {
        using var writer = new Utf8JsonWriter(_stdout, s_json);
        long nextProgress = Environment.TickCount64 + 1000;
        foreach (InputRecord read in records)
        {
            InputRecord record = read;
            lock (_article)
            {
                Verdict verdict = _add(record.Article);
                if (verdict.IdReused && retry(record) is { } again)
                {
                    record = again;
                    verdict = _add(record.Article);
                }

                if (verdict.IdReused)
                {
                    // Not the article the state holds under that id: an error, and no verdict is written for it.
                    onIdReused(record);
                    continue;
                }

                _summary.Count(verdict);
                // Selected by the verdict the article got when it was added, so a re-fed article is written again.
                if (!onlyNew || verdict.IsNew)
                {
                    OutputTarget.Guarded(OutputTarget.StdoutName, () =>
                    {
                        DedupCommand.WriteLine(writer, record.Article, verdict);
                        writer.Flush();
                        _stdout.WriteByte((byte)'\n');
                        _stdout.Flush();
                    });
                    writer.Reset();
                }
            }

            if (progress && Environment.TickCount64 >= nextProgress)
            {
                nextProgress = Environment.TickCount64 + 1000;
                Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\rdedup: {_summary.Articles:N0} articles, {_summary.New:N0} new"));
                _progressShown = true;
            }
        }

        ClearProgress();
    }

    public void Dispose()
    {
        foreach (PosixSignalRegistration signal in _signals)
        {
            signal.Dispose();
        }
    }

    private void ClearProgress()
    {
        if (_progressShown)
        {
            Console.Error.Write("\r\u001b[K");
            _progressShown = false;
        }
    }

    /// <summary>
    /// Runs on a signal: waits for the article in hand (the lock is never released, so no other starts), then reports,
    /// closes the state and exits. A run blocked reading its input holds no lock and stops at once.
    /// </summary>
    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        int code = 128 + (context.Signal == PosixSignal.SIGINT ? SigInt : SigTerm);
        // A reader that stopped reading blocks the article in hand in its write; after a grace period the run stops
        // anyway. That article is journaled, and its line, perhaps incomplete, is written again by a re-feed.
        bool idle = _article.TryEnter(s_stopGrace);
        try
        {
            _stdout.Flush();
        }
        catch (IOException)
        {
            // The reader went away; the summary still says how far the run got.
        }

        ClearProgress();
        if (_talk)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_summary.Describe()} Stopped by {(code == 130 ? "SIGINT" : "SIGTERM")}; every article counted is {_summary.Stored} and written."));
        }

        if (idle)
        {
            // Otherwise the engine may be inside an add; the journal (or the database) has every acknowledged article,
            // and the directory lock (or the connection) goes with the process.
            _engine.Dispose();
        }

        Environment.Exit(code);
    }
}

/// <summary>What a <c>dedup</c> run did, for its summary line.</summary>
/// <param name="holder">What holds the articles: <c>state</c> or <c>store</c>.</param>
internal sealed class DedupSummary(string holder = "state")
{
    /// <summary>What happened to an article counted: journaled (a state) or committed (a store).</summary>
    public string Stored => holder == "state" ? "journaled" : "committed";

    public int Articles { get; private set; }

    public int New { get; private set; }

    public int Copies { get; private set; }

    public int AlreadyHeld { get; private set; }

    public int Errors { get; set; }

    public void Count(Verdict verdict)
    {
        Articles++;
        if (verdict.IsNew)
        {
            New++;
        }
        else
        {
            Copies++;
        }

        if (!verdict.Inserted)
        {
            AlreadyHeld++;
        }
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"syndicate: dedup: {Articles} {(Articles == 1 ? "article" : "articles")}: {New} new, {Copies} {(Copies == 1 ? "copy" : "copies")} of a known story; {AlreadyHeld} {(AlreadyHeld == 1 ? "was" : "were")} already in the {holder} (given their first verdict again){(Errors > 0 ? $"; {Errors} input {(Errors == 1 ? "error" : "errors")} skipped" : "")}.");
}

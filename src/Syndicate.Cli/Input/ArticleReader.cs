using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Syndicate.Clustering;

namespace Syndicate.Cli.Input;

/// <summary>
/// Reads articles from files, directories and standard input, one input after another, detecting each input's format.
/// </summary>
/// <remarks>
/// <para>
/// Inputs are read lazily as <see cref="Read"/> is enumerated. Gzip is recognised by its magic bytes whatever the file
/// is called (concatenated gzip members are read as one stream). <c>-</c> stands for standard input. A directory is
/// walked recursively for <c>*.txt</c> files in ordinal order of their relative paths, skipping names that start with
/// a dot; each file is one article whose id is the file name without extension and whose source is the name of the
/// top-level subdirectory it is in, or <c>unknown</c> for files directly in the directory.
/// </para>
/// <para>
/// A record that cannot be read (a malformed line, a missing field) and an input that cannot be read (missing, not
/// permitted, unknown format, malformed XML) become an <see cref="InputError"/>. With <see cref="ErrorMode.Skip"/> it
/// goes to the callback and reading goes on; with <see cref="ErrorMode.Fail"/> the enumeration throws
/// <see cref="InputException"/>, after every record before the error has been returned. An error that stops the
/// reading of an input (<see cref="InputError.EndsInput"/>) is also kept in <see cref="IncompleteInputs"/>, so that the
/// caller can fail the run even though the other inputs were read.
/// </para>
/// <para>
/// Ids are checked across all inputs: a record whose id was read before with the same title and body is returned again
/// (it is the same article, and the engine gives the repeat the verdict of the one it holds); with a different title or
/// body, or from another source, it is an error naming both places, and the record is not returned. Only a 128-bit hash
/// of each text is kept. A feed item is the exception: its id is its feed's <c>guid</c> or <c>link</c>, which another
/// outlet's feed may carry for the same wire item, so an item whose id an item of another source has is returned
/// under the id <c>{source}/{id}</c> (<see cref="RetryHeldForAnotherArticle"/> does the same against a state).
/// </para>
/// <para>
/// A record the sources keep despite a problem (an unreadable <c>published</c> time, say) carries a
/// <see cref="InputRecord.Warning"/>, which goes to the warning callback as the record is returned.
/// </para>
/// </remarks>
internal sealed class ArticleReader
{
    /// <summary>The default longest record: a JSON line or JSON array element beyond it is an error.</summary>
    public const int DefaultMaxRecordBytes = 256 * 1024 * 1024;

    private const int DefaultBufferSize = 256 * 1024;
    private const int SniffLimit = 64 * 1024;

    private readonly IReadOnlyList<string> _inputs;
    private readonly InputFormat _format;
    private readonly ErrorMode _mode;
    private readonly Action<InputError> _onError;
    private readonly Stream? _stdin;
    private readonly Action<InputError> _onWarning;
    private readonly HashSet<string> _reportedFields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SeenId> _ids = new(StringComparer.Ordinal);
    private readonly List<InputError> _incomplete = [];
    private long _bytesDone;
    private CountingStream? _current;

    /// <summary>Creates a reader; nothing is opened until <see cref="Read"/> is enumerated.</summary>
    /// <param name="inputs">File paths, directory paths and <c>-</c> for standard input, read in this order.</param>
    /// <param name="format">The format of every file input, or <see cref="InputFormat.Auto"/> to detect each.</param>
    /// <param name="mode">Whether errors are reported and skipped or stop reading.</param>
    /// <param name="onError">Receives errors in <see cref="ErrorMode.Skip"/>; not called in <see cref="ErrorMode.Fail"/>.</param>
    /// <param name="stdin">The stream <c>-</c> reads; the process's standard input when null. It is not disposed.</param>
    /// <param name="onWarning">
    /// Receives the problems of records that are kept (in both modes); when null they are written to standard error.
    /// </param>
    public ArticleReader(IReadOnlyList<string> inputs, InputFormat format, ErrorMode mode, Action<InputError> onError, Stream? stdin = null, Action<InputError>? onWarning = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(onError);
        _inputs = inputs;
        _format = format;
        _mode = mode;
        _onError = onError;
        _stdin = stdin;
        _onWarning = onWarning ?? (w => Console.Error.WriteLine("syndicate: " + Output.TerminalText.Neutralize(w.ToString())));
    }

    /// <summary>The errors that stopped the reading of an input, one per input not read completely, in input order.</summary>
    public IReadOnlyList<InputError> IncompleteInputs => _incomplete;

    /// <summary>
    /// The bytes read so far from the inputs as stored (compressed bytes for gzip), for progress and throughput. May be
    /// read from another thread while enumerating.
    /// </summary>
    public long BytesRead => Volatile.Read(ref _bytesDone) + (Volatile.Read(ref _current)?.Count ?? 0);

    /// <summary>
    /// The longest record in bytes: a longer JSON record is reported as an error and skipped, a longer CSV row ends its
    /// input.
    /// </summary>
    public int MaxRecordBytes { get; init; } = DefaultMaxRecordBytes;

    /// <summary>The initial size of the pooled buffer JSON inputs are read through; it grows for longer records.</summary>
    public int BufferSize { get; init; } = DefaultBufferSize;

    /// <summary>Reads all inputs in order, returning records as they are parsed.</summary>
    public IEnumerable<InputRecord> Read()
    {
        foreach (var input in _inputs)
        {
            if (input != "-" && Directory.Exists(input))
            {
                foreach (var file in InputDirectory.List(input, Report, _onWarning))
                {
                    // A text file is one article whatever the override; the others are read as named files are.
                    var format = file.Format == InputFormat.Text ? InputFormat.Text : _format;
                    foreach (var record in ReadInput(file.Path, format, file.Source, file.TextId))
                    {
                        yield return record;
                    }
                }

                continue;
            }

            foreach (var record in ReadInput(input, _format, JsonArticle.UnknownSource, textId: null))
            {
                yield return record;
            }
        }
    }

    // textId: a text file's article id, or null for its file name without the extension.
    private IEnumerable<InputRecord> ReadInput(string input, InputFormat format, string textSource, string? textId)
    {
        var source = Open(input, format, textSource, textId, out var openError);
        if (source is null)
        {
            Finish(null);
            Report(openError!);
            yield break;
        }

        // Records whose unread fields were looked at: the survey covers an input's first ones only.
        var surveyed = 0;
        var timed = 0;
        var untimedReported = source is TextSource; // a text file never has a time: a directory of them would say so file by file
        var returned = 0;
        var failed = false;
        try
        {
            while (true)
            {
                InputRecord? record;
                InputError? error;
                bool fatal;
                if (!TryReadNext(source, input, out record, out error, out fatal))
                {
                    break;
                }

                if (error is not null)
                {
                    failed = true;
                    Report(error);
                    if (fatal)
                    {
                        break;
                    }

                    continue;
                }

                if (CheckId(record!, out bool otherSource) is { } conflict)
                {
                    // A feed item whose guid another outlet's item has is kept under its source's name; a conflict
                    // under that name (its own outlet's other text) is the one reported.
                    InputRecord? qualified = otherSource ? Qualified(record!) : null;
                    InputError? remaining = qualified is null ? conflict : CheckId(qualified, out _);
                    if (remaining is not null)
                    {
                        failed = true;
                        Report(remaining);
                        continue;
                    }

                    record = qualified!;
                }

                if (record!.Warning is { } warning)
                {
                    _onWarning(new InputError(record.Input, record.Line, warning));
                }

                if (surveyed < FieldSurvey.Records)
                {
                    surveyed++;
                    timed += record.Article.Published is null ? 0 : 1;
                    ReportUnreadFields(source, record);
                    if (surveyed == FieldSurvey.Records && !untimedReported)
                    {
                        ReportUntimed(input, surveyed, timed);
                        untimedReported = true;
                    }
                }

                returned++;
                yield return record;
            }

            if (surveyed > 0 && !untimedReported)
            {
                ReportUntimed(input, surveyed, timed);
            }

            if (returned == 0 && !failed && input != "-")
            {
                // An empty file (or a feed without items) is not an error, but a run that reads nothing from it would
                // otherwise say nothing at all.
                _onWarning(new InputError(input, 0, "holds no article"));
            }
        }
        finally
        {
            Finish(source);
        }
    }

    /// <summary>
    /// Says, for an input whose first records have no publication time at all, that copies cannot be told apart by
    /// time: the engine keeps the instances of a template series (two days' weather bulletins) apart by their times.
    /// </summary>
    private void ReportUntimed(string input, int surveyed, int timed)
    {
        if (timed == 0)
        {
            _onWarning(new InputError(input, 0, UntimedMessage(surveyed)));
        }
    }

    /// <summary>What <see cref="ReportUntimed"/> says of an input whose first <paramref name="surveyed"/> articles have no time.</summary>
    internal static string UntimedMessage(int surveyed) => string.Create(CultureInfo.InvariantCulture,
        $"no publication time ('published' or 'date') in {(surveyed == 1 ? "its article" : $"any of its first {surveyed} articles")}: copies days apart, such as the instances of a template series, cannot be kept apart by time");

    /// <summary>True for the notice <see cref="ReportUntimed"/> gives.</summary>
    internal static bool IsUntimedNotice(InputError warning) =>
        warning.Message.StartsWith("no publication time (", StringComparison.Ordinal);

    /// <summary>
    /// Names, once a run, each field of an input's first records that no article field is read from: a schema with
    /// <c>published_at</c> or <c>outlet</c> would otherwise lose its times or sources without a word.
    /// </summary>
    private void ReportUnreadFields(IRecordSource source, InputRecord record)
    {
        var fields = source.TakeUnreadFields();
        if (fields.Count == 0)
        {
            return;
        }

        var fresh = fields.Where(_reportedFields.Add).ToList();
        if (fresh.Count > 0)
        {
            _onWarning(new InputError(record.Input, source.UnreadFieldsLine(record), $"fields not read: {string.Join(", ", fresh)} ({FieldSurvey.ReadFields})"));
        }
    }

    private static bool TryReadNext(IRecordSource source, string input, out InputRecord? record, out InputError? error, out bool fatal)
    {
        fatal = false;
        try
        {
            return source.TryReadNext(out record, out error);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            record = null;
            fatal = true;
            error = new InputError(input, source.Line, "read error: " + ex.Message, endsInput: true);
            return true;
        }
    }

    private IRecordSource? Open(string input, InputFormat format, string textSource, string? textId, out InputError? error)
    {
        error = null;
        var isStdin = input == "-";
        Stream raw;
        try
        {
            raw = isStdin
                ? _stdin ?? Console.OpenStandardInput()
                : new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            error = new InputError(input, 0, "file not found", endsInput: true);
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            error = new InputError(input, 0, "permission denied", endsInput: true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or NotSupportedException)
        {
            error = new InputError(input, 0, "cannot open: " + ex.Message, endsInput: true);
            return null;
        }

        var counting = new CountingStream(raw, leaveOpen: isStdin);
        Volatile.Write(ref _current, counting);
        Stream stream = counting;
        try
        {
            stream = ReplayStream.Peek(stream, 2, out var magic);
            if (magic.Length == 2 && magic[0] == 0x1F && magic[1] == 0x8B)
            {
                stream = new CheckedGzipStream(stream);
            }

            if (format == InputFormat.Auto && !isStdin)
            {
                format = FromExtension(input);

                // The name says JSON Lines but the content is a JSON array: read it as what it is. (A JSON Lines file
                // named .json needs no switch: the JSON reader goes on through a sequence of top-level objects.)
                if (format == InputFormat.Jsonl)
                {
                    stream = Sniff(stream, out var head);
                    if (head == (byte)'[')
                    {
                        format = InputFormat.Json;
                    }
                }
            }

            if (format == InputFormat.Auto)
            {
                stream = Sniff(stream, out var first);
                format = first switch
                {
                    (byte)'[' => InputFormat.Json,
                    (byte)'<' => InputFormat.Rss,
                    (byte)'{' or null => InputFormat.Jsonl,
                    _ => InputFormat.Auto,
                };
                if (format == InputFormat.Auto)
                {
                    // Not JSON or a feed: delimited text when its first line is a header with an id column.
                    stream = SniffLine(stream, out var line);
                    format = CsvSource.LooksLikeHeader(line) ? InputFormat.Csv : isStdin ? InputFormat.Jsonl : InputFormat.Auto;
                }
                if (format == InputFormat.Auto)
                {
                    stream.Dispose();
                    error = new InputError(input, 0, "unknown format: not JSON Lines, JSON, RSS or Atom, nor CSV with a header naming an id column, by extension or content", endsInput: true);
                    return null;
                }
            }

            return format switch
            {
                InputFormat.Jsonl => new JsonlSource(stream, input, BufferSize, MaxRecordBytes),
                InputFormat.Json => new JsonArraySource(stream, input, BufferSize, MaxRecordBytes),
                InputFormat.Rss or InputFormat.Atom => new FeedSource(stream, input),
                InputFormat.Csv => new CsvSource(stream, input, MaxRecordBytes),
                _ => new TextSource(stream, input, isStdin ? "stdin" : textId ?? IdFromFileName(input), textSource),
            };
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            stream.Dispose();
            error = new InputError(input, 0, "read error: " + ex.Message, endsInput: true);
            return null;
        }
        catch (System.Xml.XmlException ex)
        {
            // XmlReader.Create already decodes the first bytes, and throws for bytes invalid in the declared encoding.
            stream.Dispose();
            error = new InputError(input, ex.LineNumber, "malformed XML: " + FeedSource.Describe(ex), endsInput: true);
            return null;
        }
    }

    // Reads until the first byte that is not whitespace or part of a byte order mark, or the end, and returns a stream
    // that replays what was read.
    private static ReplayStream Sniff(Stream stream, out byte? first)
    {
        var replay = ReadAhead(stream, static content => FirstNonBlank(content) is not null, out var head);
        first = FirstNonBlank(head);
        return replay;
    }

    // Reads until the end of the first line (or SniffLimit bytes, or the end) and returns a stream that replays it.
    private static ReplayStream SniffLine(Stream stream, out byte[] line)
    {
        var replay = ReadAhead(stream, static content => content.Contains((byte)'\n'), out var head);
        var end = head.IndexOf((byte)'\n');
        line = head[..(end < 0 ? head.Length : end)].ToArray();
        return replay;
    }

    private delegate bool Enough(ReadOnlySpan<byte> content);

    // Reads until enough says so, SniffLimit bytes are read, or the input ends; returns what was read (head) and a stream
    // that replays it before the rest. It reads no further than it must: standard input may be a person typing.
    private static ReplayStream ReadAhead(Stream stream, Enough enough, out ReadOnlySpan<byte> head)
    {
        var buffer = new byte[4096];
        var length = 0;
        while (length < SniffLimit)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (enough(buffer.AsSpan(0, length)))
            {
                break;
            }
        }

        head = buffer.AsSpan(0, length);
        return new ReplayStream(buffer, length, stream);
    }

    // The first byte that is not whitespace or part of a byte order mark; null when there is none yet (or a byte order
    // mark may still be arriving).
    private static byte? FirstNonBlank(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }

        var index = content.IndexOfAnyExcept(" \t\r\n"u8);
        return index >= 0 && (index > 0 || content.Length >= 3 || content[0] != 0xEF) ? content[index] : null;
    }

    /// <summary>The format a file's name says (a trailing <c>.gz</c> set aside); <see cref="InputFormat.Auto"/> when it says none.</summary>
    internal static InputFormat FromExtension(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^3];
        }

        var extension = Path.GetExtension(name);
        return extension.ToUpperInvariant() switch
        {
            ".JSONL" or ".NDJSON" or ".JSONLINES" => InputFormat.Jsonl,
            ".JSON" => InputFormat.Json,
            ".XML" or ".RSS" => InputFormat.Rss,
            ".ATOM" => InputFormat.Atom,
            ".TXT" => InputFormat.Text,
            ".CSV" or ".TSV" => InputFormat.Csv,
            _ => InputFormat.Auto,
        };
    }

    /// <summary>Where an id was first read, and a hash of its text.</summary>
    private readonly record struct SeenId(UInt128 Hash, string Source, string Input, long Line);

    /// <summary>A text file's article id: its file name without the extension (and without <c>.gz</c>).</summary>
    internal static string IdFromFileName(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^3];
        }

        return Path.GetFileNameWithoutExtension(name);
    }

    private void Finish(IRecordSource? source)
    {
        source?.Dispose();
        var current = Interlocked.Exchange(ref _current, null);
        if (current is not null)
        {
            Volatile.Write(ref _bytesDone, _bytesDone + current.Count);
        }
    }

    // Null when the record may be returned: its id is new, or was read before for the same source and text.
    // otherSource: the id was read before for an article of another source.
    private InputError? CheckId(InputRecord record, out bool otherSource)
    {
        Article article = record.Article;
        UInt128 hash = TextHash(article);
        ref SeenId seen = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, article.Id, out bool exists);
        otherSource = false;
        if (!exists)
        {
            seen = new SeenId(hash, article.Source, record.Input, record.Line);
            return null;
        }

        bool sameSource = string.Equals(seen.Source, article.Source, StringComparison.Ordinal);
        otherSource = !sameSource;
        if (seen.Hash == hash && sameSource)
        {
            return null;
        }

        string first = seen.Input == "-" ? "<stdin>" : seen.Input;
        string where = seen.Line > 0 ? first + ":" + seen.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : first;
        string what = seen.Hash != hash ? "for different text" : $"for an article of another source (\"{seen.Source}\")";
        return new InputError(record.Input, record.Line, $"id \"{article.Id}\" was already used by {where} {what}");
    }

    // The title and the body, each preceded by its length so that no two different pairs hash alike by concatenation.
    private static UInt128 TextHash(Article article)
    {
        var hash = new XxHash128();
        Span<byte> length = stackalloc byte[4];
        string title = article.Title ?? string.Empty;
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, article.Title is null ? -1 : title.Length);
        hash.Append(length);
        hash.Append(MemoryMarshal.AsBytes(title.AsSpan()));
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, article.Body.Length);
        hash.Append(length);
        hash.Append(MemoryMarshal.AsBytes(article.Body.AsSpan()));
        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>
    /// A feed item under the id <c>{source}/{id}</c>, for an item whose feed id (its <c>guid</c> or <c>link</c>) an item
    /// of another source already has: two outlets' feeds carrying one wire item under the wire's id. Null for a record
    /// that is not a feed item, or that has no source to tell it apart.
    /// </summary>
    /// <remarks>
    /// The first item read keeps the feed's id and each later one from another source is told apart by its source, so
    /// the ids depend only on the order of the inputs, and reading a feed again gives its items the same ids.
    /// </remarks>
    private static InputRecord? Qualified(InputRecord record)
    {
        Article article = record.Article;
        if (!record.FromFeed || article.Source.Length == 0 || string.Equals(article.Source, JsonArticle.UnknownSource, StringComparison.Ordinal))
        {
            return null;
        }

        var copy = new Article(article.Source + "/" + article.Id, article.Source, article.Body)
        {
            Title = article.Title,
            Url = article.Url,
            Published = article.Published,
        };
        return record with { Article = copy };
    }

    /// <summary>
    /// The record to add again when the state already holds its id for an article of another source (the engine's
    /// <see cref="Verdict.IdReused"/>): a feed item under its qualified id (see <see cref="Qualified"/>), the same one
    /// a run that read both feeds gives it. Null when there is none, and the record is then to be reported with
    /// <see cref="ReportHeldForAnotherArticle"/>.
    /// </summary>
    /// <param name="record">The record the state answered with <see cref="Verdict.IdReused"/>.</param>
    /// <param name="clusterOf">The state's story of an article id (<c>GetClusterOf</c>), to read the held article's source.</param>
    public InputRecord? RetryHeldForAnotherArticle(InputRecord record, Func<string, Cluster?> clusterOf)
    {
        string id = record.Article.Id;
        if (!record.FromFeed || clusterOf(id)?.Members.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.Ordinal)) is not { } held
            || string.Equals(held.Source, record.Article.Source, StringComparison.Ordinal)
            || Qualified(record) is not { } qualified || CheckId(qualified, out _) is not null)
        {
            return null;
        }

        return qualified;
    }

    /// <summary>
    /// Reports a record whose id the state already holds for another article, one of another source or with another
    /// text (the engine's <see cref="Verdict.IdReused"/>): an error like a reuse within the run, so
    /// <c>--on-error fail</c> stops at it.
    /// </summary>
    public void ReportHeldForAnotherArticle(InputRecord record) =>
        Report(new InputError(record.Input, record.Line, $"id \"{record.Article.Id}\" was already used by an article held in the state, of another source or with different text"));

    private void Report(InputError error)
    {
        if (error.EndsInput)
        {
            _incomplete.Add(error);
        }

        if (_mode == ErrorMode.Fail)
        {
            throw new InputException(error);
        }

        _onError(error);
    }
}

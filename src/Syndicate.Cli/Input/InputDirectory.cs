namespace Syndicate.Cli.Input;

/// <summary>Lists the files of a directory tree that are read as input, in a stable order, with how to read each.</summary>
internal static class InputDirectory
{
    /// <summary>What a skipped file is told: the names a directory's files are read by.</summary>
    public const string SkippedMessage = "skipped: not a file this directory is read for (.txt, or .jsonl, .ndjson, .jsonlines, .json, .xml, .rss, .atom, .csv, .tsv, each also gzipped)";

    /// <summary>
    /// The files under <paramref name="directory"/> that are read, recursively, in ordinal order of their relative paths
    /// with '/' separators: <c>*.txt</c> files, one article each, whose source is the first directory of the relative
    /// path (<see cref="JsonArticle.UnknownSource"/> for files at the top); and files named as JSON Lines, JSON or feeds
    /// (gzipped or not), read as such, whose articles name their own sources. A text file's article id is its name
    /// without the extension, or its relative path without the extension where text files of the tree share a name. Entries whose names start with a dot are
    /// left out; any other file is reported to <paramref name="skipped"/>, so that none is passed over in silence. A
    /// subdirectory that cannot be listed is reported to <paramref name="report"/> and left out.
    /// </summary>
    public static IReadOnlyList<DirectoryFile> List(string directory, Action<InputError> report, Action<InputError> skipped)
    {
        var found = new List<(string Relative, string Path, InputFormat Format)>();
        var others = new List<(string Relative, string Path)>();
        var pending = new Stack<(string Relative, string Path)>();
        pending.Push((string.Empty, directory));
        while (pending.Count > 0)
        {
            var (relative, path) = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(path).GetFileSystemInfos();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                report(new InputError(path, 0, ex is UnauthorizedAccessException ? "permission denied" : "cannot list: " + ex.Message, endsInput: true));
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry.Name.StartsWith('.'))
                {
                    continue;
                }

                var entryRelative = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                var entryPath = Path.Combine(path, entry.Name);
                if (entry is DirectoryInfo)
                {
                    pending.Push((entryRelative, entryPath));
                }
                else if (ArticleReader.FromExtension(entry.Name) is var format and not InputFormat.Auto)
                {
                    found.Add((entryRelative, entryPath, format));
                }
                else
                {
                    others.Add((entryRelative, entryPath));
                }
            }
        }

        others.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        foreach (var (_, path) in others)
        {
            skipped(new InputError(path, 0, SkippedMessage));
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));

        // Outlets' folders often number their files alike (sputnik/1.txt, urdupoint/1.txt): such names would be one id
        // for different articles, so the text files that share a name are told apart by their paths.
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (relative, _, format) in found)
        {
            if (format == InputFormat.Text)
            {
                var name = ArticleReader.IdFromFileName(relative);
                names[name] = names.GetValueOrDefault(name) + 1;
            }
        }

        var result = new List<DirectoryFile>(found.Count);
        foreach (var (relative, path, format) in found)
        {
            var slash = relative.IndexOf('/', StringComparison.Ordinal);
            var source = format == InputFormat.Text && slash >= 0 ? relative[..slash] : JsonArticle.UnknownSource;
            string? id = null;
            if (format == InputFormat.Text)
            {
                id = ArticleReader.IdFromFileName(relative);
                if (names[id] > 1)
                {
                    id = relative[..(relative.Length - Path.GetFileName(relative).Length)] + id;
                }
            }

            result.Add(new DirectoryFile(path, source, format, id));
        }

        return result;
    }
}

/// <summary>
/// A file of a directory input: its path, the source of a text file's article, its format by name, and a text file's
/// article id: its name without the extension, or its path below the directory without the extension when another text
/// file of the directory has the same name (<c>sputnik/1</c> and <c>urdupoint/1</c>).
/// </summary>
internal readonly record struct DirectoryFile(string Path, string Source, InputFormat Format, string? TextId);

namespace Syndicate.Cli.Input;

/// <summary>Lists the files of a directory tree that are read as input, in a stable order, with how to read each.</summary>
internal static class InputDirectory
{
    /// <summary>What a skipped file is told: the names a directory's files are read by.</summary>
    public const string SkippedMessage = "skipped: not a file this directory is read for (.txt, or .jsonl, .ndjson, .jsonlines, .json, .xml, .rss, .atom, each also gzipped)";

    /// <summary>
    /// The files under <paramref name="directory"/> that are read, recursively, in ordinal order of their relative paths
    /// with '/' separators: <c>*.txt</c> files, one article each, whose source is the first directory of the relative
    /// path (<see cref="JsonArticle.UnknownSource"/> for files at the top); and files named as JSON Lines, JSON or feeds
    /// (gzipped or not), read as such, whose articles name their own sources. Entries whose names start with a dot are
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
        var result = new List<DirectoryFile>(found.Count);
        foreach (var (relative, path, format) in found)
        {
            var slash = relative.IndexOf('/', StringComparison.Ordinal);
            var source = format == InputFormat.Text && slash >= 0 ? relative[..slash] : JsonArticle.UnknownSource;
            result.Add(new DirectoryFile(path, source, format));
        }

        return result;
    }
}

/// <summary>A file of a directory input: its path, the source of a text file's article, and its format by name.</summary>
internal readonly record struct DirectoryFile(string Path, string Source, InputFormat Format);

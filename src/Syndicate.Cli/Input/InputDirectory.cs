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
    /// subdirectory that cannot be listed is reported to <paramref name="report"/> and left out. Links to directories
    /// are followed, each directory read once: under its own name when the tree holds it, else under the first link to
    /// it (links found in the tree before those found under other links, each group in ordinal order of the paths);
    /// another name (a link back up the tree, a second link to one directory) is reported to
    /// <paramref name="skipped"/>.
    /// </summary>
    public static IReadOnlyList<DirectoryFile> List(string directory, Action<InputError> report, Action<InputError> skipped)
    {
        var found = new List<(string Relative, string Path, InputFormat Format)>();
        var others = new List<(string Relative, string Path)>();
        var linked = new List<(string Relative, string Path, string Target)>();
        var pending = new Queue<(string Relative, string Path, string Real)>();
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var listed = new HashSet<string>(StringComparer.Ordinal) { root };
        pending.Enqueue((string.Empty, directory, root));

        // The tree's own directories first, then the links found in it (in path order), then those found under them.
        var links = new List<(string Relative, string Path, string Target)>();
        while (Next(pending, links, listed, linked) is var (relative, path, real))
        {
            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(path).GetFileSystemInfos();
                // The system's listing order varies; which of two names of one directory is read must not.
                Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
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
                    if (entry.LinkTarget is null)
                    {
                        Claim(entryRelative, entryPath, Path.Combine(real, entry.Name), pending, listed, linked);
                        continue;
                    }

                    // Where the link leads, its own links followed; a cycle of links is an error of the system's.
                    try
                    {
                        var target = entry.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.Combine(real, entry.Name);
                        links.Add((entryRelative, entryPath, Path.TrimEndingDirectorySeparator(target)));
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        report(new InputError(entryPath, 0, "cannot list: " + ex.Message, endsInput: true));
                    }
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

        linked.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        foreach (var (_, path, target) in linked)
        {
            skipped(new InputError(path, 0, "skipped: the directory " + target + " is read already, under another name"));
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

    // The next directory to list: a pending one, else one that a link found so far leads to; null when none is left.
    private static (string Relative, string Path, string Real)? Next(
        Queue<(string Relative, string Path, string Real)> pending,
        List<(string Relative, string Path, string Target)> links,
        HashSet<string> listed,
        List<(string Relative, string Path, string Target)> linked)
    {
        while (pending.Count == 0 && links.Count > 0)
        {
            links.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
            foreach (var (relative, path, target) in links)
            {
                Claim(relative, path, target, pending, listed, linked);
            }

            links.Clear();
        }

        return pending.Count > 0 ? pending.Dequeue() : null;
    }

    // Lists the directory at real under this name, unless it is listed already (then the name is one to report).
    private static void Claim(
        string relative,
        string path,
        string real,
        Queue<(string Relative, string Path, string Real)> pending,
        HashSet<string> listed,
        List<(string Relative, string Path, string Target)> linked)
    {
        if (listed.Add(real))
        {
            pending.Enqueue((relative, path, real));
        }
        else
        {
            linked.Add((relative, path, real));
        }
    }
}

/// <summary>
/// A file of a directory input: its path, the source of a text file's article, its format by name, and a text file's
/// article id: its name without the extension, or its path below the directory without the extension when another text
/// file of the directory has the same name (<c>sputnik/1</c> and <c>urdupoint/1</c>).
/// </summary>
internal readonly record struct DirectoryFile(string Path, string Source, InputFormat Format, string? TextId);

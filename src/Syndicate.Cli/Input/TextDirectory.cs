namespace Syndicate.Cli.Input;

/// <summary>Lists the text files of a directory tree in a stable order, with the source each one belongs to.</summary>
internal static class TextDirectory
{
    /// <summary>
    /// The <c>*.txt</c> files under <paramref name="directory"/>, recursively, in ordinal order of their relative paths
    /// with '/' separators; entries whose names start with a dot are skipped. The source is the first directory of
    /// the relative path, or <see cref="JsonArticle.UnknownSource"/> for files at the top. A subdirectory that cannot
    /// be listed is reported and left out.
    /// </summary>
    public static IReadOnlyList<(string Path, string Source)> List(string directory, Action<InputError> report)
    {
        var found = new List<(string Relative, string Path)>();
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
                else if (entry.Name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
                {
                    found.Add((entryRelative, entryPath));
                }
            }
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        var result = new List<(string Path, string Source)>(found.Count);
        foreach (var (relative, path) in found)
        {
            var slash = relative.IndexOf('/', StringComparison.Ordinal);
            result.Add((path, slash < 0 ? JsonArticle.UnknownSource : relative[..slash]));
        }

        return result;
    }
}

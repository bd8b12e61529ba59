using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Syndicate.Cli.Commands;

namespace Syndicate.Cli.Output;

/// <summary>
/// Where a report goes: standard output (no path, or <c>-</c>), or a path. A regular file (or a path that does not exist
/// yet) is written through a temporary file renamed into place, so a failed run leaves no half report; a symbolic link
/// is followed and its target replaced, the link kept; anything else (a FIFO, a terminal, <c>/dev/null</c>,
/// <c>/dev/full</c>) is opened and written straight into, never replaced. Every write error becomes an
/// <see cref="OutputException"/> naming the target.
/// </summary>
internal static class OutputTarget
{
    /// <summary>The name standard output goes by in messages.</summary>
    public const string StdoutName = "standard output";

    /// <summary>Writes <paramref name="write"/>'s output to <paramref name="path"/>, or to standard output when it is null or <c>-</c>.</summary>
    public static void Write(string? path, Action<Stream> write)
    {
        if (path is null or "-")
        {
            WriteStdout(write);
            return;
        }

        if (path.Length == 0)
        {
            throw new UsageException("--out: expected a path, or - for standard output; got an empty path.");
        }

        string full = Path.GetFullPath(path);
        string target = FinalTarget(full);
        switch (Kind(target))
        {
            case FileKind.Directory:
                throw new OutputException($"cannot write {path}: it is a directory.");
            case FileKind.Special:
                Guarded(path, () =>
                {
                    using var stream = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16);
                    write(stream);
                });
                return;
            default:
                ReplaceRegular(path, target, write);
                return;
        }
    }

    /// <summary>
    /// Standard output as a stream whose write errors are thrown: .NET's console stream swallows a broken pipe
    /// (<c>EPIPE</c>), so a reader that went away (<c>| head -1</c>) would go unnoticed and the run would go on.
    /// </summary>
    /// <remarks>
    /// A pipe is written through a <see cref="FileStream"/> on descriptor 1, which reports <c>EPIPE</c>. A seekable
    /// standard output (a file, a device) keeps the console stream: it cannot break, and the file stream would write at
    /// its own offset without moving the shared one, so output of a later command in <c>(a; b) &gt; f</c> would
    /// overwrite this one's.
    /// </remarks>
    public static Stream OpenStdout()
    {
        if (!OperatingSystem.IsWindows())
        {
            var handle = new SafeFileHandle(1, ownsHandle: false);
            try
            {
                var stream = new FileStream(handle, FileAccess.Write, bufferSize: 0);
                if (!stream.CanSeek)
                {
                    return stream;
                }

                stream.Dispose();
            }
            catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
            {
                // Descriptor 1 is closed or unusable as a file; the console stream copes with that.
            }
        }

        return Console.OpenStandardOutput();
    }

    /// <summary>Turns an I/O error of <paramref name="action"/> into an <see cref="OutputException"/> naming <paramref name="name"/>.</summary>
    public static void Guarded(string name, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot write {name}: {e.Message}");
        }
    }

    private static void WriteStdout(Action<Stream> write) => Guarded(StdoutName, () =>
    {
        using Stream stdout = OpenStdout();
        using var buffered = new BufferedStream(stdout, 1 << 16);
        write(buffered);
        buffered.Flush();
    });

    private static void ReplaceRegular(string path, string target, Action<Stream> write)
    {
        string temp = target + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        if (Path.GetDirectoryName(target) is { } folder && !Directory.Exists(folder))
        {
            throw new OutputException($"cannot write {path}: the directory {folder} does not exist.");
        }

        try
        {
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(file);
            }

            // A replaced file keeps its permissions, as it would if it had been rewritten in place.
            if (!OperatingSystem.IsWindows() && File.Exists(target))
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            }

            File.Move(temp, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new OutputException($"cannot write {path}: {e.Message}");
        }
    }

    /// <summary>The file a chain of symbolic links ends at (which may not exist yet), or <paramref name="full"/> itself.</summary>
    private static string FinalTarget(string full)
    {
        try
        {
            return new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        }
        catch (FileNotFoundException)
        {
            return full;
        }
        catch (DirectoryNotFoundException)
        {
            return full;
        }
        catch (IOException e)
        {
            throw new OutputException($"cannot write {full}: {e.Message}");
        }
    }

    private enum FileKind
    {
        Missing,
        Regular,
        Directory,
        Special,
    }

    private static FileKind Kind(string path)
    {
        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }

        if (OperatingSystem.IsWindows())
        {
            return FileKind.Regular;
        }

        return FileType(path) is { } type && type != RegularFileType ? FileKind.Special : FileKind.Regular;
    }

    // The S_IFMT bits of st_mode (POSIX <sys/stat.h>).
    private const int FileTypeMask = 0xF000;
    private const int RegularFileType = 0x8000;

    /// <summary>The file type bits of <paramref name="path"/>'s mode, or null when the platform cannot say.</summary>
    /// <remarks>
    /// .NET does not expose the file type (FIFOs and devices look like regular files to <see cref="File.Exists"/>), so
    /// this asks Linux's <c>statx(2)</c>, whose buffer layout, unlike <c>struct stat</c>'s, is the same on every
    /// architecture: <c>stx_mode</c> is the 16-bit field at byte 28.
    /// </remarks>
    private static int? FileType(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        byte[] name = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        byte[] buffer = new byte[256];
        try
        {
            if (Statx(AtCurrentDirectory, name, 0, StatxType, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        return System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(28)) & FileTypeMask;
    }

    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code, which this project does not otherwise allow.
    private static extern int Statx(int directoryFd, byte[] path, int flags, uint mask, [Out] byte[] buffer);
#pragma warning restore SYSLIB1054

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

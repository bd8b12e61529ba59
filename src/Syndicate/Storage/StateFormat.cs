using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Syndicate.Storage;

/// <summary>
/// The on-disk format of a state directory: a snapshot (<c>snapshot.bin</c>) of the whole engine plus an append-only
/// journal (<c>journal.bin</c>) of every operation since.
/// </summary>
/// <remarks>
/// <para>Both files start with a 32-byte header: an 8-byte magic (<c>SYNDSNAP</c> or <c>SYNDJRNL</c>), a u16 format
/// version, a u16 of flags (0), the XXH3 of the fingerprint options (shingles, signature, seed, normalization; see
/// <see cref="OptionsHash"/>), a u64 generation, and a u32 XXH3 of the preceding 28 bytes. All integers are
/// little-endian.</para>
/// <para>After the header, the records (snapshot sections, journal operations) are MessagePack maps with integer keys
/// (<see cref="StatePack"/>): a reader skips keys it does not know, so members can be added without a version bump;
/// the version changes only when the layout itself does.</para>
/// <para>A file of another version is refused with a message naming both versions: an older one was written by an
/// earlier Syndicate (rebuild the state by feeding its articles into a new state directory), a newer one needs a newer
/// Syndicate.</para>
/// </remarks>
internal static class StateFormat
{
    public const int HeaderSize = 32;

    /// <summary>
    /// The format written. Version 2 added each article's evidence row (character and number sketches); version 3
    /// stores every record as a MessagePack map instead of fixed little-endian fields.
    /// </summary>
    public const ushort Version = 3;

    /// <summary>The oldest format this build reads: versions 1 and 2 store fixed fields, which it no longer decodes.</summary>
    public const ushort MinimumVersion = 3;

    public const string SnapshotFile = "snapshot.bin";
    public const string JournalFile = "journal.bin";
    public const string LockFile = "LOCK";

    public static ReadOnlySpan<byte> SnapshotMagic => "SYNDSNAP"u8;

    public static ReadOnlySpan<byte> JournalMagic => "SYNDJRNL"u8;

    /// <summary>
    /// Hashes the options that change fingerprints, as a header of <paramref name="version"/> records them: a state is
    /// only valid with the same values. The format version itself is checked apart; version 1 headers folded it into
    /// this hash, so for them it is folded in again, and later versions hash the options alone.
    /// </summary>
    public static ulong OptionsHash(SyndicationOptions o, ushort version)
    {
        var text = new StringBuilder();
        text.Append("shingle=").Append(o.ShingleSize).Append(';')
            .Append("kind=").Append((int)o.ShingleKind).Append(';')
            .Append("k=").Append(o.SignatureLength).Append(';')
            .Append("seed=").Append(o.Seed).Append(';')
            .Append("classic=").Append(o.UseClassicMinHash).Append(';')
            .Append("teh=").Append(o.Normalization.FoldTehMarbuta).Append(';')
            .Append("hamza=").Append(o.Normalization.FoldHamzaCarriers).Append(';')
            .Append("maqsura=").Append(o.Normalization.FoldAlefMaqsura).Append(';');
        if (version == 1)
        {
            text.Append("format=1");
        }

        return XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(text.ToString()), 0);
    }

    public static void WriteHeader(Stream stream, ReadOnlySpan<byte> magic, SyndicationOptions options, ulong generation)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(header[10..], 0);
        BinaryPrimitives.WriteUInt64LittleEndian(header[12..], OptionsHash(options, Version));
        BinaryPrimitives.WriteUInt64LittleEndian(header[20..], generation);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)XxHash3.HashToUInt64(header[..28], 0));
        stream.Write(header);
    }

    /// <summary>
    /// Reads and checks a header; returns the generation. <paramref name="readerVersion"/> is the newest version this
    /// reader understands (a parameter so that tests can play a future reader).
    /// </summary>
    public static ulong ReadHeader(Stream stream, string path, ReadOnlySpan<byte> magic, SyndicationOptions options, string kind, ushort readerVersion = Version)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        int read = stream.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false);
        if (read < 8 || !header[..8].SequenceEqual(magic))
        {
            throw new StateException(path, read == 0 ? $"the {kind} file is empty" : $"not a Syndicate {kind} file (wrong magic number)");
        }

        if (read < HeaderSize)
        {
            throw new StateException(path, $"the {kind} file is truncated inside its header");
        }

        if ((uint)XxHash3.HashToUInt64(header[..28], 0) != BinaryPrimitives.ReadUInt32LittleEndian(header[28..]))
        {
            throw new StateException(path, $"the {kind} header is damaged (checksum mismatch)");
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        if (version > readerVersion || version == 0)
        {
            throw new StateException(path, $"format version {version} is not supported by this build (it reads versions {MinimumVersion} to {readerVersion}); upgrade Syndicate");
        }

        if (version < MinimumVersion)
        {
            string reads = readerVersion == MinimumVersion ? $"format version {readerVersion}" : $"format versions {MinimumVersion} to {readerVersion}";
            throw new StateException(path, $"the {kind} was written in format version {version} by an earlier Syndicate; this build reads {reads} only. Rebuild the state by feeding its articles into a new state directory, or keep using the release that wrote it");
        }

        if (BinaryPrimitives.ReadUInt64LittleEndian(header[12..]) != OptionsHash(options, version))
        {
            throw new StateException(path, "the state was written with different fingerprint options (shingle size or kind, signature length, seed, normalization); open it with the options it was created with, or start a new state directory");
        }

        return BinaryPrimitives.ReadUInt64LittleEndian(header[20..]);
    }

    /// <summary>Writes a file atomically: to a temporary file, flushed to disk, then renamed over the target.</summary>
    public static void WriteAtomically(string path, Action<Stream> write)
    {
        string temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            write(stream);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Makes a rename durable where the platform allows opening a directory (Linux); elsewhere a no-op.</summary>
    private static void SyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        try
        {
            using var handle = File.OpenHandle(directory, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.None);
            RandomAccess.FlushToDisk(handle);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Opening a directory is not supported everywhere; the rename itself is still atomic.
        }
    }
}

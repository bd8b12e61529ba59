using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using MessagePack;
using Syndicate.Index;
using Syndicate.Text;

namespace Syndicate.Storage;

/// <summary>
/// The options a state directory was last opened with (<c>options.bin</c>), so that a later run can put them in force
/// instead of whatever defaults it would start from: a one-off <c>--window 1h</c> must not be undone, nor repeated by
/// accident.
/// </summary>
/// <remarks>
/// The file has the <see cref="StateFormat"/> header (magic <c>SYNDOPTS</c>, the options hash of the stored
/// fingerprint options, generation 0) and one <see cref="BlockWriter"/> record: a MessagePack map with the integer keys
/// below. The wire gazetteer and the canonical policy are code, not data, and are not stored. Written atomically.
/// </remarks>
internal static class StateSettings
{
    public const string FileName = "options.bin";

    private const int ShingleSizeKey = 0;
    private const int ShingleKindKey = 1;
    private const int SignatureLengthKey = 2;
    private const int SeedKey = 3;
    private const int ClassicKey = 4;
    private const int FoldTehMarbutaKey = 5;
    private const int FoldHamzaKey = 6;
    private const int FoldAlefMaqsuraKey = 7;
    private const int SimilarityKey = 8;
    private const int ContainmentKey = 9;
    private const int RewriteKey = 10;
    private const int ChainingKey = 11;
    private const int LshThresholdKey = 12;
    private const int BandsKey = 13;
    private const int RowsKey = 14;
    private const int MaxCandidatesKey = 15;
    private const int BoilerplateMinStoriesKey = 16;
    private const int WindowKey = 17;

    public static ReadOnlySpan<byte> Magic => "SYNDOPTS"u8;

    /// <summary>Whether the stored options differ from <paramref name="options"/> in anything this file records.</summary>
    public static bool Differ(SyndicationOptions? stored, SyndicationOptions options) =>
        stored is null || !Encode(stored).AsSpan().SequenceEqual(Encode(options));

    public static void Write(string directory, SyndicationOptions options)
    {
        byte[] record = Encode(options);
        StateFormat.WriteAtomically(Path.Combine(directory, FileName), stream =>
        {
            StateFormat.WriteHeader(stream, Magic, options, 0);
            var blocks = new BlockWriter(stream);
            blocks.WriteRecord(record);
            blocks.Complete();
        });
    }

    /// <summary>The stored options, or null when the directory has none.</summary>
    /// <exception cref="StateException">The file is damaged or of another version.</exception>
    public static SyndicationOptions? Read(string directory)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        Span<byte> header = stackalloc byte[StateFormat.HeaderSize];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !header[..8].SequenceEqual(Magic))
        {
            throw new StateException(path, "not a Syndicate options file (wrong magic number or truncated)");
        }

        if ((uint)XxHash3.HashToUInt64(header[..28], 0) != BinaryPrimitives.ReadUInt32LittleEndian(header[28..]))
        {
            throw new StateException(path, "the options header is damaged (checksum mismatch)");
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        if (version is < StateFormat.MinimumVersion or > StateFormat.Version)
        {
            throw new StateException(path, $"format version {version} is not supported by this build (it reads versions {StateFormat.MinimumVersion} to {StateFormat.Version})");
        }

        var blocks = new BlockReader(stream, path);
        byte[] scratch = [];
        SyndicationOptions options;
        try
        {
            options = Decode(blocks.ReadRecord(ref scratch), blocks);
            blocks.ExpectEnd();
        }
        catch (Exception e) when (StatePack.IsDecodeError(e))
        {
            throw blocks.Corrupt("the options record does not decode (" + e.Message + ")");
        }

        if (options.FindInvalid() is not null || StateFormat.OptionsHash(options, version) != BinaryPrimitives.ReadUInt64LittleEndian(header[12..]))
        {
            throw blocks.Corrupt("the stored options are out of range or do not match the header");
        }

        return options;
    }

    /// <summary>The options record: a MessagePack map of the fields above (also what a database store keeps).</summary>
    internal static byte[] Encode(SyndicationOptions o)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        var w = new MessagePackWriter(buffer);
        w.WriteMapHeader(o.Lsh is null ? 16 : 18);
        w.Write(ShingleSizeKey);
        w.Write(o.ShingleSize);
        w.Write(ShingleKindKey);
        w.Write((int)o.ShingleKind);
        w.Write(SignatureLengthKey);
        w.Write(o.SignatureLength);
        w.Write(SeedKey);
        w.Write(o.Seed);
        w.Write(ClassicKey);
        w.Write(o.UseClassicMinHash);
        w.Write(FoldTehMarbutaKey);
        w.Write(o.Normalization.FoldTehMarbuta);
        w.Write(FoldHamzaKey);
        w.Write(o.Normalization.FoldHamzaCarriers);
        w.Write(FoldAlefMaqsuraKey);
        w.Write(o.Normalization.FoldAlefMaqsura);
        w.Write(SimilarityKey);
        w.Write(o.SimilarityThreshold);
        w.Write(ContainmentKey);
        w.Write(o.ContainmentThreshold);
        w.Write(RewriteKey);
        w.Write(o.RewriteThreshold);
        w.Write(ChainingKey);
        w.Write(o.ChainingThreshold);
        w.Write(LshThresholdKey);
        w.Write(o.LshThreshold);
        if (o.Lsh is { } lsh)
        {
            w.Write(BandsKey);
            w.Write(lsh.Bands);
            w.Write(RowsKey);
            w.Write(lsh.Rows);
        }

        w.Write(MaxCandidatesKey);
        w.Write(o.MaxCandidates);
        w.Write(BoilerplateMinStoriesKey);
        w.Write(o.BoilerplateMinStories);
        w.Write(WindowKey);
        w.Write(o.Window?.Ticks ?? 0);
        w.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static SyndicationOptions Decode(ReadOnlyMemory<byte> record, BlockReader blocks)
    {
        try
        {
            return Decode(record);
        }
        catch (InvalidDataException e)
        {
            throw blocks.Corrupt(e.Message);
        }
    }

    /// <summary>Reads a record written by <see cref="Encode"/>.</summary>
    /// <exception cref="InvalidDataException">The record is malformed.</exception>
    internal static SyndicationOptions Decode(ReadOnlyMemory<byte> record)
    {
        SyndicationOptions d = SyndicationOptions.Default;
        int shingleSize = d.ShingleSize, kind = (int)d.ShingleKind, signature = d.SignatureLength, bands = 0, rows = 0;
        int maxCandidates = d.MaxCandidates, boilerplate = d.BoilerplateMinStories;
        long seed = d.Seed, window = 0;
        bool classic = d.UseClassicMinHash, teh = d.Normalization.FoldTehMarbuta, hamza = d.Normalization.FoldHamzaCarriers, maqsura = d.Normalization.FoldAlefMaqsura;
        double similarity = d.SimilarityThreshold, containment = d.ContainmentThreshold, rewrite = d.RewriteThreshold, chaining = d.ChainingThreshold, lshThreshold = d.LshThreshold;
        var r = new MessagePackReader(record);
        for (int fields = r.ReadMapHeader(), f = 0; f < fields; f++)
        {
            switch (r.ReadInt32())
            {
                case ShingleSizeKey: shingleSize = r.ReadInt32(); break;
                case ShingleKindKey: kind = r.ReadInt32(); break;
                case SignatureLengthKey: signature = r.ReadInt32(); break;
                case SeedKey: seed = r.ReadInt64(); break;
                case ClassicKey: classic = r.ReadBoolean(); break;
                case FoldTehMarbutaKey: teh = r.ReadBoolean(); break;
                case FoldHamzaKey: hamza = r.ReadBoolean(); break;
                case FoldAlefMaqsuraKey: maqsura = r.ReadBoolean(); break;
                case SimilarityKey: similarity = r.ReadDouble(); break;
                case ContainmentKey: containment = r.ReadDouble(); break;
                case RewriteKey: rewrite = r.ReadDouble(); break;
                case ChainingKey: chaining = r.ReadDouble(); break;
                case LshThresholdKey: lshThreshold = r.ReadDouble(); break;
                case BandsKey: bands = r.ReadInt32(); break;
                case RowsKey: rows = r.ReadInt32(); break;
                case MaxCandidatesKey: maxCandidates = r.ReadInt32(); break;
                case BoilerplateMinStoriesKey: boilerplate = r.ReadInt32(); break;
                case WindowKey: window = r.ReadInt64(); break;
                default: r.Skip(); break;
            }
        }

        if (!r.End || !Enum.IsDefined((ShingleKind)kind) || bands < 0 || rows < 0 || (bands == 0) != (rows == 0) || window < 0)
        {
            throw new InvalidDataException("the options record is malformed");
        }

        return new SyndicationOptions
        {
            ShingleSize = shingleSize,
            ShingleKind = (ShingleKind)kind,
            SignatureLength = signature,
            Seed = seed,
            UseClassicMinHash = classic,
            Normalization = new NormalizationOptions { FoldTehMarbuta = teh, FoldHamzaCarriers = hamza, FoldAlefMaqsura = maqsura },
            SimilarityThreshold = similarity,
            ContainmentThreshold = containment,
            RewriteThreshold = rewrite,
            ChainingThreshold = chaining,
            LshThreshold = lshThreshold,
            Lsh = bands > 0 ? new LshParameters(bands, rows) : null,
            MaxCandidates = maxCandidates,
            BoilerplateMinStories = boilerplate,
            Window = window > 0 ? TimeSpan.FromTicks(window) : null,
        };
    }
}

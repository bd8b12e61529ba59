using System.IO.Compression;
using System.Text;
using Syndicate.Cli.Input;

namespace Syndicate.Tests.Cli.Input;

/// <summary>A gzip input cut short is an error that ends the input, never a silently shorter read.</summary>
public sealed class GzipIntegrityTests
{
    private static readonly string[] s_lines = [.. Enumerable.Range(0, 40).Select(i => $"{{\"id\":\"a{i}\",\"body\":\"article number {i} with some words\"}}\n")];

    [Fact]
    public void A_file_cut_at_a_line_boundary_is_an_error_that_ends_the_input()
    {
        // Flushing after each line makes every line end on a byte boundary of the compressed stream, so a file cut
        // there decompresses to whole lines: the case no JSON parser can notice.
        (byte[] gzip, List<int> boundaries) = CompressFlushingEachLine(s_lines);
        byte[] cut = gzip[..boundaries[20]];
        using var temp = new TempDirectory();
        string path = temp.WriteBytes("cut.jsonl.gz", cut);

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Equal(21, records.Count);
        InputError error = Assert.Single(errors);
        Assert.True(error.EndsInput);
        Assert.Equal(path, error.Input);
        Assert.Contains("truncated or corrupt gzip data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_cut_mid_line_names_the_truncation_not_invalid_json()
    {
        byte[] gzip = Compress(string.Concat(s_lines));
        using var temp = new TempDirectory();
        string path = temp.WriteBytes("cut.jsonl.gz", gzip[..(gzip.Length / 2)]);

        var (_, errors) = Inputs.ReadAll([path]);

        InputError error = Assert.Single(errors);
        Assert.True(error.EndsInput);
        Assert.Contains("truncated or corrupt gzip data", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(40)]
    public void Complete_files_of_one_or_several_members_read_cleanly(int members)
    {
        // Several members as bgzip or `cat a.gz b.gz` make them: the trailer checked is the last member's.
        var chunks = s_lines.Chunk((s_lines.Length + members - 1) / members).Select(c => string.Concat(c)).ToArray();
        using var temp = new TempDirectory();
        string path = temp.WriteGzip("whole.jsonl.gz", chunks);

        var (records, errors) = Inputs.ReadAll([path]);

        Assert.Empty(errors);
        Assert.Equal(s_lines.Length, records.Count);
    }

    [Fact]
    public void A_last_member_with_a_wrong_crc_is_an_error()
    {
        byte[] first = Compress(string.Concat(s_lines[..20]));
        byte[] second = Compress(string.Concat(s_lines[20..]));
        // The last member's CRC32 no longer matches its data, while its ISIZE still does.
        byte[] forged = (byte[])second.Clone();
        forged[^8] ^= 0xFF;
        using var stream = new CheckedGzipStream(new MemoryStream([.. first, .. forged]));

        Assert.Throws<InvalidDataException>(() => stream.CopyTo(Stream.Null));
    }

    [Fact]
    public void The_stream_returns_exactly_what_was_compressed()
    {
        string text = string.Concat(s_lines);
        using var stream = new CheckedGzipStream(new MemoryStream(Compress(text)));
        using var reader = new StreamReader(stream, Encoding.UTF8);

        Assert.Equal(text, reader.ReadToEnd());
    }

    private static byte[] Compress(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    private static (byte[] Gzip, List<int> Boundaries) CompressFlushingEachLine(IEnumerable<string> lines)
    {
        using var buffer = new MemoryStream();
        var boundaries = new List<int>();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            foreach (string line in lines)
            {
                gzip.Write(Encoding.UTF8.GetBytes(line));
                gzip.Flush();
                boundaries.Add((int)buffer.Length);
            }
        }

        return (buffer.ToArray(), boundaries);
    }
}

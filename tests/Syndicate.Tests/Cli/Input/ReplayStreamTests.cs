using Syndicate.Cli.Input;

namespace Syndicate.Tests.Cli.Input;

public sealed class ReplayStreamTests
{
    [Fact]
    public void AReplayOfALine_IsReturnedWithoutWaitingOnTheStreamBehindIt()
    {
        // Standard input after its first line: the next read would wait until the feed writes another.
        var inner = new ReadCounter([.. "\n{\"id\":\"b\"}"u8]);
        byte[] line = [.. "{\"id\":\"a\"}\n"u8];
        var replay = new ReplayStream(line, line.Length, inner);

        var buffer = new byte[4096];
        Assert.Equal(line.Length, replay.Read(buffer, 0, buffer.Length));
        Assert.Equal(0, inner.Reads);
        Assert.Equal(line, buffer[..line.Length]);

        Assert.Equal(11, replay.Read(buffer, 0, buffer.Length));
        Assert.Equal(1, inner.Reads);
    }

    [Fact]
    public void AReplayShorterThanAByteOrderMark_ReadsOnIntoTheSameBuffer()
    {
        // What a StreamReader looking for a byte order mark in its first read must see whole.
        var replay = ReplayStream.Peek(new ReadCounter([0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}']), 2, out ReadOnlySpan<byte> head);
        Assert.Equal([0xEF, 0xBB], head.ToArray());

        var buffer = new byte[16];
        int read = replay.Read(buffer, 0, buffer.Length);
        Assert.Equal([0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}'], buffer[..read]);
    }

    // MemoryStream's span overload, in a derived type, reads through the array overload: every read is counted once.
    private sealed class ReadCounter(byte[] data) : MemoryStream(data)
    {
        public int Reads { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Reads++;
            return base.Read(buffer, offset, count);
        }
    }
}

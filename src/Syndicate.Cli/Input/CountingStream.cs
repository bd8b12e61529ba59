namespace Syndicate.Cli.Input;

/// <summary>A read-only pass-through stream that counts the bytes read from the stream beneath it.</summary>
internal sealed class CountingStream(Stream inner, bool leaveOpen) : PassThroughReadStream(inner, leaveOpen)
{
    private long _count;

    /// <summary>The bytes read so far.</summary>
    public long Count => Volatile.Read(ref _count);

    public override int Read(Span<byte> buffer)
    {
        var read = Inner.Read(buffer);
        Volatile.Write(ref _count, _count + read);
        return read;
    }
}

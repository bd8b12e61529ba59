namespace Syndicate.Cli.Input;

/// <summary>
/// The shape the input layer's stream wrappers share: read-only, forward-only, passing reads to the stream beneath
/// (which it disposes unless told to leave it open). A wrapper overrides <see cref="Read(Span{byte})"/> only.
/// </summary>
internal abstract class PassThroughReadStream(Stream inner, bool leaveOpen = false) : Stream
{
    /// <summary>The stream beneath.</summary>
    protected Stream Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Inner.Read(buffer);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

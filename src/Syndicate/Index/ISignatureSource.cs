namespace Syndicate.Index;

/// <summary>
/// Read access to the signatures of the handles an <see cref="LshIndex"/> holds, so that its tables can store
/// handles alone and recompute a stored entry's band key when they need it.
/// </summary>
internal interface ISignatureSource
{
    /// <summary>Returns the signature <paramref name="handle"/> was inserted with.</summary>
    /// <param name="handle">A handle the index currently holds.</param>
    /// <returns>At least the bytes the index's bands cover, unchanged since the handle was inserted.</returns>
    public ReadOnlySpan<byte> Signature(int handle);
}

namespace Syndicate.Fuzzing;

/// <summary>A fuzz case broke a stated invariant (as opposed to throwing where it must not).</summary>
internal sealed class FuzzFailure(string message) : Exception(message);

using System.Diagnostics.CodeAnalysis;

namespace Syndicate.Internal;

/// <summary>Throws from small non-inlined methods so that hot callers stay small and inlinable.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ArgumentOutOfRange(string paramName, string message) =>
        throw new ArgumentOutOfRangeException(paramName, message);

    [DoesNotReturn]
    public static void Argument(string paramName, string message) =>
        throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    public static void DestinationTooShort(string paramName = "destination") =>
        throw new ArgumentException("Destination is too short.", paramName);

    [DoesNotReturn]
    public static void InvalidOperation(string message) =>
        throw new InvalidOperationException(message);

    [DoesNotReturn]
    public static void InvalidData(string message) =>
        throw new InvalidDataException(message);
}

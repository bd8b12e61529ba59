using System.Runtime.CompilerServices;

namespace Syndicate.Internal;

/// <summary>
/// The slot arithmetic shared by the open-addressing tables (<c>LshIndex</c>, <c>HandleTable</c>): linear probing over
/// a table of any capacity, with backward-shift deletion so that no tombstones are left behind.
/// </summary>
internal static class LinearProbing
{
    /// <summary>
    /// Maps a 32-bit hash to its home slot in [0, <paramref name="capacity"/>) by its high bits (multiply and shift),
    /// which needs no power-of-two capacity.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Home(uint hash, int capacity) => (int)(((ulong)hash * (uint)capacity) >> 32);

    /// <summary>
    /// In backward-shift deletion, whether the entry at <paramref name="position"/>, whose home slot is
    /// <paramref name="home"/>, may move back into the empty slot <paramref name="hole"/>: it may unless its home lies
    /// in (hole, position], measured forward around the table.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool MayFill(int home, int hole, int position, int capacity)
    {
        var homeDistance = home - hole;
        if (homeDistance < 0)
        {
            homeDistance += capacity;
        }

        var positionDistance = position - hole;
        if (positionDistance < 0)
        {
            positionDistance += capacity;
        }

        return homeDistance == 0 || homeDistance > positionDistance;
    }
}

using Syndicate.Internal;

namespace Syndicate.Attribution;

/// <summary>
/// A news agency (wire service) whose copy outlets reprint, with the names it is credited under.
/// </summary>
/// <remarks>Instances are immutable and compared by reference; <see cref="WireGazetteer"/> resolves aliases to them.</remarks>
public sealed class WireAgency
{
    private readonly string[] _aliases;

    /// <summary>Creates an agency.</summary>
    /// <param name="name">The canonical English name, for example <c>Reuters</c> or <c>Saudi Press Agency</c>.</param>
    /// <param name="aliases">
    /// Other names and abbreviations the agency is credited under, in any script (for example <c>رويترز</c>,
    /// <c>روئٹرز</c>, <c>Рейтер</c>). The canonical name is always an alias too and need not be repeated.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="name"/> or one of the aliases is empty or whitespace.</exception>
    public WireAgency(string name, IEnumerable<string> aliases)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(aliases);
        if (string.IsNullOrWhiteSpace(name))
        {
            ThrowHelper.Argument(nameof(name), "An agency needs a non-empty name.");
        }

        var list = new List<string>();
        foreach (var alias in aliases)
        {
            if (string.IsNullOrWhiteSpace(alias))
            {
                ThrowHelper.Argument(nameof(aliases), "Aliases must not be null, empty or whitespace.");
            }

            var trimmed = alias.Trim();
            if (!list.Contains(trimmed, StringComparer.Ordinal))
            {
                list.Add(trimmed);
            }
        }

        Name = name.Trim();
        _aliases = [.. list];
    }

    /// <summary>The canonical English name, for example <c>Sputnik</c>, <c>Reuters</c>, <c>Saudi Press Agency</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// The forms the agency is credited under, in Arabic, Urdu, English, Russian and other scripts, including
    /// abbreviations such as <c>واس</c>, <c>SPA</c> or <c>أ ف ب</c>. Does not repeat <see cref="Name"/> unless given.
    /// </summary>
    public IReadOnlyList<string> Aliases => _aliases;

    /// <inheritdoc/>
    public override string ToString() => Name;
}

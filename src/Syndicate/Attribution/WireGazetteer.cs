namespace Syndicate.Attribution;

/// <summary>
/// A set of wire agencies and their aliases, used to recognise who a dateline or a credit line names.
/// </summary>
/// <remarks>
/// Lookups fold case, the alef, yeh, teh marbuta, heh and kaf variants of Arabic and Urdu script, short vowels and
/// tatweel, so <c>رويترز</c>, <c>رُويترز</c> and <c>رويـترز</c> resolve alike. In a text (a dateline, a credit), a name in
/// letters that have case counts only as written or in capitals (<c>Reuters</c>, <c>REUTERS</c>), so that <c>SPA</c>
/// is not the word "spa" nor <c>WAS</c> the word "was". Instances are immutable and safe to share
/// between threads. When two agencies claim the same alias, the agency listed later wins; <see cref="With"/> relies
/// on this to let a caller override the defaults.
/// </remarks>
public sealed partial class WireGazetteer
{
    private readonly WireAgency[] _agencies;
    private readonly PhraseTable<WireAgency> _table;

    // One bit per pair of folded first letters of the names (hashed into 2^16 bits): a quick "no" before a lookup.
    private readonly ulong[] _starts = new ulong[1024];

    /// <summary>Creates a gazetteer over the given agencies.</summary>
    /// <param name="agencies">The agencies; later entries win alias conflicts.</param>
    public WireGazetteer(IEnumerable<WireAgency> agencies)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        _agencies = [.. agencies];
        var phrases = new List<KeyValuePair<string, WireAgency>>();
        foreach (var agency in _agencies)
        {
            ArgumentNullException.ThrowIfNull(agency, nameof(agencies));
            phrases.Add(new(agency.Name, agency));
            foreach (var alias in agency.Aliases)
            {
                phrases.Add(new(alias, agency));
                foreach (var derived in DerivedForms(alias))
                {
                    phrases.Add(new(derived, agency));
                }
            }
        }

        _table = new PhraseTable<WireAgency>(phrases);
        foreach (var phrase in phrases)
        {
            if (FirstLetters(phrase.Key) is int key)
            {
                _starts[key >> 6] |= 1UL << key;
            }
        }
    }

    /// <summary>
    /// The built-in gazetteer: the global agencies (Reuters, AFP, AP, DPA, EFE, Xinhua, Kyodo, Yonhap, UPI, Bloomberg,
    /// Anadolu, Interfax), the Russian ones (Sputnik, RIA Novosti, TASS), European national agencies (ANSA, Europa
    /// Press, Lusa, Belga, Keystone-SDA, Ritzau, NTB, STT, CTK, MTI, HINA, Tanjug, BTA, Agerpres, Ukrinform, UNIAN, PA
    /// Media), Asian and Pacific ones (PTI, IANS, ANI, Jiji, KCNA, Bernama, Antara, VNA, PNA, AAP), the Americas'
    /// (Canadian Press, Notimex, Télam), the Arab national agencies (SPA, WAM, KUNA, MENA, QNA, BNA, ONA, SANA, Petra,
    /// MAP, APS, TAP, SUNA, NNA, INA, Saba, LANA), Iranian ones (IRNA, ISNA, Fars, Tasnim), Pakistan's (APP, NNI, INP, Online), and the
    /// generic credit <c>وكالات</c> ("agencies"). Acronyms that are also common names of other bodies (PAP, ANP, APA,
    /// PL) are left out; a caller who needs them adds them with <see cref="With"/>.
    /// </summary>
    public static WireGazetteer Default { get; } = new(CreateDefaultAgencies());

    /// <summary>The agencies, in the order they were given.</summary>
    public IReadOnlyList<WireAgency> Agencies => _agencies;

    /// <summary>
    /// Returns a new gazetteer with <paramref name="extra"/> added. An extra agency whose <see cref="WireAgency.Name"/>
    /// equals an existing one (ignoring case) replaces it; extra aliases win conflicts with existing ones.
    /// </summary>
    /// <param name="extra">The agencies to add.</param>
    public WireGazetteer With(params WireAgency[] extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var merged = new List<WireAgency>(_agencies.Length + extra.Length);
        foreach (var agency in _agencies)
        {
            if (Array.FindIndex(extra, e => e is not null && string.Equals(e.Name, agency.Name, StringComparison.OrdinalIgnoreCase)) < 0)
            {
                merged.Add(agency);
            }
        }

        merged.AddRange(extra);
        return new WireGazetteer(merged);
    }

    /// <summary>
    /// Finds the agency one of whose names is exactly <paramref name="nameOrAlias"/> after light folding
    /// (case, alef/yeh/teh marbuta variants, diacritics, tatweel, punctuation between letters).
    /// </summary>
    /// <param name="nameOrAlias">A name or alias, for example <c>واس</c>, <c>SPA</c>, <c>أ.ف.ب</c>.</param>
    /// <returns>The agency, or <see langword="null"/> when none matches.</returns>
    public WireAgency? Find(string nameOrAlias)
    {
        ArgumentNullException.ThrowIfNull(nameOrAlias);
        return _table.TryGetExact(nameOrAlias, out var agency) ? agency : null;
    }

    /// <summary>
    /// Finds the agency that a credit written in a text names exactly, as <see cref="Find"/> does, but with a name in
    /// letters that have case counted only as written or in capitals (see <see cref="TryMatchAt"/>).
    /// </summary>
    internal WireAgency? FindExact(ReadOnlySpan<char> nameOrAlias) =>
        _table.TryGetExact(nameOrAlias, out var agency) && IsWrittenAsNamed(nameOrAlias, agency) ? agency : null;

    /// <summary>
    /// Finds an agency alias occurring as whole words in a short text such as a dateline or a credit line;
    /// the longest match wins, then the earliest.
    /// </summary>
    /// <param name="text">A short text; the scan is linear in its length, but matching is meant for credits, not bodies.</param>
    /// <returns>The agency, or <see langword="null"/> when no alias occurs.</returns>
    public WireAgency? FindIn(ReadOnlySpan<char> text)
    {
        WireAgency? found = null;
        var longest = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!PhraseText.IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            if (TryMatchAt(text, i, out var agency, out var end) && end - i > longest)
            {
                found = agency;
                longest = end - i;
            }

            i = PhraseText.WordEnd(text, i);
        }

        return found;
    }

    /// <summary>
    /// The ways Arabic credits wrap an agency's name: <c>وكالة X</c>, <c>وكالة أنباء X</c>, <c>وكالة الأنباء X</c>, and an
    /// official-status suffix <c>X الرسمية</c>. Derived for every Arabic-script alias, so a caller's own agencies get
    /// them too.
    /// </summary>
    private static IEnumerable<string> DerivedForms(string alias)
    {
        if (alias.Length == 0 || !IsArabicScript(alias[0]))
        {
            yield break;
        }

        bool agencyPhrase = alias.StartsWith("وكالة", StringComparison.Ordinal) || alias.StartsWith("الوكالة", StringComparison.Ordinal);
        if (!agencyPhrase)
        {
            yield return "وكالة " + alias;
            yield return "وكالة أنباء " + alias;
            yield return "وكالة الأنباء " + alias;
            yield return "وكالة " + alias + " للأنباء";
        }

        yield return alias + " الرسمية";
        if (!agencyPhrase)
        {
            yield return "وكالة أنباء " + alias + " الرسمية";
        }
    }

    private static bool IsArabicScript(char c) => c is >= '\u0600' and <= '\u06FF';

    /// <summary>
    /// False when no name can start at <paramref name="start"/>: its first two letters, folded, begin no name. True does
    /// not promise a match.
    /// </summary>
    internal bool MayStartAt(ReadOnlySpan<char> text, int start) =>
        FirstLetters(text[start..]) is int key && (_starts[key >> 6] & (1UL << key)) != 0;

    // The first two letters of a text as folded (dropped marks skipped), hashed to 16 bits; null for fewer than two.
    private static int? FirstLetters(ReadOnlySpan<char> text)
    {
        char first = '\0';
        foreach (var c in text)
        {
            var f = PhraseText.Fold(c);
            if (f == '\0')
            {
                continue;
            }

            if (first == '\0')
            {
                first = f;
                continue;
            }

            return ((first * 31) + f) & 0xFFFF;
        }

        return null;
    }

    /// <summary>Matches an alias starting exactly at <paramref name="start"/>; <paramref name="end"/> follows its last word.</summary>
    /// <remarks>
    /// A name written in letters that have case (Latin, Cyrillic) counts only as one of the agency's names is written,
    /// or in capitals: <c>SPA</c>, <c>WAS</c>, <c>MAP</c> and <c>APP</c> are agencies, but <c>spa</c>, <c>was</c>,
    /// <c>Map</c> and <c>app</c> are words. Arabic-script names are matched as folded.
    /// </remarks>
    internal bool TryMatchAt(ReadOnlySpan<char> text, int start, out WireAgency agency, out int end)
    {
        if (_table.TryMatchAt(text, start, out agency, out end) && IsWrittenAsNamed(text[start..end], agency))
        {
            return true;
        }

        end = start;
        return false;
    }

    /// <summary>
    /// True when <paramref name="written"/> has no letter with case, or spells one of <paramref name="agency"/>'s names
    /// letter for letter as the name has it or in capitals; spaces, dots and hyphens between the letters do not count.
    /// </summary>
    internal static bool IsWrittenAsNamed(ReadOnlySpan<char> written, WireAgency agency)
    {
        var cased = false;
        foreach (var c in written)
        {
            if (char.IsUpper(c) || char.IsLower(c))
            {
                cased = true;
                break;
            }
        }

        if (!cased || SpellsName(written, agency.Name))
        {
            return true;
        }

        foreach (var alias in agency.Aliases)
        {
            if (SpellsName(written, alias))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SpellsName(ReadOnlySpan<char> written, string name)
    {
        var i = 0;
        var j = 0;
        while (true)
        {
            while (i < written.Length && !char.IsLetterOrDigit(written[i]))
            {
                i++;
            }

            while (j < name.Length && !char.IsLetterOrDigit(name[j]))
            {
                j++;
            }

            if (i == written.Length || j == name.Length)
            {
                return i == written.Length && j == name.Length;
            }

            if (written[i] != name[j] && written[i] != char.ToUpperInvariant(name[j]))
            {
                return false;
            }

            i++;
            j++;
        }
    }
}

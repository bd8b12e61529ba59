namespace Syndicate.Cleaning;

/// <summary>How much text an outlet-furniture phrase takes with it when removed.</summary>
internal enum BoilerplateScope
{
    /// <summary>The phrase alone, wherever it occurs, even glued to neighbouring words (widget labels).</summary>
    Phrase,

    /// <summary>The phrase and the rest of its line (related-article links, app promotions, disclaimers).</summary>
    RestOfLine,

    /// <summary>The phrase and everything after it (contact footers).</summary>
    RestOfBody,
}

namespace Syndicate.Cli.Evaluation;

/// <summary>The families of spelling and encoding variation an edited copy may show.</summary>
[Flags]
internal enum Orthography
{
    None = 0,

    /// <summary>Hamza forms of alef written bare (<c>أ إ آ → ا</c>), and a hamza added to some word-initial bare alefs.</summary>
    AlefForms = 1,

    /// <summary>Word-final <c>ى</c> and <c>ي</c> swapped (Egyptian typesetting).</summary>
    AlefMaqsura = 2,

    /// <summary>Word-final <c>ة</c> written <c>ه</c>.</summary>
    TaMarbuta = 4,

    /// <summary>Short vowels, shadda and tanween added here and there.</summary>
    Harakat = 8,

    /// <summary>Tatweel (<c>ـ</c>) stretching some joins.</summary>
    Tatweel = 16,

    /// <summary>ASCII digits written as Arabic-Indic digits (<c>٠-٩</c>).</summary>
    IndicDigits = 32,

    /// <summary>Some letters written as Arabic Presentation Forms-B (U+FE70–U+FEFC), as text copied out of PDFs is.</summary>
    PresentationForms = 64,

    /// <summary>Zero-width non-joiners and right-to-left marks between words.</summary>
    InvisibleMarks = 128,
}

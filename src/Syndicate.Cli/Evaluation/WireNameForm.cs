namespace Syndicate.Cli.Evaluation;

/// <summary>Which of a wire's names an outlet writes in datelines and credit lines.</summary>
internal enum WireNameForm
{
    /// <summary>The short Arabic name or acronym: <c>أ ف ب</c>, <c>واس</c>, <c>سبوتنيك</c>.</summary>
    ArabicShort = 0,

    /// <summary>The long Arabic name: <c>وكالة الصحافة الفرنسية</c>.</summary>
    ArabicLong = 1,

    English = 2,

    Urdu = 3,

    Russian = 4,
}

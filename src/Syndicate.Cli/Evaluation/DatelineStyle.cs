namespace Syndicate.Cli.Evaluation;

/// <summary>How a copy opens: the dateline forms that Arabic, English and Urdu outlets put before a wire story.</summary>
internal enum DatelineStyle
{
    /// <summary><c>( أردو بوینت نتورك ۔ / سبوتنيك - 18 كانون الثاني 2022ء)</c>: outlet and wire, Levantine month, trailing ء.</summary>
    OutletSlashWire = 0,

    /// <summary><c>موسكو - سبوتنيك.</c></summary>
    CityDashWire = 1,

    /// <summary><c>القاهرة (أ ش أ) -</c></summary>
    CityParenWire = 2,

    /// <summary><c>الرياض 05 شوال 1436 هـ الموافق 21 يوليو 2015 م واس</c> on its own line (Umm al-Qura and Gregorian dates).</summary>
    HijriGregorian = 3,

    /// <summary><c>MOSCOW, Jan 18 (Reuters) -</c></summary>
    English = 4,

    /// <summary><c>ڈھاکہ ۔ یکم دسمبر (اے پی پی)</c></summary>
    Urdu = 5,

    /// <summary><c>القاهرة في 18 يناير /أ ش أ/</c>: Egyptian and Gulf month names.</summary>
    CityDateSlashes = 6,
}

namespace Syndicate.Cli.Evaluation;

/// <summary>A dateline city, in the three scripts datelines are written in.</summary>
internal sealed class City
{
    public City(string arabic, string english, string urdu)
    {
        Arabic = arabic;
        English = english;
        Urdu = urdu;
    }

    public string Arabic { get; }

    /// <summary>Upper case, as English wire datelines write it (<c>MOSCOW</c>).</summary>
    public string English { get; }

    public string Urdu { get; }

    public static IReadOnlyList<City> All { get; } =
    [
        new("موسكو", "MOSCOW", "ماسکو"),
        new("الرياض", "RIYADH", "ریاض"),
        new("القاهرة", "CAIRO", "قاہرہ"),
        new("باريس", "PARIS", "پیرس"),
        new("لندن", "LONDON", "لندن"),
        new("أنقرة", "ANKARA", "انقرہ"),
        new("بكين", "BEIJING", "بیجنگ"),
        new("الكويت", "KUWAIT", "کویت"),
        new("أبوظبي", "ABU DHABI", "ابوظہبی"),
        new("إسلام آباد", "ISLAMABAD", "اسلام آباد"),
        new("برلين", "BERLIN", "برلن"),
        new("دكا", "DHAKA", "ڈھاکہ"),
        new("دبي", "DUBAI", "دبئی"),
        new("جنيف", "GENEVA", "جنیوا"),
        new("واشنطن", "WASHINGTON", "واشنگٹن"),
        new("بيروت", "BEIRUT", "بیروت"),
        new("عمان", "AMMAN", "عمان"),
        new("جدة", "JEDDAH", "جدہ"),
    ];
}

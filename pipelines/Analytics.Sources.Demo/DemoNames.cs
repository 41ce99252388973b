namespace Analytics.Sources.Demo;

/// <summary>
/// Invented company and person names. Names come from an index through a fixed permutation of word combinations,
/// so every account (and every partner) gets a distinct name and domain without any lookup table.
/// </summary>
internal static class DemoNames
{
    /// <summary>The vendor's own e-mail domain (a reserved <c>.example</c> name: never a real company).</summary>
    public const string VendorDomain = "vendor.example";

    private static readonly string[] Prefixes =
    [
        "North", "Bright", "Blue", "Silver", "Iron", "Red", "Green", "Clear", "Swift", "True", "Stone", "Oak",
        "Pine", "Summit", "Harbor", "Maple", "Cedar", "River", "Lake", "Sun", "Star", "Nova", "Apex", "Prime",
        "Terra", "Aero", "Vertex", "Quantum", "Delta", "Alpha", "Omni", "Zen", "Echo", "Atlas", "Polar", "Golden",
        "Rapid", "Solid", "Bold", "Civic", "Metro", "Urban", "Coastal", "Granite", "Copper", "Cobalt", "Amber",
        "Ember", "Lumen", "Orbit", "Pixel", "Vector", "Signal", "Kinetic", "Fusion", "Horizon", "Pioneer",
        "Keystone", "Beacon", "Westward",
    ];

    private static readonly string[] Cores =
    [
        "forge", "bridge", "wave", "field", "point", "line", "stack", "works", "gate", "path", "wind", "peak",
        "view", "core", "mark", "link", "cloud", "leaf", "stream", "wood", "vale", "ridge", "haven", "port",
        "shore", "light", "spark", "flow", "grid", "loop", "sphere", "scale", "trail", "craft", "mill", "yard",
        "rock", "well", "brook", "hill", "dale", "storm", "pulse", "shift", "bloom", "nest", "frame", "hub",
        "base", "span",
    ];

    private static readonly string[] AccountSuffixes =
    [
        "Analytics", "Labs", "Systems", "Health", "Logistics", "Foods", "Energy", "Capital", "Bank", "Insurance",
        "Retail", "Media", "Software", "Manufacturing", "Pharma", "Motors", "Telecom", "Education", "Hospitality",
        "Realty", "Biotech", "Robotics", "Apparel", "Airlines", "Group", "Industries", "Networks", "Markets",
        "Utilities", "Freight",
    ];

    private static readonly string[] Overflow = ["Global", "International", "Holdings", "Worldwide", "Americas", "Europe", "Asia", "United"];

    private static readonly string[][] PartnerSuffixes =
    [
        ["Advisors", "Ventures", "Connect", "Growth Partners"],
        ["Solutions", "Distribution", "IT", "Technologies"],
        ["Cloud Exchange", "Cloud Commerce", "Marketplace Services"],
        ["Consulting", "Digital", "Services", "Integrators"],
        ["Software", "Data", "AI", "Platforms"],
    ];

    private static readonly string[] FirstNames =
    [
        "Maria", "James", "Aisha", "Chen", "Lukas", "Sofia", "Daniel", "Priya", "Omar", "Emma", "Mateo", "Hannah",
        "Kenji", "Fatima", "Noah", "Olivia", "Ravi", "Elena", "Samuel", "Yuki", "Lucas", "Amara", "David", "Ines",
        "Tomas", "Grace", "Ahmed", "Chloe", "Felix", "Nadia", "Ethan", "Mei", "Jonas", "Leila", "Carlos", "Zoe",
        "Arjun", "Freya", "Diego", "Sara", "Hugo", "Ana", "Marcus", "Lena", "Kofi", "Julia", "Ivan", "Rosa",
    ];

    private static readonly string[] LastNames =
    [
        "Garcia", "Smith", "Khan", "Wang", "Muller", "Rossi", "Cohen", "Patel", "Haddad", "Johnson", "Silva",
        "Schmidt", "Tanaka", "Ali", "Brown", "Martin", "Sharma", "Petrova", "Okafor", "Sato", "Dubois", "Mensah",
        "Kim", "Ferreira", "Novak", "Walsh", "Nasser", "Laurent", "Berg", "Hassan", "Taylor", "Li", "Jansen",
        "Rahimi", "Lopez", "Young", "Iyer", "Larsen", "Torres", "Costa", "Moreau", "Santos", "Wright", "Weber",
        "Boateng", "Nowak", "Volkov", "Reyes",
    ];

    /// <summary>A company name such as "Brightforge Analytics" for account <paramref name="index"/>, distinct per index.</summary>
    public static string AccountName(long index) =>
        CompanyName(index, 0, 7919, AccountSuffixes);

    /// <summary>A partner company name whose suffix fits its type (e.g. "Cedarbrook Consulting"), distinct per index.</summary>
    public static string PartnerName(int index, int partnerType) =>
        CompanyName(index, 5_021, 104_729, PartnerSuffixes[partnerType]);

    /// <summary>The web domain of a company name: lowercase letters and digits, then <paramref name="topLevel"/>.</summary>
    public static string DomainOf(string companyName, string topLevel)
    {
        Span<char> buffer = stackalloc char[companyName.Length];
        var length = 0;
        foreach (var c in companyName)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return string.Concat(buffer[..length], ".", topLevel);
    }

    /// <summary>A person's e-mail address such as <c>maria.garcia@vendor.example</c>, distinct per index (a digit is appended past 2,304).</summary>
    public static string PersonEmail(int index, string domain)
    {
        var slot = (int)((index * 1_009L) % (FirstNames.Length * LastNames.Length));
        var first = FirstNames[slot % FirstNames.Length];
        var last = LastNames[slot / FirstNames.Length];
        var repeat = index / (FirstNames.Length * LastNames.Length);
        var local = repeat == 0 ? $"{first}.{last}" : $"{first}.{last}{repeat + 1}";
        return $"{local.ToLowerInvariant()}@{domain}";
    }

    /// <summary>
    /// The name at <paramref name="index"/>: a permutation (shifted by <paramref name="offset"/>, so that partners and
    /// accounts do not start on the same words) of prefix x core x suffix, with an extra word once they run out.
    /// </summary>
    private static string CompanyName(long index, long offset, long multiplier, string[] suffixes)
    {
        long combinations = Prefixes.Length * Cores.Length * suffixes.Length;
        var slot = ((index + offset) % combinations * multiplier) % combinations;
        var overflow = index / combinations;
        var prefix = Prefixes[slot % Prefixes.Length];
        var core = Cores[slot / Prefixes.Length % Cores.Length];
        var suffix = suffixes[slot / (Prefixes.Length * Cores.Length)];
        var name = $"{prefix}{core} {suffix}";
        return overflow == 0 ? name : $"{name} {Overflow[(overflow - 1) % Overflow.Length]}{(overflow > Overflow.Length ? overflow : string.Empty)}";
    }
}

using System.Globalization;

namespace Analytics.TestSupport.Salesforce.Soql;

/// <summary>SOQL literals and stored values: parsing, comparing, and the texts Salesforce writes in JSON and CSV.</summary>
internal static class SoqlValues
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", "yyyy-MM-dd'T'HH:mm:ss.fffzzz", "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.fffK", "yyyy-MM-dd'T'HH:mm:ssK",
    ];

    public static bool TryParseDateTime(string text, out DateTime value)
    {
        if (text.Length > 10 && text[10] == 'T'
            && DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed.UtcDateTime;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>JSON text of a datetime: 2024-06-30T10:00:00.000+0000.</summary>
    public static string JsonDateTime(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    /// <summary>CSV text of a datetime: 2024-06-30T10:00:00.000Z.</summary>
    public static string CsvDateTime(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The CSV text of a stored value (empty for null).</summary>
    public static string Csv(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        DateTime d => CsvDateTime(d),
        DateOnly d => Date(d),
        bool b => b ? "true" : "false",
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>Compares a stored value with a literal; null when they cannot be compared.</summary>
    public static int? Compare(object? stored, object? literal)
    {
        if (stored is null || literal is null)
        {
            return null;
        }

        return (stored, literal) switch
        {
            (string a, string b) => string.Compare(a, b, StringComparison.OrdinalIgnoreCase),
            (DateTime a, DateTime b) => a.CompareTo(b),
            (DateTime a, DateOnly b) => a.CompareTo(b.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
            (DateOnly a, DateOnly b) => a.CompareTo(b),
            (DateOnly a, DateTime b) => a.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).CompareTo(b),
            (bool a, bool b) => a.CompareTo(b),
            (decimal a, decimal b) => a.CompareTo(b),
            (long a, decimal b) => ((decimal)a).CompareTo(b),
            (decimal a, long b) => a.CompareTo(b),
            (long a, long b) => a.CompareTo(b),
            (string a, _) => string.Compare(a, Csv(literal), StringComparison.OrdinalIgnoreCase),
            _ => null,
        };
    }

    /// <summary>Orders stored values as ORDER BY does: nulls first.</summary>
    public static int Order(object? a, object? b) =>
        a is null ? (b is null ? 0 : -1) : b is null ? 1 : Compare(a, b) ?? 0;
}

using System.Globalization;

namespace Analytics.TestSupport.HubSpot.Seeding;

/// <summary>Canonical values as a HubSpot portal stores them: every property value is a string.</summary>
public static class HubSpotValues
{
    /// <summary>A date-time: <c>2024-06-01T10:00:00.123Z</c>.</summary>
    public static string? Time(DateTime? utc) => utc is { } value ? HubSpotPortal.Timestamp(value) : null;

    /// <summary>A date: <c>2024-06-30</c>.</summary>
    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A number in invariant culture.</summary>
    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A boolean: <c>true</c> / <c>false</c>.</summary>
    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>opportunity_type → dealtype: HubSpot's newbusiness and existingbusiness, and a portal's own renewal.</summary>
    public static string DealType(string type) => type switch
    {
        "new_business" => "newbusiness",
        "expansion" => "existingbusiness",
        _ => type,
    };

    /// <summary>A canonical name as a label: <c>intro_logged</c> → <c>Intro Logged</c>.</summary>
    public static string Label(string value) =>
        string.Join(' ', value.Split('_').Select(w => w.Length == 0 ? w : char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));
}

using System.Globalization;

namespace Analytics.Sources.Salesforce.Api;

/// <summary>Turns the texts Salesforce sends (JSON or CSV) into the canonical texts rows carry, the same for both.</summary>
internal static class CanonicalText
{
    public static string? From(string? raw, SalesforceValueType type, string path)
    {
        if (raw is null)
        {
            return null;
        }

        try
        {
            return type switch
            {
                SalesforceValueType.DateTime => raw.Length == 0 ? null : SalesforceTimestamp.Canonical(raw),
                SalesforceValueType.Date => raw.Length == 0 ? null : DateOnly.ParseExact(raw.Length > 10 ? raw[..10] : raw, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                SalesforceValueType.Number => raw.Length == 0 ? null : Number(raw),
                SalesforceValueType.Boolean => raw.Length == 0 ? null : bool.Parse(raw) ? "true" : "false",
                _ => raw,
            };
        }
        catch (FormatException)
        {
            throw new SalesforceException(SalesforceErrorKind.Other, $"{path}: Salesforce sent '{Short(raw)}', which is not a {type.ToString().ToLowerInvariant()}; fix the column's type in source.salesforce.mapping.", field: path);
        }
    }

    /// <summary>A number in invariant culture without trailing zeros ("1234.5", "120000").</summary>
    public static string Number(string raw)
    {
        var value = decimal.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        return (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
    }

    private static string Short(string raw) => raw.Length > 40 ? raw[..40] + "…" : raw;
}

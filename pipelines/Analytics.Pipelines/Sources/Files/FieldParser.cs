using System.Globalization;
using Analytics.Pipelines.Crm;

namespace Analytics.Pipelines.Sources.Files;

/// <summary>
/// Strict parsing of one field text into its canonical type. Nothing is guessed: numbers use the invariant culture,
/// dates and timestamps ISO 8601 (or the exact formats configured), booleans true/false/1/0, enum-like columns their
/// accepted values exactly, and values outside sane ranges are refused. Each refusal is a sentence a RevOps analyst
/// can act on.
/// </summary>
internal sealed class FieldParser(string? dateFormat, string? timestampFormat, int maxTextLength)
{
    /// <summary>Earliest date or timestamp accepted: older values are typos, not CRM history.</summary>
    public static readonly DateOnly EarliestDate = new(1990, 1, 1);

    /// <summary>Latest date or timestamp accepted: protection ends and close dates lie in the near future, not in 9999.</summary>
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    private static readonly string[] IsoTimestampFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mmK",
    ];

    /// <summary>Parses <paramref name="text"/> for <paramref name="column"/>; on failure returns false and a reason.</summary>
    public bool TryParse(ColumnSchema column, string? text, out object? value, out string? reason)
    {
        value = null;
        reason = null;
        if (text is null || (text.Length == 0 && column.Type != CrmColumnType.Text) || (text.Length == 0 && column.Required))
        {
            if (column.Required)
            {
                reason = "is required but empty";
                return false;
            }

            return true;
        }

        switch (column.Type)
        {
            case CrmColumnType.Text:
                return TryText(column, text, out value, out reason);
            case CrmColumnType.Integer:
                if (!long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    reason = $"'{Excerpt(text)}' is not a whole number";
                    return false;
                }

                value = integer;
                return InRange(column, integer, out reason);
            case CrmColumnType.Decimal:
                if (!decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    reason = $"'{Excerpt(text)}' is not a number (use a point as decimal separator, no thousands separators)";
                    return false;
                }

                if (decimal.Round(number, 2) != number)
                {
                    reason = $"{number.ToString(CultureInfo.InvariantCulture)} has more than 2 decimals";
                    return false;
                }

                value = number;
                return InRange(column, number, out reason);
            case CrmColumnType.Boolean:
                value = text.Trim().ToLowerInvariant() switch
                {
                    "true" or "1" or "yes" => true,
                    "false" or "0" or "no" => (object)false,
                    _ => null,
                };
                reason = value is null ? $"'{Excerpt(text)}' is not true or false" : null;
                return value is not null;
            case CrmColumnType.Date:
                return TryDate(text.Trim(), out value, out reason);
            case CrmColumnType.Timestamp:
                return TryTimestamp(text.Trim(), out value, out reason);
            default:
                throw new InvalidOperationException($"Unhandled column type {column.Type}.");
        }
    }

    private bool TryText(ColumnSchema column, string text, out object? value, out string? reason)
    {
        value = null;
        if (text.Length > maxTextLength)
        {
            reason = $"is {text.Length:N0} characters long; the limit is {maxTextLength:N0} (extract.max_text_length)";
            return false;
        }

        if (text.Contains('\0'))
        {
            reason = "contains a NUL character";
            return false;
        }

        if (column.AcceptedValues is { } accepted && !accepted.Contains(text, StringComparer.Ordinal))
        {
            reason = $"'{Excerpt(text)}' is not an accepted value; accepted: {string.Join(", ", accepted)}";
            return false;
        }

        value = text;
        reason = null;
        return true;
    }

    private bool TryDate(string text, out object? value, out string? reason)
    {
        value = null;
        var ok = dateFormat is null
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            : DateOnly.TryParseExact(text, dateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        if (!ok)
        {
            reason = $"'{Excerpt(text)}' is not a date in the format {dateFormat ?? "yyyy-MM-dd"}";
            return false;
        }

        if (date < EarliestDate || date > LatestDate)
        {
            reason = $"date {date:yyyy-MM-dd} is outside the accepted range {EarliestDate:yyyy-MM-dd} to {LatestDate:yyyy-MM-dd}";
            return false;
        }

        value = date;
        reason = null;
        return true;
    }

    private bool TryTimestamp(string text, out object? value, out string? reason)
    {
        value = null;
        const DateTimeStyles styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        var ok = timestampFormat is null
            ? DateTime.TryParseExact(text, IsoTimestampFormats, CultureInfo.InvariantCulture, styles, out var timestamp)
            : DateTime.TryParseExact(text, timestampFormat, CultureInfo.InvariantCulture, styles, out timestamp);
        if (!ok)
        {
            reason = $"'{Excerpt(text)}' is not a timestamp in the format {timestampFormat ?? "ISO 8601 (yyyy-MM-ddTHH:mm:ss with Z, an offset, or none for UTC)"}";
            return false;
        }

        var day = DateOnly.FromDateTime(timestamp);
        if (day < EarliestDate || day > LatestDate)
        {
            reason = $"timestamp {timestamp:yyyy-MM-dd HH:mm:ss} is outside the accepted range {EarliestDate:yyyy-MM-dd} to {LatestDate:yyyy-MM-dd}";
            return false;
        }

        value = DateTime.SpecifyKind(timestamp, DateTimeKind.Utc);
        reason = null;
        return true;
    }

    private static bool InRange(ColumnSchema column, decimal number, out string? reason)
    {
        reason = null;
        if (column.Minimum is { } min && number < min)
        {
            reason = $"{number.ToString(CultureInfo.InvariantCulture)} is below the minimum {min.ToString(CultureInfo.InvariantCulture)}";
        }
        else if (column.Maximum is { } max && number > max)
        {
            reason = $"{number.ToString(CultureInfo.InvariantCulture)} is above the maximum {max.ToString(CultureInfo.InvariantCulture)}";
        }

        return reason is null;
    }

    /// <summary>The start of a long value, for messages that must stay readable.</summary>
    public static string Excerpt(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}

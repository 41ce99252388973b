using System.Globalization;

namespace Analytics.Reports.Charts;

/// <summary>
/// How figures are written for people, the same in PDFs, emails and chart axes: "$1.2M", "35%", "+3.2 pp".
/// Invariant culture throughout; a value that rounds to zero is written without a sign ("0.0 pp", not "-0.0 pp");
/// a value that is not a number (NaN, infinity) is written "n/a".
/// </summary>
public static class NumberFormat
{
    /// <summary>What non-finite values are written as.</summary>
    public const string NotAvailable = "n/a";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Money, compact: $950, $12K, $850K, $1.2M, $3.4B; negative as -$1.3M.</summary>
    /// <param name="value">Dollars.</param>
    /// <returns>The text.</returns>
    public static string Money(double value)
    {
        if (!double.IsFinite(value))
        {
            return NotAvailable;
        }

        var abs = Math.Abs(value);
        // Thresholds sit where the smaller unit would round up to 1000 ("$1000K" must be "$1.0M").
        var text = abs switch
        {
            >= 999_500_000 => "$" + Compact(abs / 1e9) + "B",
            >= 999_500 => "$" + Compact(abs / 1e6) + "M",
            >= 999.5 => "$" + Math.Round(abs / 1e3, MidpointRounding.AwayFromZero).ToString("0", Invariant) + "K",
            _ => "$" + Math.Round(abs, MidpointRounding.AwayFromZero).ToString("0", Invariant),
        };
        return value < 0 && text != "$0" ? "-" + text : text;
    }

    /// <summary>A share as a percentage: 0.35 → "35%" (decimals 0) or "35.0%" (decimals 1).</summary>
    /// <param name="share">The share, 1.0 being 100 %.</param>
    /// <param name="decimals">Decimal places, 0 to 4.</param>
    /// <returns>The text.</returns>
    public static string Percent(double share, int decimals = 0) =>
        double.IsFinite(share) ? Fixed(share * 100, CheckDecimals(decimals)) + "%" : NotAvailable;

    /// <summary>A difference of two rates in percentage points, signed: +3.2 pp, -0.4 pp, 0.0 pp.</summary>
    /// <param name="delta">The difference in percentage points (3.2 means 3.2 pp).</param>
    /// <returns>The text.</returns>
    public static string Points(double delta) =>
        double.IsFinite(delta) ? SignedFixed(delta, 1) + " pp" : NotAvailable;

    /// <summary>A duration in whole days: "42 d".</summary>
    /// <param name="days">Days.</param>
    /// <returns>The text.</returns>
    public static string Days(double days) => double.IsFinite(days) ? Fixed(days, 0) + " d" : NotAvailable;

    /// <summary>A count with its noun: "1 deal", "1,204 deals" (<paramref name="many"/> defaults to the noun plus "s").</summary>
    public static string Plural(int count, string one, string? many = null) => $"{Count(count)} {(count == 1 ? one : many ?? one + "s")}";

    /// <summary>A whole count with thousands separators: "1,204".</summary>
    /// <param name="value">The count (rounded to a whole number).</param>
    /// <returns>The text.</returns>
    public static string Count(double value)
    {
        if (!double.IsFinite(value))
        {
            return NotAvailable;
        }

        var rounded = Math.Round(value, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("#,0", Invariant);
    }

    /// <summary>A plain number with up to two decimals and thousands separators: "1,234.5".</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string Decimal(double value)
    {
        if (!double.IsFinite(value))
        {
            return NotAvailable;
        }

        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("#,0.##", Invariant);
    }

    /// <summary>A signed money difference: "+$120K", "-$1.3M", "$0".</summary>
    /// <param name="delta">The difference in dollars.</param>
    /// <returns>The text.</returns>
    public static string SignedMoney(double delta)
    {
        var text = Money(delta);
        return delta > 0 && text != "$0" && text != NotAvailable ? "+" + text : text;
    }

    /// <summary>A signed relative change: 0.042 → "+4%", -0.04 → "-4%", 0.001 → "0%".</summary>
    /// <param name="change">The change as a share (0.042 is 4.2 %).</param>
    /// <param name="decimals">Decimal places, 0 to 4.</param>
    /// <returns>The text.</returns>
    public static string SignedPercent(double change, int decimals = 0) =>
        double.IsFinite(change) ? SignedFixed(change * 100, CheckDecimals(decimals)) + "%" : NotAvailable;

    /// <summary>A signed count difference: "+12", "-1,204", "0".</summary>
    /// <param name="delta">The difference.</param>
    /// <returns>The text.</returns>
    public static string SignedCount(double delta)
    {
        var text = Count(delta);
        return delta > 0 && text != "0" && text != NotAvailable ? "+" + text : text;
    }

    /// <summary>A signed difference in days: "+3 d", "-12 d", "0 d".</summary>
    /// <param name="delta">The difference in days.</param>
    /// <returns>The text.</returns>
    public static string SignedDays(double delta) => double.IsFinite(delta) ? SignedFixed(delta, 0) + " d" : NotAvailable;

    /// <summary>Writes <paramref name="value"/> the way <paramref name="format"/> says.</summary>
    /// <param name="format">What the value is.</param>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(ValueFormat format, double value) => format switch
    {
        ValueFormat.Money => Money(value),
        ValueFormat.Percent => Percent(value),
        ValueFormat.Count => Count(value),
        ValueFormat.Days => Days(value),
        ValueFormat.Decimal => Decimal(value),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown value format."),
    };

    /// <summary>Writes a signed difference the way <paramref name="format"/> says: "+$120K", "+4%" (for Percent, a change in share), "+12".</summary>
    /// <param name="format">What the value is.</param>
    /// <param name="delta">The difference.</param>
    /// <returns>The text.</returns>
    public static string Signed(ValueFormat format, double delta) => format switch
    {
        ValueFormat.Money => SignedMoney(delta),
        ValueFormat.Percent => SignedPercent(delta),
        ValueFormat.Count => SignedCount(delta),
        ValueFormat.Days => SignedDays(delta),
        ValueFormat.Decimal => double.IsFinite(delta) ? SignedFixed(delta, 2).TrimEnd('0').TrimEnd('.') : NotAvailable,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown value format."),
    };

    private static string Compact(double scaled) => scaled >= 99.95
        ? Math.Round(scaled, MidpointRounding.AwayFromZero).ToString("0", Invariant)
        : scaled.ToString("0.0", Invariant);

    // Rounds first, so that -0.04 becomes "0.0" and carries no sign.
    private static string Fixed(double value, int decimals)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("F" + decimals.ToString(Invariant), Invariant);
    }

    private static string SignedFixed(double value, int decimals)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        var sign = rounded > 0 ? "+" : rounded < 0 ? "-" : "";
        return sign + Math.Abs(rounded).ToString("F" + decimals.ToString(Invariant), Invariant);
    }

    private static int CheckDecimals(int decimals) => decimals is >= 0 and <= 4
        ? decimals
        : throw new ArgumentOutOfRangeException(nameof(decimals), decimals, "Decimals must be between 0 and 4.");
}
